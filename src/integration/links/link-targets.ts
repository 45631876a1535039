import { existsSync } from "node:fs";
import path from "node:path";
import type { Journal } from "../content/journal-validate.ts";
import type { LinkTargets } from "./entry-link-resolve.ts";

/**
 * The journal's pages by source file, for links between entries. Drafts are included: `astro dev`
 * shows them, and a production build's link check reports a link to one, since its page is missing.
 */
export function journalLinkTargets(journal: Pick<Journal, "entries" | "tags">, settings: { root: string; contentRoot: string; base: string }): LinkTargets {
  const pages = new Map<string, string>([
    ...journal.entries.map((e): [string, string] => [e.file, `day/${e.data.day}/`]),
    ...journal.tags.map((t): [string, string] => [t.file, `tags/${t.id}/`]),
  ]);
  const contentDir = path.relative(settings.root, settings.contentRoot).split(path.sep).join("/") || ".";
  return { base: settings.base, contentDir, pages, exists: (file) => existsSync(path.join(settings.root, file)) };
}

/**
 * The targets of the journal being built, shared between the integration (which validates the
 * journal before Astro starts) and the Markdown plugin (which rewrites links in each page), as
 * the snippet registry shares snippet results.
 */
let registered: { targets: LinkTargets; root: string } | undefined;

export function registerLinkTargets(targets: LinkTargets, root: string): void {
  registered = { targets, root };
}

export function registeredLinkTargets(): { targets: LinkTargets; root: string } | undefined {
  return registered;
}
