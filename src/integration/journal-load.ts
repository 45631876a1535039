import { existsSync } from "node:fs";
import path from "node:path";
import { journalToday } from "../lib/journal-today.ts";
import type { DaybookSettings } from "./daybook-settings.ts";
import { readSourceFiles } from "./content/journal-read.ts";
import { listContentFiles } from "./images/content-files.ts";
import { validateJournal, type Journal } from "./content/journal-validate.ts";
import type { ContentRulesCache } from "./content/content-rules-cache.ts";
import { checkJournalLinks } from "./links/journal-links.ts";
import { journalLinkTargets, registerLinkTargets } from "./links/link-targets.ts";

/**
 * Reads and validates the journal: every rule on frontmatter, tags, dates, content and links
 * between files. Registers the link targets the Markdown plugin publishes links with. Used by the
 * build, `npm run check` and the dev server's check thread (src/integration/dev/). A build passes
 * `contentRules`, its cache of the content rules' results, which is saved once the journal is read.
 */
export function loadJournal(settings: DaybookSettings, today = journalToday(process.env, settings.timeZone), contentRules?: ContentRulesCache): Journal {
  const daysDir = path.join(settings.contentRoot, "days");
  const tagsDir = path.join(settings.contentRoot, "tags");
  const files = { days: readSourceFiles(settings.root, daysDir), tags: readSourceFiles(settings.root, tagsDir) };
  const journal = validateJournal(files.days, files.tags, {
    today,
    timeZone: settings.timeZone,
    maxEntryBytes: settings.maxEntryBytes,
    contentFiles: listContentFiles(settings.contentRoot),
    remoteImages: settings.remoteImages,
    ...(contentRules && { contentRules }),
  });
  contentRules?.save();
  // Links between files are checked before Astro runs; the Markdown plugin publishes them with the same targets.
  const links = journalLinkTargets(journal, settings);
  journal.problems.push(...checkJournalLinks([...files.days, ...files.tags], links));
  registerLinkTargets(links, settings.root);
  if (!existsSync(daysDir)) {
    journal.problems.push({ file: path.relative(settings.root, daysDir) || ".", message: "the entries folder does not exist", fix: "create it and add a first entry with `npm run new`" });
  }
  return journal;
}
