import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");

describe("the site's stylesheet", () => {
  it("turns on native cross-document view transitions, and off under reduced motion", () => {
    expect(css).toMatch(/@view-transition \{\s*navigation: auto;\s*\}/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\) \{\s*@view-transition \{\s*navigation: none;\s*\}\s*\}/);
  });

  it("sets a body line height for long reading and a text column of about 70 characters", () => {
    const body = /\nbody \{([^}]*)\}/.exec(css)![1]!;
    const [, lineHeight] = /font: var\(--step-0\) \/ ([\d.]+)/.exec(body) ?? [];
    expect(Number(lineHeight)).toBeGreaterThanOrEqual(1.6);
    expect(Number(lineHeight)).toBeLessThanOrEqual(1.7);
    expect(css).toMatch(/--measure: 44rem;/);
  });

  it("downloads no web font", () => {
    expect(css).not.toMatch(/@font-face|fonts\.googleapis/);
  });
});
