// Every project's `expect.poll` waits as long as vitest.config.ts says, not vitest's default 1 s,
// which a loaded machine misses while a page's script starts.
import { describe, expect, it } from "vitest";
import config, { POLL } from "../../vitest.config.ts";

describe("expect.poll's timeout", () => {
  it("is set for every project, well beyond the default 1 s", () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; expect?: { poll?: { timeout?: number } } } }[];
    expect(projects.map((p) => p.test.name)).toEqual(["unit", "site"]);
    for (const project of projects) expect(project.test.expect?.poll?.timeout, project.test.name).toBe(POLL.timeout);
    expect(POLL.timeout).toBeGreaterThanOrEqual(30_000);
  });

  it("lets a poll outlast the default: a condition that comes true after 1.5 s passes", async () => {
    const ready = performance.now() + 1500;
    await expect.poll(() => performance.now() >= ready).toBe(true);
  });
});
