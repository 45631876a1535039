// A build draws its tag graphs in a thread of its own while Vite bundles
// (src/integration/graph/graphs-ahead.ts), from its own reading of the journal. Pages take a
// drawing only under the exact data they would draw from (tests/unit/graph-drawn-ahead.test.ts),
// so if the two readings ever differed the pages would still be right, and the thread's work
// silently wasted. Here, on the sample journal (at /) and the real-journal fixture (under a base
// path): every graph the pages show was drawn ahead from the same data. Whether a page found its
// drawing ready depends on timing (the sample is built on a busy machine), so that is only counted.
import { describe, expect, inject, it } from "vitest";

const cases = [
  { name: "sampleBuild", base: "" },
  { name: "realJournalBuild", base: "/journal/" },
] as const;

describe("tag graphs drawn ahead of the pages", () => {
  it.each(cases)("every graph shown was drawn ahead from the same data ($name)", ({ name }) => {
    const build = inject(name);
    expect(build.code, build.output).toBe(0);
    const log = build.output.replace(/\u001b\[[\d;]*m/g, "");
    const [, tags] = /\d+ entries and (\d+) tags built/.exec(log) ?? [];
    const [, shown, drawnAhead, taken] = /tag graphs: (\d+) shown, (\d+) drawn ahead from the same data, (\d+) taken ready-drawn/.exec(log) ?? [];
    // Each entry's graph (entries with the same tags share one), each tag's, and the graph page's.
    expect(Number(shown)).toBeGreaterThan(Number(tags));
    expect(drawnAhead).toBe(shown);
    expect(Number(taken)).toBeLessThanOrEqual(Number(shown));
  });
});
