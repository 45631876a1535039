import { createHash } from "node:crypto";
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
  return { base: settings.base, contentDir, pages, exists: (file) => existsSync(path.join(settings.root, file)), linked: new Set() };
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

/**
 * What the published links of a cached page depend on besides its own text: the page of every
 * file that some relative link leads to. Astro keeps rendered `.md` pages until the config's
 * JSON changes, and this object sits in the config (on the Markdown plugin), so renumbering a
 * linked entry re-renders the pages instead of leaving them with its old URL. Read when Astro
 * hashes the config, after the integration has registered the journal's targets; a new entry
 * that no link leads to changes nothing.
 */
export const publishedLinks = {
  get digest(): string {
    if (!registered) return "";
    const { targets } = registered;
    const linked = [...(targets.linked ?? targets.pages.keys())].sort().map((file) => `${file}\0${targets.pages.get(file) ?? ""}`);
    return createHash("sha256").update(`${targets.base}\n${linked.join("\n")}`).digest("hex").slice(0, 16);
  },
};
