import { describe, expect, it } from "vitest";
import { EDITOR_PALETTES } from "../../src/client/snippets/editor-theme.ts";
import { contrast } from "../helpers/contrast.ts";


describe("editor themes", () => {
  it("the contrast formula tells a failing colour from a passing one", () => {
    // CodeMirror's default keyword colour on the dark page: the 1.9:1 readers saw before.
    expect(contrast("#770088", "#0d1117")).toBeLessThan(4.5);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 0);
  });

  it.each(Object.entries(EDITOR_PALETTES))("every %s token, the text and line numbers reach WCAG AA (4.5:1)", (_mode, p) => {
    const pairs: [string, string, string][] = [
      ["text", p.text, p.background],
      ["text on the active line", p.text, p.activeLine],
      ["line numbers", p.gutterText, p.gutter],
      ["text in panels and tooltips", p.text, p.gutter],
      ...Object.entries(p.tokens).flatMap(([name, colour]): [string, string, string][] => [
        [name, colour, p.background],
        [`${name} on the active line`, colour, p.activeLine],
        [`${name} in the error list`, colour, p.gutter],
      ]),
    ];
    const failures = pairs.filter(([, fg, bg]) => contrast(fg, bg) < 4.5).map(([name, fg, bg]) => `${name}: ${fg} on ${bg} (${contrast(fg, bg).toFixed(2)})`);
    expect(failures).toEqual([]);
  });

  it.each(Object.entries(EDITOR_PALETTES))("the %s focus ring stands out from the background (3:1, WCAG non-text contrast)", (_mode, p) => {
    expect(contrast(p.focus, p.background)).toBeGreaterThanOrEqual(3);
  });
});
