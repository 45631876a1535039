// The environment `npm run build` starts Astro with (src/integration/astro-process/astro-build-env.ts).
import { describe, expect, it } from "vitest";
import { astroBuildEnv } from "../../src/integration/astro-process/astro-build-env.ts";
import { fileSystemThreads } from "../../src/integration/machine-budget.ts";

describe("the environment of Astro's build process", () => {
  it("is a production build whatever the shell says, without Vite's own names, and keeps the rest", () => {
    const env = astroBuildEnv({ NODE_ENV: "development", BASE_URL: "/x/", MODE: "dev", DEV: "1", PROD: "", SSR: "1", DAYBOOK_CONTENT: "notes", PATH: "/bin" });
    expect(env).toMatchObject({ NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1", DAYBOOK_CONTENT: "notes", PATH: "/bin" });
    for (const name of ["BASE_URL", "MODE", "DEV", "PROD", "SSR"]) expect(env).not.toHaveProperty(name);
  });

  it("gives Node as many file-system threads as the machine's rule says, unless the author chose", () => {
    expect(astroBuildEnv({}).UV_THREADPOOL_SIZE).toBe(String(fileSystemThreads()));
    expect(astroBuildEnv({ UV_THREADPOOL_SIZE: "8" }).UV_THREADPOOL_SIZE).toBe("8");
  });
});
