// A build's search index is made while its pages render: each page reaches Pagefind from the
// build's page middleware, in a thread of its own (src/integration/search/search-index.ts). That
// index must be the one made afterwards from the pages written, byte for byte, on the sample
// journal (at /) and on the real-journal fixture (under a base path), and the build must say
// that every page was read as rendered, or the thread did nothing. The searchable pages render
// before all others (src/integration/render-order.ts), so the index is written while those render.
import { describe, expect, inject, it } from "vitest";
import { expectIndexOfWrittenPages } from "../helpers/output-files.ts";
import { SAMPLE_TODAY } from "../helpers/build-site.ts";
import { REAL_JOURNAL, REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";

const cases = [
  { name: "sampleBuild", content: "content", base: "", today: SAMPLE_TODAY },
  { name: "realJournalBuild", content: REAL_JOURNAL, base: REAL_JOURNAL_BASE, today: "2026-11-23" },
] as const;

describe("the search index made while pages render", () => {
  it.each(cases)("is the index of the written pages, every page read as rendered ($name)", async ({ name, content, base, today }) => {
    const build = inject(name);
    expect(build.code, build.output).toBe(0);
    const log = build.output.replace(/\u001b\[[\d;]*m/g, "");
    const [, pages, asRendered, fromLastBuild] = /search index: (\d+) pages \((\d+) read as rendered, (\d+) from the last build\)/.exec(log) ?? [];
    expect(Number(pages)).toBeGreaterThan(20);
    expect(asRendered).toBe(pages);
    expect(fromLastBuild, "a build from an empty cache has no last build").toBe("0");

    expect(await expectIndexOfWrittenPages(build.outDir, { content, base, today })).toBe(Number(pages));
  });

  it.each(cases)("renders the searchable pages, entries then tags, before every other page ($name)", ({ name }) => {
    const build = inject(name);
    // A line's file may have the next line's time glued to it ("/day/1/index.html19:47:27").
    const rendered = [...build.output.replace(/\u001b\[[\d;]*m/g, "").matchAll(/├─ (\/\S*?\.(?:html|xml|json|js|txt|svg|png))/g)].map((m) => m[1]!);
    const kind = (file: string) => (/^\/day\/\d+\/index\.html$/.test(file) ? 0 : /^\/tags\/(?!index\.html)[^/]+\/index\.html$/.test(file) ? 1 : 2);
    const kinds = rendered.map(kind);
    for (const k of [0, 1, 2]) expect(kinds.filter((kind) => kind === k).length, rendered.join("\n")).toBeGreaterThan(1);
    expect(kinds, rendered.join("\n")).toEqual([...kinds].sort((a, b) => a - b));
  });
});
