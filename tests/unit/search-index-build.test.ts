// SearchIndexBuild (src/integration/search/search-index.ts) with real Pagefind: pages offered as
// they render, or as the last build left them, in any order and under a base path, give the index
// that the written files give; a page offered with another text than the file written is caught
// and the index made from the files, also when the index was written before the build's end.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { hashOf, SearchIndexBuild, type SearchPageList } from "../../src/integration/search/search-index.ts";

const work = mkdtempSync(path.join(tmpdir(), "daybook-search-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAGES: SearchPageList = [
  { file: "content/days/001-a.md", url: "/day/1/", aliases: ["2pc"] },
  { file: "content/days/002-b.md", url: "/day/2/", aliases: [] },
  { file: "content/tags/queues.md", url: "/tags/queues/", aliases: [] },
];
const html = (title: string, words: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><header>Site</header><article data-pagefind-body><h1>${title}</h1><p>${words}</p><pre><code>const coordinatorLog = [];</code></pre></article><footer>f</footer></body></html>`;
const PAGE_HTML = [html("Day 1", "Two-phase commit and a coordinator"), html("Day 2", "Backpressure in bounded queues"), html("Queues", "Every entry about queues")];

let sites = 0;
/** A written site: each page's file under `dist/`. */
function site(): string {
  const dist = path.join(work, `site-${sites++}`);
  PAGES.forEach((page, i) => {
    mkdirSync(path.join(dist, page.url), { recursive: true });
    writeFileSync(path.join(dist, page.url, "index.html"), PAGE_HTML[i]!);
  });
  return dist;
}

function indexFiles(dist: string): Map<string, Buffer> {
  const dir = path.join(dist, "pagefind");
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]),
  );
}

describe("a search index built while pages render", () => {
  const fromFiles = site();
  let reference: Map<string, Buffer>;

  it("reads the written pages when none was offered", async () => {
    const result = await new SearchIndexBuild(PAGES).finish(fromFiles);
    expect(result).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    reference = indexFiles(fromFiles);
    expect(reference.size).toBeGreaterThan(3);
  });

  it("gives the same index from pages offered out of order, under a base path", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/journal/");
    for (const i of [2, 0, 1]) build.offer(`/journal${PAGES[i]!.url}`, PAGE_HTML[i]!);
    // Pages outside the index (the home page, a page of another site) are ignored.
    build.offer("/journal/", html("Home", "everything"));
    build.offer("/day/1/", html("Elsewhere", "not this site"));
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 3, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("makes the index from the files when a page offered is not the page written", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES);
    build.offer("/day/1/", html("Day 1", "words the written page does not have"));
    build.offer("/day/2/", PAGE_HTML[1]!);
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("makes the index from the files when a page is offered twice, differently", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES);
    PAGES.forEach((page, i) => build.offer(page.url, PAGE_HTML[i]!));
    build.offer("/day/1/", html("Day 1", "a second rendering"));
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("gives the same index from the last build's copies, offered before the pages are written", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/journal/");
    // A copy that differs from the written page only outside its indexed part is as good as the page.
    build.reuse("/day/1/", PAGE_HTML[0]!.replace("<footer>f</footer>", "<footer>a footer since changed</footer>"));
    build.reuse("/day/2/", PAGE_HTML[1]!);
    build.reuse("/tags/queues/", PAGE_HTML[2]!);
    build.reuse("/not-indexed/", html("Home", "everything"));
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 3, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
    expect(build.writtenHashes()).toEqual(new Map(PAGES.map((page, i) => [page.url, hashOf(PAGE_HTML[i]!)])));
  });

  it("lets a rendered page replace the last build's copy", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/journal/");
    build.reuse("/day/1/", html("Day 1", "the text of the last build"));
    build.offer("/journal/day/1/", PAGE_HTML[0]!);
    // Not the other way round: a copy never replaces a page as rendered.
    build.offer("/journal/day/2/", PAGE_HTML[1]!);
    build.reuse("/day/2/", html("Day 2", "the text of the last build"));
    build.reuse("/tags/queues/", PAGE_HTML[2]!);
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 2, fromLastBuild: 1, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("makes the index from the files when a copy of the last build is not the page written", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES);
    build.reuse("/day/1/", PAGE_HTML[0]!);
    build.reuse("/day/2/", html("Day 2", "words this build's page no longer has"));
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
    expect(build.writtenHashes()).toEqual(new Map(PAGES.map((page, i) => [page.url, hashOf(PAGE_HTML[i]!)])));
  });

  it("makes the index from the files when a copy already read is rendered with another text", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES);
    build.reuse("/day/1/", html("Day 1", "words this build's page no longer has"));
    build.reuse("/day/2/", PAGE_HTML[1]!);
    // Once Pagefind has read the copy: finish has sent everything it holds.
    await build.flushed();
    build.offer("/day/1/", PAGE_HTML[0]!);
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });
});

describe("a search index told its output folder up front", () => {
  let reference: Map<string, Buffer>;
  const written = (dist: string) => existsSync(path.join(dist, "pagefind", "pagefind-entry.json"));

  it("is written as soon as Pagefind has every page, before finish, and is the index the files give", async () => {
    const fromFiles = site();
    await new SearchIndexBuild(PAGES).finish(fromFiles);
    reference = indexFiles(fromFiles);
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/journal/", dist);
    build.offer("/journal/day/1/", PAGE_HTML[0]!);
    build.offer("/journal/tags/queues/", PAGE_HTML[2]!);
    await build.flushed();
    // One page short: nothing written yet.
    expect(written(dist)).toBe(false);
    build.offer("/journal/day/2/", PAGE_HTML[1]!);
    await vi.waitFor(() => expect(written(dist)).toBe(true), { timeout: 30_000, interval: 20 });
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 3, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("leaves nothing of an early index made from a page that was not the page written", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/", dist);
    build.offer("/day/1/", html("Day 1", "words the written page does not have, zymurgy"));
    build.offer("/day/2/", PAGE_HTML[1]!);
    build.offer("/tags/queues/", PAGE_HTML[2]!);
    await vi.waitFor(() => expect(written(dist)).toBe(true), { timeout: 30_000, interval: 20 });
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("leaves nothing of an early index when a page is rendered again with another text", async () => {
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/", dist);
    PAGES.forEach((page, i) => build.offer(page.url, PAGE_HTML[i]!));
    await vi.waitFor(() => expect(written(dist)).toBe(true), { timeout: 30_000, interval: 20 });
    build.offer("/day/2/", html("Day 2", "a second rendering about zymurgy"));
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 0, fromLastBuild: 0, problems: [] });
    expect(indexFiles(dist)).toEqual(reference);
  });

  it("removes an early index from a folder the build did not end in, and writes it where it did", async () => {
    const early = site();
    const dist = site();
    const build = new SearchIndexBuild(PAGES, "/", early);
    PAGES.forEach((page, i) => build.offer(page.url, PAGE_HTML[i]!));
    await vi.waitFor(() => expect(written(early)).toBe(true), { timeout: 30_000, interval: 20 });
    expect(await build.finish(dist)).toEqual({ pages: 3, asRendered: 3, fromLastBuild: 0, problems: [] });
    expect(existsSync(path.join(early, "pagefind"))).toBe(false);
    expect(indexFiles(dist)).toEqual(reference);
  });
});
