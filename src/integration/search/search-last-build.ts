// search/: what a warm build's search index takes from the last build. Pagefind cannot drop a page
// once read and its index depends on the order pages are read in, so the index of a build that
// changed one entry was made from all 1,300 pages after the last one was written (about 5 s of a
// 20 s rebuild on 1,000 entries). Now the index thread reads, while Vite bundles, the last build's
// copy (Astro's incremental cache) of each page whose inputs look unchanged; the build's files
// decide at the end (search-index.ts): a copy that turns out not to be the page costs a rebuild
// of the index from the files, never a wrong index.

import { existsSync, lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Journal } from "../content/journal-validate.ts";
import { hashOf, type SearchIndexBuild, type SearchPageList } from "./search-index.ts";
import { writeFileWhole } from "../write-whole.ts";

/** Where a build leaves the record of its indexed pages, in the cache folder (daybook-cache.ts). */
export const LAST_BUILD_RECORD = "daybook-search-pages.json";
/** Where Astro's incremental build keeps its copy of each page, in the same folder. */
const ASTRO_PAGE_COPIES = "dist";

/** What the thread needs to reuse the last build's pages: the project, the cache folder, and the journal's digest. */
export interface LastBuildSource {
  root: string;
  cacheDir: string;
  /** journalDigest(): what every indexed page may show of the journal besides its own file. */
  journal: string;
}

interface Recorded {
  version: 1;
  /** Per page address: the digest of its inputs, and the hash of the file the build wrote. */
  pages: Record<string, { inputs: string; file: string }>;
}

/**
 * What any indexed page may show of the journal besides its own file: every entry's and tag's
 * frontmatter (titles, dates, tags, counts, links' titles), the settings, and Daybook's own code
 * and dependencies (`key`, from cache-key.ts). A new entry or a retitled one changes it, and then
 * no page is reused; a change to one entry's body leaves it as it was.
 */
export function journalDigest(journal: Journal, settings: object, key: string): string {
  return hashOf(
    JSON.stringify({
      key,
      settings,
      entries: journal.entries.map((e) => [e.file, e.id, e.data, e.tagIds]),
      tags: journal.tags.map((t) => [t.file, t.id, t.data]),
    }),
  );
}

/** Each page's inputs: the journal's digest, its address, its tags' aliases and its own file's bytes. */
export function pageInputs(source: LastBuildSource, pages: SearchPageList): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const page of pages) {
    const file = path.join(source.root, page.file);
    const hash = createHash("sha256").update(`${source.journal}\0${page.url}\0${page.aliases.join("\0")}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
    inputs.set(page.url, hash.digest("base64"));
  }
  return inputs;
}

/**
 * Offers `build` the last build's copy of every page whose inputs are those the last build
 * recorded and whose copy is the file it wrote; returns how many. Yields to the event loop now
 * and then, so pages offered as rendered meanwhile are not kept waiting.
 */
export async function reuseLastBuild(build: SearchIndexBuild, source: LastBuildSource, inputs: ReadonlyMap<string, string>): Promise<number> {
  const recorded = readRecord(source.cacheDir);
  if (!recorded) return 0;
  let reused = 0;
  for (const [url, digest] of inputs) {
    const last = recorded.pages[url];
    if (last?.inputs !== digest) continue;
    const copy = path.join(source.cacheDir, ASTRO_PAGE_COPIES, url, "index.html");
    // A plain file only: the cache folder is the build's, but nothing in it is followed elsewhere.
    if (!lstatSync(copy, { throwIfNoEntry: false })?.isFile()) continue;
    const html = readFileSync(copy, "utf8");
    if (hashOf(html) !== last.file) continue;
    build.reuse(url, html);
    if (++reused % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return reused;
}

/** Records, after a build whose index is complete, each page's inputs and the hash of its written file. */
export function recordBuild(cacheDir: string, inputs: ReadonlyMap<string, string>, written: ReadonlyMap<string, string>): void {
  const pages: Recorded["pages"] = {};
  for (const [url, digest] of inputs) {
    const file = written.get(url);
    if (file) pages[url] = { inputs: digest, file };
  }
  writeFileWhole(path.join(cacheDir, LAST_BUILD_RECORD), JSON.stringify({ version: 1, pages } satisfies Recorded));
}

function readRecord(cacheDir: string): Recorded | undefined {
  try {
    const value = JSON.parse(readFileSync(path.join(cacheDir, LAST_BUILD_RECORD), "utf8")) as Partial<Recorded>;
    return value.version === 1 && value.pages && typeof value.pages === "object" ? (value as Recorded) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: nothing is reused
  }
}
