// What a warm build's search index takes from the last build (src/integration/search/search-last-build.ts):
// the last build's copy of a page, only when the page's inputs are those recorded and the copy is
// the file that build wrote. (That the index is still the written pages' is search-index-build.test.ts.)
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashOf, type SearchIndexBuild, type SearchPageList } from "../../src/integration/search/search-index.ts";
import { journalDigest, LAST_BUILD_RECORD, pageInputs, recordBuild, reuseLastBuild } from "../../src/integration/search/search-last-build.ts";
import type { Journal } from "../../src/integration/content/journal-validate.ts";

const work = mkdtempSync(path.join(tmpdir(), "daybook-search-last-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAGES: SearchPageList = [
  { file: "content/days/001-a.md", url: "/day/1/", aliases: [] },
  { file: "content/days/002-b.md", url: "/day/2/", aliases: ["2pc"] },
  { file: "content/tags/queues.md", url: "/tags/queues/", aliases: [] },
];
const journal = (title: string) =>
  ({
    entries: [{ file: PAGES[0]!.file, id: "001-a", data: { title, day: 1 }, tagIds: ["queues"] }],
    tags: [{ file: PAGES[2]!.file, id: "queues", data: { title: "Queues" } }],
    problems: [],
    notes: [],
  }) as unknown as Journal;

let projects = 0;
/** A project with its three source files, and a cache folder holding Astro's copy of each page. */
function project() {
  const root = path.join(work, `project-${projects++}`);
  const cacheDir = path.join(root, ".cache/daybook");
  for (const page of PAGES) {
    mkdirSync(path.dirname(path.join(root, page.file)), { recursive: true });
    writeFileSync(path.join(root, page.file), `source of ${page.url}`);
    mkdirSync(path.join(cacheDir, "dist", page.url), { recursive: true });
    writeFileSync(path.join(cacheDir, "dist", page.url, "index.html"), `<html>${page.url}</html>`);
  }
  const source = { root, cacheDir, journal: journalDigest(journal("A"), { base: "/" }, "key") };
  const written = new Map(PAGES.map((page) => [page.url, hashOf(`<html>${page.url}</html>`)]));
  return { root, cacheDir, source, written };
}

/** What reuseLastBuild offers, in order. */
async function reusedBy(source: Parameters<typeof reuseLastBuild>[1]) {
  const offered: string[] = [];
  const build = { reuse: (url: string, html: string) => offered.push(`${url} ${html}`) } as unknown as SearchIndexBuild;
  const count = await reuseLastBuild(build, source, pageInputs(source, PAGES));
  expect(count).toBe(offered.length);
  return offered;
}

describe("the last build's pages, for a warm build's search index", () => {
  it("offers every page whose inputs and copy are those of the last build", async () => {
    const { cacheDir, source, written } = project();
    expect(await reusedBy(source), "no record yet").toEqual([]);
    recordBuild(cacheDir, pageInputs(source, PAGES), written);
    expect(await reusedBy(source)).toEqual(PAGES.map((page) => `${page.url} <html>${page.url}</html>`));
  });

  it("leaves out a page whose file changed, and every page when the journal's frontmatter or Daybook changed", async () => {
    const { root, cacheDir, source, written } = project();
    recordBuild(cacheDir, pageInputs(source, PAGES), written);
    writeFileSync(path.join(root, PAGES[1]!.file), "an edited body");
    expect(await reusedBy(source)).toEqual([`/day/1/ <html>/day/1/</html>`, `/tags/queues/ <html>/tags/queues/</html>`]);
    expect(await reusedBy({ ...source, journal: journalDigest(journal("A retitled entry"), { base: "/" }, "key") })).toEqual([]);
    expect(await reusedBy({ ...source, journal: journalDigest(journal("A"), { base: "/journal/" }, "key") })).toEqual([]);
    expect(await reusedBy({ ...source, journal: journalDigest(journal("A"), { base: "/" }, "another key") })).toEqual([]);
  });

  it("leaves out a copy that is not the file the last build wrote, or is not a plain file", async () => {
    const { cacheDir, source, written } = project();
    recordBuild(cacheDir, pageInputs(source, PAGES), written);
    writeFileSync(path.join(cacheDir, "dist/day/1/index.html"), "<html>another page</html>");
    const copy = path.join(cacheDir, "dist/tags/queues/index.html");
    rmSync(copy);
    const elsewhere = path.join(work, "elsewhere.html");
    writeFileSync(elsewhere, "<html>/tags/queues/</html>");
    symlinkSync(elsewhere, copy);
    expect(await reusedBy(source)).toEqual([`/day/2/ <html>/day/2/</html>`]);
  });

  it("reuses nothing from a record it cannot read", async () => {
    const { cacheDir, source } = project();
    for (const text of ["not json", "{}", '{"version":2,"pages":{}}', '{"version":1,"pages":null}', '{"version":1,"pages":{"/day/1/":null}}']) {
      writeFileSync(path.join(cacheDir, LAST_BUILD_RECORD), text);
      expect(await reusedBy(source), text).toEqual([]);
    }
  });
});
