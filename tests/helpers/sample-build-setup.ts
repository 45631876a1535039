// Vitest global setup for the "site" project: builds the sample journal (and the real-journal
// fixture) once, so every browser
// test reads the same `npm run build` output instead of building it again. It builds the way a
// new user's first `npm test` or a CI deploy does: from an empty snippet cache, on a machine whose
// every core is busy (a busy loop per core runs until the build ends), which
// tests/build/busy-machine.test.ts holds it to.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { TestProject } from "vitest/node";
import { buildSite, SAMPLE_TODAY, type BuildResult } from "./build-site.ts";

export const REAL_JOURNAL = "tests/fixtures/real-journal";
export const BASIC_FIXTURE = "tests/fixtures/basic";
/** A GitHub Pages project site's base path. */
export const REAL_JOURNAL_BASE = "/journal/";

declare module "vitest" {
  export interface ProvidedContext {
    sampleBuild: BuildResult;
    /** How many busy loops ran for the whole of the sample build. */
    sampleBuildBusyLoops: number;
    /** tests/fixtures/real-journal (Markdown as authors write it for GitHub) built under the base path REAL_JOURNAL_BASE. */
    realJournalBuild: BuildResult;
    /**
     * A clean build of tests/fixtures/basic with the defaults of {@link buildSite}: read by the
     * fixture, determinism and cache tests (its cache folder is `cache/` beside `outDir`).
     */
    basicBuild: BuildResult;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const loops: ChildProcess[] = [];
  for (let i = 0; i < availableParallelism(); i++) loops.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  try {
    const build = await buildSite({ content: "content", today: SAMPLE_TODAY });
    const alive = loops.filter((loop) => loop.exitCode === null && loop.signalCode === null).length;
    project.provide("sampleBuild", build);
    project.provide("sampleBuildBusyLoops", alive);
  } finally {
    for (const loop of loops) loop.kill("SIGKILL");
  }
  // Built on an idle machine: what it proves is how real Markdown renders under a base path.
  project.provide("realJournalBuild", await buildSite({ content: REAL_JOURNAL, base: REAL_JOURNAL_BASE, site: "https://example.github.io" }));
  project.provide("basicBuild", await buildSite({ content: BASIC_FIXTURE }));
}
