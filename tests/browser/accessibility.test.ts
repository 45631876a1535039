import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useSampleSite } from "../helpers/sample-site-session.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// day/9/ draws a figure (an SVG image and its data table).
const PAGES = ["", "day/16/", "day/9/", "tags/two-phase-commit/", "tags/", "archive/", "graph/", "search/?q=commit", "no-such-page/"];

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.x A/AA rules and best practices on every page type, in both themes. */
describe("accessibility (axe-core in Chromium)", () => {
  const session = useSampleSite();

  for (const colorScheme of ["light", "dark"] as const) {
    it(`finds no violations on any page type in the ${colorScheme} theme`, async () => {
      // bypassCSP: axe-core is added to each page by this test; the site's policy rightly refuses it.
      const context = await session.browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${session.site.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        if (path.startsWith("search/")) await page.locator(".search-page .search-result").first().waitFor();
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
        });
        for (const v of violations) found.push(`/${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
