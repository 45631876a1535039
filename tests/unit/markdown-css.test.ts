import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrast } from "../helpers/contrast.ts";

const gfm = readFileSync("src/styles/markdown-gfm.css", "utf8");
const global = readFileSync("src/styles/global.css", "utf8");

/** `--name: light-dark(#light, #dark)` in a stylesheet. */
function lightDark(css: string, name: string): [string, string] {
  const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, "i").exec(css);
  if (!m) throw new Error(`--${name} is not a light-dark() pair of #rrggbb colours`);
  return [m[1]!, m[2]!];
}


describe("callouts are readable in both themes", () => {
  const [bgLight, bgDark] = lightDark(global, "bg");

  it.each(["note", "tip", "important", "warning", "caution"])("the %s title meets WCAG AA (4.5:1) on the page, light and dark", (kind) => {
    const [light, dark] = lightDark(gfm, `callout-${kind}`);
    expect(contrast(light, bgLight)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark, bgDark)).toBeGreaterThanOrEqual(4.5);
    expect(gfm).toMatch(new RegExp(`\\.callout-${kind} \\{\\s*--callout: var\\(--callout-${kind}\\);`));
  });

  it("draws callouts on the page's own background (so the contrast above is the one readers get)", () => {
    const callout = /\.callout \{([^}]*)\}/.exec(gfm)![1]!;
    expect(callout).not.toMatch(/background/);
    expect(/\.callout-title \{([^}]*)\}/.exec(gfm)![1]).toMatch(/color: var\(--callout\)/);
  });

  it("the contrast check itself tells a failing pair (GitHub's lighter note blue on white)", () => {
    expect(contrast("#54aeff", "#ffffff")).toBeLessThan(4.5);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});

describe("table alignment classes", () => {
  it.each(["left", "center", "right"])("align-%s has its rule", (side) => {
    expect(gfm).toMatch(new RegExp(`\\.align-${side} \\{\\s*text-align: ${side};\\s*\\}`));
  });
});
