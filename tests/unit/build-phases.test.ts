import { describe, expect, it } from "vitest";
import { buildPhases } from "../../bench/build-phases.ts";

// The wording of an Astro 7 build's log, coloured as in a terminal, with Daybook's lines.
const LOG = `06:05:37 [build] Collecting build info...
06:05:37 [build] \u001b[32m✓ Completed in 7.47s.\u001b[39m
06:05:37 [build] Building static entrypoints...
06:05:40 [vite] ✓ built in 2.97s
06:05:41 [vite] ✓ built in 403ms
06:05:41 [build] Rearranging server assets...

 generating static routes 
 (+174ms) 
06:05:43 \u001b[32m✓ Completed in 812ms.\u001b[39m
06:05:43 [build] \u001b[32m✓ Completed in 5.51s.\u001b[39m
06:05:43 [daybook] search index: 52 pages (40 read as rendered, 12 from the last build) in 1.25 s
`;

describe("buildPhases", () => {
  it("reads the start-up's, Vite's bundles', the pages' and the search index's times from a build's log", () => {
    expect(buildPhases(LOG)).toEqual({ startupMs: 7470, viteMs: 2970 + 403, renderMs: 812, searchIndexMs: 1250 });
  });

  it("reads minutes, and leaves out what the log does not say", () => {
    expect(buildPhases("generating static routes\n✓ Completed in 1m 3s.")).toEqual({ startupMs: undefined, viteMs: undefined, renderMs: 63_000, searchIndexMs: undefined });
  });

  it("reads the baseline's log, which has no search index, the same way", () => {
    const baseline = LOG.replace(/^.*\[daybook\].*\n/m, "").replace("7.47s", "1.23s");
    expect(buildPhases(baseline)).toEqual({ startupMs: 1230, viteMs: 2970 + 403, renderMs: 812, searchIndexMs: undefined });
  });
});
