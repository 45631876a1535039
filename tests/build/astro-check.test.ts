import { describe, expect, it } from "vitest";
import { cleanEnv, runNode } from "../helpers/build-site.ts";

describe("astro check", () => {
  it("finds no type errors, warnings or hints in the project", async () => {
    const { code, output } = await runNode(["node_modules/astro/bin/astro.mjs", "check"], { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" });
    expect(output).toMatch(/- 0 errors\n- 0 warnings\n- 0 hints/);
    expect(code, output).toBe(0);
  });
});
