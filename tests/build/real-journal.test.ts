import { describe, expect, inject, it } from "vitest";
import { htmlFiles } from "../helpers/html.ts";
import { REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";
import { checkLinks } from "../../src/integration/links/link-check.ts";

/**
 * The real-journal fixture (Markdown as authors write it for GitHub, `.md` and `.mdx` alike),
 * built once by the global setup under a GitHub Pages project path. The feature-by-feature
 * assertions live in the real-journal-*.test.ts files beside this one.
 */
describe("the real-journal fixture under a base path", () => {
  const build = inject("realJournalBuild");

  it("builds without a warning", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[(WARN|ERROR)\]/);
  });

  it("has every entry in both formats", () => {
    const pages = htmlFiles(build.outDir).filter((f) => f.startsWith("day/"));
    expect(pages.length).toBeGreaterThan(0);
  });

  it("has no broken link, image or #anchor under the base path", () => {
    const report = checkLinks(build.outDir, { base: REAL_JOURNAL_BASE });
    expect(report.problems).toEqual([]);
    expect(report.links).toBeGreaterThan(0);
  });
});
