// A new user's first `npm test` or a CI deploy runs on a shared, busy machine with an empty
// snippet cache. The sample journal must build there too: snippet timeouts count the snippet's
// own CPU time, so busy loops on every core slow the build down but fail nothing. The sample build
// every site test reads is made that way (tests/helpers/sample-build-setup.ts).
import { availableParallelism } from "node:os";
import { describe, expect, inject, it } from "vitest";

describe("building the sample journal on a saturated machine, from an empty cache", () => {
  it("builds, every snippet matching its output fence, with busy loops on every core throughout", () => {
    const build = inject("sampleBuild");
    expect(inject("sampleBuildBusyLoops")).toBe(availableParallelism());
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/\d+ snippets checked \((\d+) run, 0 from cache\)/);
    expect(build.output).not.toMatch(/did not finish|CPU budget/);
  });
});
