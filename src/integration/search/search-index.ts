// search/: the Pagefind index of entry and tag pages, built after the site, and the last build's
// index served by the dev server. This file builds the index.

import { readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Journal } from "../content/journal-validate.ts";
import type { Problem } from "../content/problem.ts";
import { codeForIndex, indexedPart, withAliases } from "./index-html.ts";

/**
 * Pagefind's index chunk size, in word occurrences (its default is 20,000). Smaller chunks let a
 * later query fetch only the few words it needs: a two-word query on the sample journal then
 * fetches under 40 KB. Pagefind reads it from this environment variable only.
 */
const INDEX_CHUNK_SIZE = "4000";

export interface SearchIndexResult {
  pages: number;
  problems: Problem[];
}

/**
 * Builds the Pagefind index into `<outDir>/pagefind/` from exactly the pages that should be
 * searchable (every published entry and every tag) and checks that each one was indexed, so a
 * page can never drop out of search silently. Other pages (home, archive, graph) are left out.
 * Pagefind reads each page as `index-html.ts` prepares it (its indexed element alone, code
 * reduced to its longer words, entries given their tags' aliases).
 */
export async function buildSearchIndex(outDir: string, journal: Journal): Promise<SearchIndexResult> {
  const aliasesOf = new Map(journal.tags.map((t) => [t.id, t.data.aliases ?? []]));
  const pages = [
    ...journal.entries.filter((e) => !e.data.draft).map((e) => ({ file: e.file, url: `/day/${e.data.day}/`, aliases: e.tagIds.flatMap((id) => aliasesOf.get(id) ?? []) })),
    ...journal.tags.map((t) => ({ file: t.file, url: `/tags/${t.id}/`, aliases: [] as string[] })),
  ];
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) return { pages: 0, problems: [{ file: outDir, message: `Pagefind could not start: ${errors.join("; ")}`, fix: "reinstall dependencies with npm install" }] };
  const problems: Problem[] = [];
  let indexed = 0;
  try {
    // Each page is sent as soon as it is read, without waiting for Pagefind to index the one before:
    // Pagefind (a process of its own) indexes them in the order sent while this thread reads the
    // next. After each page the event loop runs, so the page reaches Pagefind's pipe now rather
    // than after the last page is read (0.7 s sooner for 1,300 pages; the order, and so the
    // index, is the same).
    const added: ReturnType<typeof index.addHTMLFile>[] = [];
    for (const page of pages) {
      const html = readFileSync(path.join(outDir, page.url, "index.html"), "utf8");
      const adding = index.addHTMLFile({ url: page.url, content: withAliases(codeForIndex(indexedPart(html)), page.aliases) });
      adding.catch(() => undefined); // awaited below; not "unhandled" while the next page is read
      added.push(adding);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const [i, result] of (await Promise.all(added)).entries()) {
      if (result.errors.length || result.file.uniqueWords === 0) {
        problems.push({ file: pages[i]!.file, message: `the page ${pages[i]!.url} was not indexed for search${result.errors.length ? `: ${result.errors.join("; ")}` : " (no searchable text)"}`, fix: "check that the page renders its body inside data-pagefind-body" });
      } else indexed++;
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
    if (written.errors.length) problems.push({ file: outDir, message: `Pagefind could not write the index: ${written.errors.join("; ")}`, fix: "check free disk space and permissions on the output folder" });
  } finally {
    await pagefind.close();
  }
  if (indexed !== pages.length && problems.length === 0) {
    problems.push({ file: outDir, message: `${indexed} pages were indexed, expected ${pages.length}`, fix: "rebuild; if it persists, report it with the build log" });
  }
  return { pages: indexed, problems };
}
