// search/: the Pagefind index of entry and tag pages, built while the site's pages render, and the
// last build's index served by the dev server. This file builds the index.

import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
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
  /** Of those, how many Pagefind read as they were rendered. */
  asRendered: number;
  /** How many it read from the last build's copy before this build wrote them (search-last-build.ts). */
  fromLastBuild: number;
  problems: Problem[];
}

interface SearchPage {
  file: string;
  url: string;
  aliases: string[];
  /** What Pagefind reads of the page, until it is sent. */
  content?: string | undefined;
  /** The hash of the HTML that `content`, or what was sent, was prepared from. */
  source?: string | undefined;
  /** The hash of what was sent to Pagefind: what the written page must give. */
  sent?: string | undefined;
  /** Where the HTML came from: the rendering, the last build's copy, or (unset) the written file. */
  from?: "rendered" | "last build" | undefined;
}

/** The pages to index, in order: what a thread building the index needs of the journal. */
export type SearchPageList = readonly Pick<SearchPage, "file" | "url" | "aliases">[];

type Added = ReturnType<pagefind.PagefindIndex["addHTMLFile"]>;
type Written = ReturnType<pagefind.PagefindIndex["writeFiles"]>;

/** The hash a page's HTML (or what Pagefind reads of it) is compared by. */
export const hashOf = (text: string) => createHash("sha256").update(text).digest("base64");

/**
 * Builds the Pagefind index of exactly the pages that should be searchable (every published entry
 * and every tag) into `<outDir>/pagefind/`, and checks that each one was indexed, so a page can
 * never drop out of search silently. Other pages (home, archive, graph) are left out. Pagefind
 * reads each page as `index-html.ts` prepares it (its indexed element alone, code reduced to its
 * longer words, entries given their tags' aliases).
 *
 * A build starts it before Astro renders, in a thread of its own (search-index-thread.ts): each
 * page is offered as it is rendered (the build's page middleware), prepared here and indexed by
 * Pagefind (a process of its own) on the core the rendering leaves idle, instead of being read
 * after the last page is written. Pages reach Pagefind in one fixed order (entries, then tags, as
 * the journal lists them; the index depends on it), so a page rendered early waits for those
 * before it. A warm build also offers, before Astro renders anything, the last build's copies of
 * the pages it expects to be unchanged (`reuse`, search-last-build.ts), so Pagefind reads those
 * while Vite bundles. `finish` sends the pages that were not offered from the output folder, and
 * checks that every page sent gives what its written file gives (the same bytes, or the same
 * prepared text); if one does not, the whole index is made again from the files.
 *
 * Told the output folder up front (`outDir`), it writes the index there as soon as Pagefind has
 * every page, while Astro still renders the pages outside the index (render-order.ts renders the
 * indexed ones first), instead of after the last page: Pagefind's write is two seconds of one core
 * on 1,000 entries, which was the end of every build. `finish` still checks every page against its
 * written file, and an index written from a page that turns out not to be the page is removed and
 * made again from the files.
 */
export class SearchIndexBuild {
  readonly #pages: SearchPage[];
  readonly #byUrl: Map<string, number>;
  readonly #base: string;
  readonly #added: Added[] = [];
  #index: Promise<pagefind.PagefindIndex | string>;
  /** Where the index is written once every page is sent, before `finish` (undefined: only by `finish`). */
  #outDir: string | undefined;
  /** That write, once started. */
  #early: Written | undefined;
  #next = 0;
  #conflict = false;
  /** Sends under way (each waits for Pagefind to start): settled before Pagefind is stopped. */
  #sending: Promise<void> = Promise.resolve();

  /** The searchable pages of `journal`, in the order Pagefind reads them. */
  static pagesOf(journal: Journal): SearchPageList {
    const aliasesOf = new Map(journal.tags.map((t) => [t.id, t.data.aliases ?? []]));
    return [
      ...journal.entries.filter((e) => !e.data.draft).map((e) => ({ file: e.file, url: `/day/${e.data.day}/`, aliases: e.tagIds.flatMap((id) => aliasesOf.get(id) ?? []) })),
      ...journal.tags.map((t) => ({ file: t.file, url: `/tags/${t.id}/`, aliases: [] as string[] })),
    ];
  }

  /**
   * Starts Pagefind for `pages` (pagesOf); `base` is the site's base path, which offered addresses
   * start with; `outDir`, the output folder, if the index may be written there before `finish`.
   */
  constructor(pages: SearchPageList, base = "/", outDir?: string) {
    this.#pages = pages.map(({ file, url, aliases }) => ({ file, url, aliases }));
    this.#byUrl = new Map(this.#pages.map((page, i) => [page.url, i]));
    this.#base = base.replace(/\/$/, "");
    this.#outDir = outDir;
    this.#index = startIndex();
  }

  /** A page as rendered (its address with the base path, its final HTML); pages not indexed are ignored. */
  offer(pathname: string, html: string): void {
    if (!pathname.startsWith(`${this.#base}/`)) return;
    const url = pathname.slice(this.#base.length);
    const page = this.#page(url.endsWith("/") ? url : `${url}/`);
    if (page) this.#take(page, html, "rendered");
  }

  /**
   * The last build's copy of a page (`url` without the base path), offered before the page is
   * rendered or copied: kept unless the page was offered as rendered. The written file decides
   * in `finish`, as for a rendered page.
   */
  reuse(url: string, html: string): void {
    const page = this.#page(url);
    if (page && page.from !== "rendered") this.#take(page, html, "last build");
  }

  /** Resolves once every page that could be sent so far has been handed to Pagefind. */
  async flushed(): Promise<void> {
    await this.#sending;
  }

  /** The hash of each page's written file, once `finish` has checked them all (search-last-build.ts records them). */
  writtenHashes(): Map<string, string> {
    return new Map(this.#pages.map((page) => [page.url, page.source!]));
  }

  #page(url: string): SearchPage | undefined {
    const at = this.#byUrl.get(url);
    return at === undefined ? undefined : this.#pages[at];
  }

  #take(page: SearchPage, html: string, from: "rendered" | "last build"): void {
    const source = hashOf(html);
    page.from = from;
    if (page.source === source) return;
    const content = prepared(html, page.aliases);
    if (page.sent === undefined) {
      // Not sent yet: the later HTML replaces the earlier (a rendering replaces the last build's copy).
      page.content = content;
      page.source = source;
      this.#sending = this.#sending.then(() => this.#send());
    } else if (hashOf(content) !== page.sent) {
      // Pagefind has read another text for this page (rendered twice, or the last build's copy
      // was not the page): the files decide in finish.
      this.#conflict = true;
    } else page.source = source;
  }

  /** Sends every page that is ready and whose predecessors have all been sent, in order. */
  async #send(): Promise<void> {
    const index = await this.#index;
    if (typeof index === "string") return;
    for (let page = this.#pages[this.#next]; page?.content !== undefined; page = this.#pages[++this.#next]) {
      const adding = index.addHTMLFile({ url: page.url, content: page.content });
      adding.catch(() => undefined); // awaited in finish
      this.#added.push(adding);
      page.sent = hashOf(page.content);
      page.content = undefined;
    }
    if (this.#outDir !== undefined && this.#next === this.#pages.length && !this.#conflict && this.#early === undefined) {
      // Every page is with Pagefind: the index is written now, and checked against the pages in finish.
      this.#early = index.writeFiles({ outputPath: indexFolder(this.#outDir) });
      this.#early.catch(() => undefined); // awaited in finish
    }
  }

  /** Sends the pages not offered, from `outDir`, checks the offered ones against it, and writes the index there. */
  async finish(outDir: string): Promise<SearchIndexResult> {
    const read = (page: SearchPage) => readFileSync(path.join(outDir, page.url, "index.html"), "utf8");
    try {
      await this.#sending;
      // An index written early to another folder than this one is not this build's.
      if (outDir !== this.#outDir) await this.#discardEarly();
      // Each page not offered is sent once read, without waiting for Pagefind to index the one
      // before; after each, the event loop runs, so the page reaches Pagefind's pipe while the next
      // is read rather than after the last one. The order, and so the index, is the same.
      for (const page of this.#pages.slice(this.#next)) {
        if (page.content !== undefined || page.sent !== undefined) continue;
        const html = read(page);
        page.content = prepared(html, page.aliases);
        page.source = hashOf(html);
        page.from = undefined;
        await this.#send();
        await new Promise((resolve) => setImmediate(resolve));
      }
      await this.#send();
      if (this.#conflict) return await this.#again(outDir);
      // Each page sent as offered must give what its written file gives: the same bytes, or the
      // same text once prepared (a page whose local graph changed, outside the indexed part).
      // Else the index is made again from the files.
      const counts = { asRendered: 0, fromLastBuild: 0 };
      for (const page of this.#pages) {
        if (page.from === undefined) continue;
        const html = read(page);
        const source = hashOf(html);
        if (source !== page.source && hashOf(prepared(html, page.aliases)) !== page.sent) return await this.#again(outDir);
        page.source = source;
        counts[page.from === "rendered" ? "asRendered" : "fromLastBuild"]++;
      }
      return { ...(await this.#write(outDir)), ...counts };
    } finally {
      await pagefind.close();
    }
  }

  async #again(outDir: string): Promise<SearchIndexResult> {
    // Nothing may be on its way to Pagefind when it stops (finish has awaited the sends).
    await Promise.allSettled(this.#added);
    // An index written from a page that was not the page leaves nothing behind.
    await this.#discardEarly();
    await pagefind.close();
    const again = new SearchIndexBuild(this.#pages, this.#base);
    const result = await again.finish(outDir);
    for (const [i, page] of again.#pages.entries()) this.#pages[i]!.source = page.source;
    return result;
  }

  /** Waits for the early write, if there was one, and removes what it wrote. */
  async #discardEarly(): Promise<void> {
    const early = this.#early;
    const folder = this.#outDir;
    // Written by finish from now on, never early again.
    this.#outDir = undefined;
    if (early === undefined || folder === undefined) return;
    this.#early = undefined;
    await early.catch(() => undefined);
    rmSync(indexFolder(folder), { recursive: true, force: true });
  }

  async #write(outDir: string): Promise<Omit<SearchIndexResult, "asRendered" | "fromLastBuild">> {
    const index = await this.#index;
    if (typeof index === "string") return { pages: 0, problems: [{ file: outDir, message: `Pagefind could not start: ${index}`, fix: "reinstall dependencies with npm install" }] };
    const problems: Problem[] = [];
    let indexed = 0;
    for (const [i, result] of (await Promise.all(this.#added)).entries()) {
      const page = this.#pages[i]!;
      if (result.errors.length || result.file.uniqueWords === 0) {
        problems.push({ file: page.file, message: `the page ${page.url} was not indexed for search${result.errors.length ? `: ${result.errors.join("; ")}` : " (no searchable text)"}`, fix: "check that the page renders its body inside data-pagefind-body" });
      } else indexed++;
    }
    const written = await (this.#early ?? index.writeFiles({ outputPath: indexFolder(outDir) }));
    if (written.errors.length) problems.push({ file: outDir, message: `Pagefind could not write the index: ${written.errors.join("; ")}`, fix: "check free disk space and permissions on the output folder" });
    if (indexed !== this.#pages.length && problems.length === 0) {
      problems.push({ file: outDir, message: `${indexed} pages were indexed, expected ${this.#pages.length}`, fix: "rebuild; if it persists, report it with the build log" });
    }
    return { pages: indexed, problems };
  }
}

/** Where Pagefind writes a site's index. */
const indexFolder = (outDir: string) => path.join(outDir, "pagefind");

/** What Pagefind reads of a page (index-html.ts). */
function prepared(html: string, aliases: string[]): string {
  return withAliases(codeForIndex(indexedPart(html)), aliases);
}

async function startIndex(): Promise<pagefind.PagefindIndex | string> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    return index ?? errors.join("; ");
  } catch (error) {
    return String(error);
  }
}

/** The index of a built site's pages, read from the output folder (`npm run bench`, and a build whose pages were not offered). */
export function buildSearchIndex(outDir: string, journal: Journal): Promise<SearchIndexResult> {
  return new SearchIndexBuild(SearchIndexBuild.pagesOf(journal)).finish(outDir);
}
