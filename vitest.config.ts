import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      // Pure logic: two files at a time (vitest's default is one fewer than the cores, one on a
      // 2-core machine). No test may fail for want of time on a busy machine: the default 5 s is not
      // enough for a type-check there.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], maxWorkers: 2, testTimeout: 120_000, hookTimeout: 120_000 } },
      // Real builds and a real browser: one file at a time so builds do not fight for the 2 cores
      // (and since Astro keeps a checkout's generated content modules in its one `.astro/` folder).
      {
        test: {
          name: "site",
          include: ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts"],
          globalSetup: ["tests/helpers/sample-build-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
