// Vitest global setup for the two site projects: builds the sample journal (and the real-journal
// fixture) once, so every browser
// test reads the same `npm run build` output instead of building it again. It builds the way a
// new user's first `npm test` or a CI deploy does: from an empty snippet cache, on a machine whose
// every core is busy (twice as many busy loops as cores run until the build ends), which
// tests/build/busy-machine.test.ts holds it to.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { TestProject } from "vitest/node";
import { buildSite, SAMPLE_TODAY, type BuildResult } from "./build-site.ts";

export const REAL_JOURNAL = "tests/fixtures/real-journal";
/** A GitHub Pages project site's base path. */
export const REAL_JOURNAL_BASE = "/journal/";

declare module "vitest" {
  export interface ProvidedContext {
    sampleBuild: BuildResult;
    /** How many busy loops ran for the whole of the sample build. */
    sampleBuildBusyLoops: number;
    /** tests/fixtures/real-journal (Markdown as authors write it for GitHub) built under the base path REAL_JOURNAL_BASE. */
    realJournalBuild: BuildResult;
  }
}

interface SampleBuilds {
  sample: BuildResult;
  busyLoops: number;
  realJournal: BuildResult;
}

async function buildSamples(): Promise<SampleBuilds> {
  const loops: ChildProcess[] = [];
  for (let i = 0; i < 2 * availableParallelism(); i++) loops.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  let sample: BuildResult;
  let busyLoops: number;
  try {
    sample = await buildSite({ content: "content", today: SAMPLE_TODAY });
    busyLoops = loops.filter((loop) => loop.exitCode === null && loop.signalCode === null).length;
  } finally {
    for (const loop of loops) loop.kill("SIGKILL");
  }
  // Built on an idle machine: what it proves is how real Markdown renders under a base path.
  const realJournal = await buildSite({ content: REAL_JOURNAL, base: REAL_JOURNAL_BASE, site: "https://example.github.io" });
  return { sample, busyLoops, realJournal };
}

// Both site projects (vitest.config.ts) run this setup in the one test-runner process; they share
// one pair of builds rather than building the sample twice at once.
const SHARED = Symbol.for("daybook.sampleBuilds");
const shared = globalThis as typeof globalThis & { [SHARED]?: Promise<SampleBuilds> };

export default async function setup(project: TestProject): Promise<void> {
  const builds = await (shared[SHARED] ??= buildSamples());
  project.provide("sampleBuild", builds.sample);
  project.provide("sampleBuildBusyLoops", builds.busyLoops);
  project.provide("realJournalBuild", builds.realJournal);
}
