// Vitest global setup for the "site" project: builds the sample journal once, so every browser
// test reads the same `npm run build` output instead of building it again. It builds the way a
// new user's first `npm test` or a CI deploy does: from an empty snippet cache, on a machine whose
// every core is busy (twice as many busy loops as cores run until the build ends), which
// tests/build/busy-machine.test.ts holds it to.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { TestProject } from "vitest/node";
import { buildSite, type BuildResult } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sampleBuild: BuildResult;
    /** How many busy loops ran for the whole of the sample build. */
    sampleBuildBusyLoops: number;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const loops: ChildProcess[] = [];
  for (let i = 0; i < 2 * availableParallelism(); i++) loops.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  try {
    const build = await buildSite({ content: "content" });
    const alive = loops.filter((loop) => loop.exitCode === null && loop.signalCode === null).length;
    project.provide("sampleBuild", build);
    project.provide("sampleBuildBusyLoops", alive);
  } finally {
    for (const loop of loops) loop.kill("SIGKILL");
  }
}
