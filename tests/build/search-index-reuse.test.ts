// A warm build's search index reads the last build's copy of each page whose inputs are unchanged
// while Vite bundles (src/integration/search/search-last-build.ts), instead of every page after
// the last one is written. The index must still be the one made from the pages the build wrote,
// byte for byte, and the pages reused must be those Astro copied. A copy that turns out not to be
// the page written makes the index from the written pages: tests/unit/search-index-build.test.ts;
// a change to the journal's frontmatter reuses nothing: tests/build/incremental-build.test.ts
// compares that build, its index included, with a full one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REBUILD, ROOT, buildWithCache } from "../helpers/build-site.ts";
import { expectIndexOfWrittenPages } from "../helpers/output-files.ts";

async function build(content: string, out: string, cache: string) {
  const log = (await buildWithCache(content, out, cache)).replace(/\x1b\[[0-9;]*m/g, "");
  const counts = /search index: (\d+) pages \((\d+) read as rendered, (\d+) from the last build\)/.exec(log);
  expect(counts, log).not.toBeNull();
  return { pages: Number(counts![1]), asRendered: Number(counts![2]), fromLastBuild: Number(counts![3]), log };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text, `${file} holds the text the test changes`).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe("a warm build's search index", () => {
  it("reuses the last build's unchanged pages and is still the index of the pages written", { timeout: 900_000 }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), "daybook-search-reuse-"));
    const content = path.join(work, "content");
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    // Entries on a tag of their own, after day 2: nothing the changes below touch shows them.
    writeFileSync(path.join(content, "tags/asides.md"), "---\ntitle: Asides\n---\nShort notes.\n");
    for (const day of [5, 6, 7]) {
      writeFileSync(
        path.join(content, `days/00${day}-aside.md`),
        `---\ntitle: "Aside ${day}"\nday: ${day}\ndate: 2026-02-0${day}\ntags: [asides]\nsummary: "A short note."\n---\n\nA note about bounded queues, number ${day}.\n`,
      );
    }
    const cache = path.join(work, "cache");
    const first = await build(content, path.join(work, "first"), cache);
    expect(first.fromLastBuild, "a first build has nothing to reuse").toBe(0);
    expect(first.asRendered).toBe(first.pages);

    // One entry's text: its page and the pages showing it (its tags' and neighbours' graphs and
    // pagers) are rendered, each of the others comes from the last build.
    edit(path.join(content, "days/002-second-day.md"), "Retries multiply load.", "Retries multiply load, layer by layer.");
    // Into a new output folder, as a CI deploy does.
    const second = await build(content, path.join(work, "second"), cache);
    const copied = [...second.log.matchAll(/(\/(?:day|tags)\/[^/\s]+\/)index\.html \((?:cached|restored)\)/g)].map((m) => m[1]);
    expect(copied.length, second.log).toBeGreaterThan(0);
    expect(second.fromLastBuild, second.log).toBe(copied.length);
    expect(second.asRendered, second.log).toBe(second.pages - copied.length);
    expect(copied).not.toContain("/day/2/");
    await expectIndexOfWrittenPages(path.join(work, "second"), { content, ...REBUILD });

    rmSync(work, { recursive: true, force: true });
  });
});
