// A new user's first `npm test` or a CI deploy runs on a shared, busy machine with an empty
// snippet cache. The sample journal must build there too: snippet timeouts count the snippet's
// own CPU time, so busy-looping processes on every core slow the build down but fail nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build-site.ts";

describe("building the sample journal on a saturated machine, from an empty cache", () => {
  const hogs: ChildProcess[] = [];
  let build: BuildResult;

  beforeAll(async () => {
    // Twice as many busy loops as cores: every snippet host gets at most a fraction of a core.
    for (let i = 0; i < 2 * availableParallelism(); i++) hogs.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
    try {
      build = await buildSite({ content: "content" });
    } finally {
      for (const hog of hogs) hog.kill("SIGKILL");
    }
  });
  afterAll(() => {
    for (const hog of hogs) hog.kill("SIGKILL");
  });

  it("builds, every snippet matching its output fence", () => {
    expect(hogs.length).toBeGreaterThanOrEqual(2);
    expect(hogs.every((hog) => hog.killed)).toBe(true);
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/did not finish|CPU budget/);
  });
});
