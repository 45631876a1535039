import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build-site.ts";
import { files } from "../helpers/output-files.ts";
import { REAL_JOURNAL, REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";

/** The names of the files that differ between two builds' outputs, which must hold the same files. */
function differentFiles(first: BuildResult, second: BuildResult): string[] {
  const names = files(first.outDir);
  expect(files(second.outDir)).toEqual(names);
  return names.filter((name) => !readFileSync(path.join(first.outDir, name)).equals(readFileSync(path.join(second.outDir, name))));
}

describe("reproducible builds", () => {
  it("two clean builds of the same journal are byte-identical, graph and search index included", async () => {
    // The first is built once for several files (tests/helpers/sample-build-setup.ts), in another temporary folder.
    const first = inject("basicBuild");
    const second = await buildSite({ content: "tests/fixtures/basic" });
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(files(first.outDir)).toContain("graph.json");
    expect(files(first.outDir).some((n) => n.startsWith("pagefind/"))).toBe(true);
    expect(differentFiles(first, second)).toEqual([]);
  });

  // src/integration/render/: a long journal's searchable pages render on two threads. Here every
  // one is handed to the second thread (DAYBOOK_RENDER_THREADS=2; the real journal is too short
  // for it otherwise): Markdown and MDX entries under a base path, and entries with images, which
  // only the main thread can give Astro to optimise and so are handed back to it.
  it("a journal whose pages render on a second thread is byte for byte the one rendered on the main thread alone", async () => {
    const mainThread = inject("realJournalBuild");
    const twoThreads = await buildSite({ content: REAL_JOURNAL, base: REAL_JOURNAL_BASE, site: "https://example.github.io", env: { DAYBOOK_RENDER_THREADS: "2" } });
    expect(mainThread.code, mainThread.output).toBe(0);
    expect(twoThreads.code, twoThreads.output).toBe(0);
    expect(mainThread.output).not.toContain("on a second thread");
    const [, onMain, onSecond, handedBack] = /pages rendered: (\d+) on the main thread, (\d+) on a second thread; (\d+) handed back to the main thread \(the first: the page needs the main thread \(an image to optimise\)\)/.exec(twoThreads.output) ?? [];
    expect(Number(onSecond), twoThreads.output).toBeGreaterThan(10);
    expect(Number(handedBack)).toBeGreaterThanOrEqual(2);
    expect(Number(onMain)).toBeGreaterThanOrEqual(Number(handedBack));
    expect(differentFiles(mainThread, twoThreads)).toEqual([]);
    // The second thread's pages took their tag graphs drawn ahead too, and say so in the build's count.
    const graphs = (output: string) => /tag graphs: (\d+) shown, (\d+) drawn ahead/.exec(output)?.slice(1);
    expect(graphs(twoThreads.output)).toEqual(graphs(mainThread.output));
  });
});
