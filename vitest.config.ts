import { defineConfig } from "vitest/config";
import SpreadAstroSequencer from "./tests/helpers/sequencer.ts";

/**
 * `expect.poll` gives up after 1 s by default: a wall-clock limit that a loaded machine misses
 * (a page's script enabling a control took longer than that under load). A poll waits for what it
 * polls for; the test's own timeout is what ends a test that hangs.
 */
export const POLL = { timeout: 60_000 } as const;

export default defineConfig({
  test: {
    // Files that run Astro wait for one another (tests/helpers/astro-lock.ts): spread them out.
    sequence: { sequencer: SpreadAstroSequencer },
    projects: [
      // Pure logic: two files at a time (vitest's default is one fewer than the cores, one on a
      // 2-core machine). No test may fail for want of time on a busy machine: the default 5 s is not
      // enough for a type-check there.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], maxWorkers: 2, testTimeout: 120_000, hookTimeout: 120_000, expect: { poll: POLL } } },
      // Real builds and a real browser, two files at a time like the unit tests (the same worker
      // count puts both projects in one group, so the unit files fill the gaps). Anything that
      // runs Astro on this checkout (a build, `npm run check`, a dev server) takes a lock first
      // (tests/helpers/astro-lock.ts): Astro keeps a checkout's generated content modules in its
      // one `.astro/` folder, so two at once would overwrite each other's.
      {
        test: {
          name: "site",
          include: ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts"],
          maxWorkers: 2,
          globalSetup: ["tests/helpers/sample-build-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          expect: { poll: POLL },
        },
      },
    ],
  },
});
