// `npm run check:links [-- <folder>]`: checks every internal link, asset and #anchor of a site
// that is already built (dist/ by default, or DAYBOOK_OUT), under the base path the build used
// (DAYBOOK_BASE or the config). The deploy workflow runs it on the Pages build before publishing.
// It builds nothing and writes nothing; a broken link in an entry is named at the entry's line.
import { existsSync } from "node:fs";
import path from "node:path";
import { daybookSettings } from "../src/integration/daybook-settings.ts";
import { loadJournal } from "../src/integration/journal-load.ts";
import { checkLinks, journalSources } from "../src/integration/links/link-check.ts";
import { formatReport } from "../src/integration/content/problem.ts";

const settings = daybookSettings();
const outDir = path.resolve(settings.root, process.argv[2] ?? (process.env.DAYBOOK_OUT || "dist"));
const shown = path.relative(settings.root, outDir) || ".";
// process.exitCode, not exit(): a long report to a pipe would be cut off.
if (!existsSync(path.join(outDir, "index.html"))) {
  console.error(`There is no built site in ${shown} (no index.html): run \`npm run build\` first, with the same DAYBOOK_BASE.`);
  process.exitCode = 1;
} else {
  // The journal only tells which file each page was written from, so a problem names its line.
  const journal = loadJournal(settings);
  const report = checkLinks(outDir, { base: settings.base, sources: journalSources(journal, settings.root) });
  if (report.problems.length) {
    console.error(formatReport(report.problems, `The site in ${shown} has broken links under the base path ${settings.base}; do not deploy it.`));
    process.exitCode = 1;
  } else {
    console.log(`Links: ${report.links.toLocaleString("en")} links on ${report.pages} pages resolve under ${settings.base} in ${shown}.`);
  }
}
