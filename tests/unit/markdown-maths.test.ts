import { readFileSync } from "node:fs";
import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { isProseDollars } from "../../src/integration/markdown/maths-dollars.ts";
import { MAX_SIZE_EM, mathsErrorMessage, renderMaths } from "../../src/integration/markdown/maths-render.ts";
import { MATH_STYLE_DECLARATIONS, mathStyleClass, mathStyleRules, translateMathStyle } from "../../src/integration/markdown/maths-style-classes.ts";

function elements(node: Element): Element[] {
  return [node, ...node.children.flatMap((child) => (child.type === "element" ? elements(child) : []))];
}

/** TeX that makes Temml write each kind of inline style it has (see temml.mjs `.style.`). */
const STYLED_TEX = [
  "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}",
  "\\begin{smallmatrix}1&2\\\\3&4\\end{smallmatrix}",
  "\\begin{aligned}a&=b\\\\c&=d\\end{aligned}",
  "\\begin{cases}a&x>0\\\\b&x\\le0\\end{cases}",
  "\\begin{array}{|c|c|}\\hline a&b\\\\\\hline\\hline c&d\\\\\\hline\\end{array}",
  "\\begin{array}{c:c}a&b\\end{array}",
  "\\begin{darray}{lcr}a&b&c\\end{darray}",
  "\\boxed{x}",
  "\\colorbox{yellow}{z}",
  "\\color{red}{x} + \\textcolor{blue}{y}",
  "\\overbrace{abc}^{n} + \\underbrace{d}_{m}",
  "\\cancelto{0}{x} + \\cancelto{0}{x+y}",
  "\\vcenter{x}",
  "a \\\\ b",
  "\\fbox{a}",
];

describe("Temml's inline styles become classes", () => {
  it.each(STYLED_TEX)("%s renders with no style attribute and nothing dropped", (tex) => {
    for (const display of [false, true]) {
      const { math, dropped } = renderMaths(tex, display);
      expect(dropped).toEqual([]);
      for (const element of elements(math)) expect(element.properties.style).toBeUndefined();
    }
  });

  it.each(["x \\tag{1}", "\\begin{CD}A @>a>> B \\\\ @VbVV @AAcA \\\\ C @= D\\end{CD}", "\\begin{align}a&=b\\\\c&=d\\end{align}"])("%s (display only) fits too", (tex) => {
    const { math, dropped } = renderMaths(tex, true);
    expect(dropped).toEqual([]);
    for (const element of elements(math)) expect(element.properties.style).toBeUndefined();
  });

  it("drops a length the author chose, and says so", () => {
    const { math, dropped } = renderMaths("\\raisebox{2pt}{x}", false);
    expect(dropped).toEqual(["padding:1.9925pt 0 0 0"]);
    for (const element of elements(math)) expect(element.properties.style).toBeUndefined();
  });

  it.each([
    ["display:block math;", { classes: [], attributes: {}, dropped: [] }],
    ["color:#ff0000;", { classes: [], attributes: { mathcolor: "#ff0000" }, dropped: [] }],
    ["color:undefined;", { classes: [], attributes: {}, dropped: [] }],
    ["color:url(x);", { classes: [], attributes: {}, dropped: ["color:url(x)"] }],
    ["padding-left:0em;padding-right:5.9776pt;", { classes: ["tml-padding-left_0em", "tml-padding-right_5_9776pt"], attributes: {}, dropped: [] }],
    ["border-left:0.06em solid ;", { classes: ["tml-border-left_0_06em_solid"], attributes: {}, dropped: [] }],
    ["background:url(https://evil.example/x)", { classes: [], attributes: {}, dropped: ["background:url(https://evil.example/x)"] }],
  ])("translates %s", (style, expected) => {
    expect(translateMathStyle(style)).toEqual(expected);
  });

  it("src/styles/maths.css has exactly one rule per class", () => {
    const css = readFileSync("src/styles/maths.css", "utf8");
    const rules = css.split("\n").filter((line) => line.startsWith(".tml-"));
    expect(rules).toEqual(mathStyleRules());
    expect(new Set(MATH_STYLE_DECLARATIONS.map(mathStyleClass)).size).toBe(MATH_STYLE_DECLARATIONS.length);
  });

  it("imports Temml's own stylesheet (its classes and \\mathscr font)", () => {
    expect(readFileSync("src/styles/maths.css", "utf8")).toMatch(/^@import "temml\/dist\/Temml-Local\.css";$/m);
    expect(readFileSync("src/styles/global.css", "utf8")).toMatch(/^@import "\.\/maths\.css";$/m);
  });
});

describe("sizes written in TeX", () => {
  it("are capped, so a \\rule cannot paint over the page", () => {
    const { math } = renderMaths("\\rule{100000em}{100000em}", false);
    const space = elements(math).find((e) => e.tagName === "mspace")!;
    expect(space.properties).toMatchObject({ width: `${MAX_SIZE_EM}em`, height: `${MAX_SIZE_EM}em` });
  });

  it.each([
    ["\\kern9999em x", "width", "20em"],
    ["\\hspace{500cm} x", "width", "20em"],
    ["\\kern2em x", "width", "2em"],
    ["\\hspace{1cm} x", "width", "1cm"],
  ])("%s gets %s %s", (tex, attribute, value) => {
    const space = elements(renderMaths(tex, false).math).find((e) => e.tagName === "mspace")!;
    expect(space.properties[attribute]).toBe(value);
  });
});

describe("TeX errors", () => {
  it("a macro that expands forever is an error, not a hung build", () => {
    expect(() => renderMaths("\\def\\a{\\a\\a}\\a", false)).toThrow(/Too many expansions/);
  });


  it.each([
    ["\\frac{1}{", /^Unexpected end of input/],
    ["\\nosuchmacro", /^Unsupported function name: \\nosuchmacro$/],
    ["\\href{https://example.org}{x}", /^Unsupported function name: \\href$/],
    ["\\includegraphics{x.png}", /not trusted/],
  ])("%s throws, with a message fit for a note", (tex, message) => {
    let caught: unknown;
    try {
      renderMaths(tex, false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(mathsErrorMessage(caught)).toMatch(message);
  });
});

describe("prose dollars", () => {
  it.each([
    ["$5 and $", true],
    ["$ x $", true],
    ["$x $", true],
    ["$ x$", true],
    ["$x$", false],
    ["$x + y$", false],
    ["$$ x $$", false],
    ["$$x$$", false],
  ])("%s is prose: %s", (source, prose) => {
    expect(isProseDollars(source)).toBe(prose);
  });
});
