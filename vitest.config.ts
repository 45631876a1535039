import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      // Pure logic: fast and parallel.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Real builds and a real browser: one file at a time so builds do not fight for the 2 cores.
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
