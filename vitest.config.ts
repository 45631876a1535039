import { defineConfig } from "vitest/config";

/**
 * Test files that build a site or start `astro dev`. Astro writes a checkout's generated content
 * modules and dev data store into the one `.astro/` folder of the project, so two of these at once
 * would read each other's journals: they run one at a time, in their own project.
 */
const BUILDS = ["tests/build/**/*.test.ts", "tests/browser/dev-loop.test.ts", "tests/browser/parity.test.ts", "tests/browser/search.test.ts"];

// No test may fail for want of time on a busy machine: the default 5 s is not enough for a type-check there.
const site = { globalSetup: ["tests/helpers/sample-build-setup.ts"], fileParallelism: false, testTimeout: 180_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    // The three projects run side by side (vitest's default for projects).
    projects: [
      // Pure logic: fast and parallel.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
      // Real builds, the dev server and the browser tests that build their own sites: one file at a time.
      { test: { name: "site-builds", include: BUILDS, ...site } },
      // Real browsers on the sites the global setup built (shared with site-builds): one file at a
      // time, beside the builds, so these also run on a busy machine.
      { test: { name: "site-pages", include: ["tests/browser/**/*.test.ts"], exclude: BUILDS, ...site } },
    ],
  },
});
