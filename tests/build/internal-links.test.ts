import { describe, expect, inject, it } from "vitest";
import { checkLinks } from "../../src/integration/links/link-check.ts";

describe("internal links", () => {
  it("every internal link, asset and #anchor in the built sample journal resolves", () => {
    const build = inject("sampleBuild");
    expect(build.code, build.output).toBe(0);
    const report = checkLinks(build.outDir, { base: "/" });
    expect(report.pages).toBeGreaterThan(40);
    expect(report.links).toBeGreaterThan(1000);
    expect(report.problems.map((p) => `${p.file}:${p.line ?? ""} ${p.message}`)).toEqual([]);
  });
});
