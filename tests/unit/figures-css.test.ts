import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderFigureSvg, renderFigureTable } from "../../src/figures/index.ts";
import { contrast } from "../helpers/contrast.ts";
import { samples } from "./figures-samples.ts";

const css = readFileSync(new URL("../../src/figures/figures.css", import.meta.url), "utf8");
const site = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
/** `--name: light-dark(#light, #dark)` declarations of a stylesheet. */
const colours = (text: string) => new Map([...text.matchAll(/(--[\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1]!, [m[2]!, m[3]!] as const]));
// Classes that only group marks (for tests and for the lead's stylesheet to hook into later); they need no rule.
const GROUPS = new Set(["fig-legend", "fig-axis", "fig-axis-x", "fig-axis-y", "fig-bars", "fig-scatter-series", "fig-line-series", "fig-msg", "fig-crash", "fig-restart", "fig-drop", "fig-lock-wait", "fig-note", "fig-chart-line", "fig-chart-scatter", "fig-chart-bar", "fig-chart-histogram", "fig-chart-table", "fig-chart-sequence"]);

describe("figures.css", () => {
  it("has a rule for every class the renderer writes, except the grouping ones", () => {
    const used = new Set<string>();
    for (const figure of samples) {
      for (const markup of [renderFigureSvg(figure), renderFigureTable(figure)]) {
        for (const m of markup.matchAll(/class="([^"]+)"/g)) for (const name of m[1]!.split(" ")) used.add(name);
      }
    }
    expect(used.size).toBeGreaterThan(25);
    const unstyled = [...used].filter((name) => !GROUPS.has(name) && !new RegExp(`\\.${name}(?![\\w-])`).test(css));
    expect(unstyled).toEqual([]);
  });

  it("gives each series colour 3:1 against the page background in both themes (WCAG 1.4.11)", () => {
    const [lightBg, darkBg] = colours(site).get("--bg")!;
    const palette = colours(css);
    expect(palette.size).toBeGreaterThanOrEqual(12);
    for (const [name, [light, dark]] of palette) {
      expect(contrast(light, lightBg), `${name} light`).toBeGreaterThanOrEqual(3);
      expect(contrast(dark, darkBg), `${name} dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it("uses only the site's custom properties and its own, never a fixed text colour", () => {
    const defined = new Set([...colours(site).keys(), ...colours(css).keys()]);
    for (const m of css.matchAll(/var\((--[\w-]+)\)/g)) expect(defined, m[1]).toContain(m[1]);
    expect(css).not.toMatch(/(?<![\w-])(fill|stroke|color):\s*#/);
  });
});
