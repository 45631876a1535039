// Astro's incremental build copies an entry or tag page from the last build when the page's key
// (src/integration/page-cache-key.ts) and code are unchanged. A key that misses something the page
// shows would publish a stale page, so here every kind of input changes between builds, and the
// incremental build must equal a full build from empty caches, byte for byte. It must also have
// reused the pages nothing touched, or it proves nothing. The same goes for the MDX entries a build
// compiles (src/integration/markdown/mdx-render-cache.ts): it must reuse those nothing touched.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, buildWithCache } from "../helpers/build-site.ts";
import { expectSameFiles, files } from "../helpers/output-files.ts";

// The builds that reuse pages render their searchable pages on a second thread, which must record
// what each page read as the main thread does (src/integration/render/), and hand back to the main
// thread the pages with a picture; the full build they are compared with renders on the main thread.
const build = (content: string, out: string, cache: string) => buildWithCache(content, out, cache, { DAYBOOK_RENDER_THREADS: "2" });
const fullBuild = (content: string, out: string, cache: string) => buildWithCache(content, out, cache, { DAYBOOK_RENDER_THREADS: "1" });

/** Pages Astro copied from the last build instead of rendering ("├─ /day/5/index.html (restored)"). */
function reused(output: string): string[] {
  // Astro colours its log even with FORCE_COLOR=0.
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  return [...plain.matchAll(/(\S+index\.html) \((?:cached|restored)\)/g)].map((m) => m[1]!).sort();
}

/** The build's count of MDX entries it compiled and took from the last build (src/integration/markdown/mdx-render-cache.ts). */
function mdxCounts(output: string): { compiled: number; reused: number } {
  const match = /(\d+) MDX entries \((\d+) compiled, (\d+) from cache\)/.exec(output);
  expect(match, output).not.toBeNull();
  return { compiled: Number(match![2]), reused: Number(match![3]) };
}

function expectSameOutput(incremental: string, full: string): void {
  expectSameFiles(incremental, full, "files of the incremental build that differ from a full build");
}

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text, `${file} holds the text the test changes`).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

const pictureEntry = (day: number, image: string) =>
  `---\ntitle: "Pictures ${day}"\nday: ${day}\ndate: 2026-02-0${day}\ntags: [pictures]\nsummary: "An entry with a picture beside it."\n---\n\nA picture:\n\n![A tile](./pictures/${image})\n`;

describe("the incremental build", () => {
  // Three builds in a row: more than the project's per-test limit on a busy machine, which is
  // not what this test is about.
  it("equals a full build after every kind of change, and reuses the pages nothing touched", { timeout: 900_000 }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), "daybook-incremental-"));
    const content = path.join(work, "content");
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    const images = path.join(ROOT, "tests/fixtures/real-journal/days/030-images");
    // A tag of their own, so that these entries' local graphs do not show the entries changed below.
    write(path.join(content, "tags/pictures.md"), "---\ntitle: Pictures\n---\nEntries with a picture.\n");
    cpSync(path.join(images, "tile.png"), path.join(content, "days/pictures/tile.png"));
    cpSync(path.join(images, "wide.jpg"), path.join(content, "days/pictures/wide.jpg"));
    write(path.join(content, "days/004-picture.mdx"), pictureEntry(4, "tile.png"));
    write(path.join(content, "days/005-picture.md"), pictureEntry(5, "wide.jpg"));
    write(path.join(content, "days/007-picture.md"), pictureEntry(7, "wide.jpg"));
    const cache = path.join(work, "cache");
    const first = await build(content, path.join(work, "first"), cache);
    expect(reused(first), "a first build has nothing to reuse").toEqual([]);
    expect(first).toMatch(/pages rendered: \d+ on the main thread, [1-9]\d* on a second thread; 3 handed back to the main thread/);
    const mdx = mdxCounts(first);
    expect(mdx.reused).toBe(0);

    // Each change touches pages no other change touches, so a key that missed one kind of change
    // would leave its page stale, and the comparison would find it. (Settings and Daybook's own
    // source are in every page's key: tests/unit/page-cache-key.test.ts.)
    // Day 2: prose in a Markdown entry. Day 1: a snippet's code and its output.
    edit(path.join(content, "days/002-second-day.md"), "Retries multiply load.", "Retries multiply load, layer by layer.");
    // Day 2's title too, which its share card shows.
    edit(path.join(content, "days/002-second-day.md"), "title: Retry storms", "title: Retry storms, again");
    edit(path.join(content, "days/001-first-day.mdx"), "const utilisation = 0.95;", "const utilisation = 0.9;");
    edit(path.join(content, "days/001-first-day.mdx"), "95% busy: wait ≈ 19.0 service times", "90% busy: wait ≈ 9.0 service times");
    // Day 4: the picture an MDX entry shows (its text is unchanged).
    cpSync(path.join(ROOT, "tests/fixtures/real-journal/assets/logo.png"), path.join(content, "days/pictures/tile.png"));
    // Day 7: a new latest entry, with a new tag, changes the pager of the one before it, whose own
    // graph does not change.
    write(path.join(content, "tags/epilogue.md"), "---\ntitle: Epilogue\n---\nThe last word.\n");
    write(path.join(content, "days/008-epilogue.md"), `---\ntitle: "Epilogue"\nday: 8\ndate: 2026-02-09\ntags: [epilogue]\nsummary: "The end."\n---\n\nThat is all.\n`);
    // Into a new output folder, as a CI deploy does: reused pages come from the cache folder.
    const out = path.join(work, "incremental");
    const incremental = await build(content, out, cache);
    const full = path.join(work, "full");
    await fullBuild(content, full, path.join(work, "cache-full"));
    expectSameOutput(out, full);
    // Day 5 and the Pictures tag page: nothing they show changed (day 4's text did not).
    expect(reused(incremental), incremental).toEqual(["/day/5/index.html", "/tags/pictures/index.html"]);
    // Share cards: all but day 2's (its title changed) and the new day 8's came from the cache folder.
    const cards = files(full).filter((f) => f.startsWith("og/day/")).length;
    expect(/(\d+) share images \((\d+) rendered, (\d+) from cache\)/.exec(incremental)?.slice(1).map(Number), incremental).toEqual([cards, 2, cards - 2]);
    // Of the MDX entries, only day 1's text changed: the others' compiled modules were reused
    // (day 4's too, whose picture changed), and the output above is still a full build's.
    expect(mdxCounts(incremental)).toEqual({ compiled: 1, reused: mdx.compiled - 1 });
    expect(readFileSync(path.join(out, "day/1/index.html"), "utf8")).toContain("90% busy");
    expect(readFileSync(path.join(out, "day/2/index.html"), "utf8")).toContain("layer by layer");
    expect(readFileSync(path.join(out, "day/7/index.html"), "utf8")).toContain("Epilogue");
  });
});

