// daybook/show end to end at build: the runtime prints each figure's line and hands over its JSON,
// the snippet host carries it within bounds, and the build checks it again outside the realm
// (src/figures/run-figures.ts): forged, oversized or misplaced figures become errors naming the rule.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { figureSummaryLine, MAX_BYTES_PER_RUN, renderFigureSvg, type Figure } from "../../src/figures/index.ts";
import { figureTexts, MAX_FIGURE_CHARS, outputParts, placeFigures } from "../../src/figures/run-figures.ts";
import { htmlToJsx } from "../../src/integration/snippets/html-to-jsx.ts";
import { inertString } from "../../src/integration/snippets/mdast-snippets.ts";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { SnippetPool } from "../../src/integration/snippets/snippet-pool.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { bar, line, samples } from "./figures-samples.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const pool = new SnippetPool({ size: 1 });
afterAll(() => pool.close());
const run = (ts: string) => pool.run(transpileSnippet(ts), 5000);
const text = (figure: Figure) => JSON.stringify(figure);
const drawn = (placed: ReturnType<typeof placeFigures>) => placed.map((p) => ("figure" in p ? { line: p.line, kind: p.figure.kind } : p));

describe("daybook/show in the build's snippet runtime", () => {
  it("prints each figure's line among the console lines (indented in a group) and hands over its data", async () => {
    const result = await run(`import { show } from "daybook/show";
console.log("before");
console.group("g");
show.bar("B", { x: 1, y: 2 });
console.groupEnd();
show.line("L", { name: "s", points: [[0, 1], [1, 2]] });
console.log("after");`);
    const b: Figure = { kind: "bar", title: "B", bars: [{ label: "x", value: 1 }, { label: "y", value: 2 }] };
    const l: Figure = { kind: "line", title: "L", series: [{ name: "s", points: [[0, 1], [1, 2]] }] };
    expect(result.output).toBe(["before", "g", `  ${figureSummaryLine(b)}`, figureSummaryLine(l), "after"].join("\n"));
    expect(result.figures?.map((f) => JSON.parse(f) as unknown)).toEqual([b, l]);
    expect(drawn(placeFigures(result.output, result.figures!))).toEqual([{ line: 2, kind: "bar" }, { line: 3, kind: "line" }]);
  });

  it("throws, in the snippet, an error naming the limit (figures, points, string length)", async () => {
    const over = await run(`import { show } from "daybook/show";\nfor (let i = 0; i < 10_000; i++) show.bar("b" + i, { a: i });`);
    expect(over.error).toMatch(/^RangeError: show\.bar: this would be figure 11; the limit is 10 figures per run \(line 2\)$/);
    expect(over.figures).toHaveLength(10);
    const points = await run(`import { show } from "daybook/show";\nshow.scatter("s", { name: "a", points: Array.from({ length: 5001 }, (_, i) => [i, i] as const) });`);
    expect(points.error).toMatch(/has 5001 items; the limit is 5000 points per figure/);
    const long = await run(`import { show } from "daybook/show";\nshow.line("x".repeat(1e6), []);`);
    expect(long.error).toMatch(/the limit is 200/);
    expect([points.figures, long.figures]).toEqual([undefined, undefined]);
  });

  it("refuses at build what a snippet forges in its own realm: data that does not match its line, a line with no figure, a flood", async () => {
    // The snippet replaces JSON.stringify, which the runtime uses to hand a figure over: the data no longer matches the printed line.
    const forged = await run(`import { show } from "daybook/show";
const real = JSON.stringify;
JSON.stringify = ((value: unknown) => real({ ...(value as object), title: "forged" })) as typeof JSON.stringify;
show.bar("B", { x: 1 });`);
    const [refused] = placeFigures(forged.output, forged.figures!);
    expect(refused).toEqual({ line: -1, error: expect.stringMatching(/^figure 1 is not shown: its line \[figure bar "forged".* is not in the output/) });
    // A flood through a replaced Array.prototype.join? The runtime joins in its realm; the host cuts the result to its bounds.
    const flood = await run(`import { show } from "daybook/show";
const push = Array.prototype.push;
Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
  if (typeof items[0] === "string" && items[0].startsWith("{")) for (let i = 0; i < 10_000; i++) push.call(this, items[0]);
  return push.apply(this, items);
};
show.bar("B", { x: 1 });`);
    expect(flood.figures).toHaveLength(11);
    const placed = placeFigures(flood.output, flood.figures!);
    expect(drawn(placed)[0]).toEqual({ line: 0, kind: "bar" });
    expect(placed.slice(1, 10).every((p) => "error" in p && /its line .* is not in the output/.test(p.error))).toBe(true);
    expect(placed[10]).toEqual({ line: 0, error: "figure 11 is not shown: the limit is 10 figures per run" });
  });

  it("fails the check of a snippet whose figure is refused, at its file and line", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-figures-")), "cache.json");
    const code = `import { show } from "daybook/show";\nJSON.stringify = (() => "{}") as typeof JSON.stringify;\nshow.bar("B", { x: 1 });`;
    const fence = '[figure bar "B": 1 bar, sha256:00000000]';
    const report = await checkSnippets([{ path: "content/days/009-x.mdx", text: `# X\n\n\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n${fence}\n\`\`\`\n` }], { root: ROOT, cacheFile, pool });
    const problem = report.problems.find((p) => p.message.includes("figure 1 is not shown"));
    expect(problem).toMatchObject({ file: "content/days/009-x.mdx", line: 3, message: expect.stringMatching(/^the snippet's figure 1 is not shown: figure\.kind must be one of/) });
  });
});

describe("checking figures outside the realm (run-figures.ts)", () => {
  it("draws each valid figure after its line, in order, skipping a look-alike line printed earlier", () => {
    const output = ["x", figureSummaryLine(bar), "y", figureSummaryLine(line), "z"].join("\n");
    expect(drawn(placeFigures(output, [text(bar), text(line)]))).toEqual([{ line: 1, kind: "bar" }, { line: 3, kind: "line" }]);
    // Out of order: the second figure's line comes before the first's, so it is not found after it.
    expect(drawn(placeFigures(output, [text(line), text(bar)]))).toEqual([{ line: 3, kind: "line" }, { line: 3, error: expect.stringMatching(/^figure 2 is not shown: its line/) }]);
  });

  it.each([
    ["not JSON", "{", /its data is not JSON/],
    ["not a figure", '{"kind":"pie","title":"x"}', /figure\.kind must be one of/],
    ["a NaN smuggled as a string", '{"kind":"bar","title":"x","bars":[{"label":"a","value":"NaN"}]}', /figure\.bars\[0\]\.value is a string; numbers must be finite/],
    ["a hostile key", '{"kind":"bar","title":"x","bars":[],"__proto__":{"x":1}}', /./],
  ])("refuses %s with an error naming the rule", (_name, raw, message) => {
    const [placed] = placeFigures("anything", [raw]);
    expect(placed).toMatchObject({ line: -1, error: expect.stringMatching(message) });
  });

  it("refuses figures past 10 per run and past 1 MB per run", () => {
    const eleven = Array.from({ length: 11 }, () => text(bar));
    const output = eleven.map(() => figureSummaryLine(bar)).join("\n");
    const placed = placeFigures(output, eleven);
    expect(placed.filter((p) => "figure" in p)).toHaveLength(10);
    expect(placed[10]).toEqual({ line: 9, error: "figure 11 is not shown: the limit is 10 figures per run" });
    const big = JSON.stringify({ kind: "bar", title: "big", bars: [{ label: "x".repeat(200), value: 1 }], description: "y".repeat(200) }).padEnd(MAX_BYTES_PER_RUN + 1, " ");
    expect(placeFigures("", [big])[0]).toMatchObject({ error: expect.stringMatching(/the limit is 1000000 bytes \(1 MB\) of figure data per run/) });
  });

  it("carries at most 11 texts and 2 MB, whatever it is sent", () => {
    expect(figureTexts("a\nb")).toEqual(["a", "b"]);
    expect(figureTexts("\n".repeat(10_000))).toHaveLength(11);
    expect(figureTexts("x".repeat(5e6))[0]).toHaveLength(MAX_FIGURE_CHARS);
    expect(figureTexts(["a", 1])).toEqual([]);
    expect(figureTexts({ length: 1e9 })).toEqual([]);
    expect(figureTexts("")).toEqual([]);
  });

  it("splits the output into text and figures, losing no line", () => {
    const output = "a\nb\nc";
    const parts = outputParts(output, [{ line: 0, item: "F" }, { line: 0, item: "G" }, { line: 2, item: "H" }]);
    expect(parts).toEqual([{ text: "a" }, { figure: "F" }, { figure: "G" }, { text: "b\nc" }, { figure: "H" }]);
    expect(outputParts("", [])).toEqual([{ text: "" }]);
    expect(outputParts(output, [{ line: -1, item: "E" }])).toEqual([{ figure: "E" }, { text: output }]);
  });
});

describe("a figure's markup as MDX JSX (html-to-jsx.ts)", () => {
  it("writes every text and attribute as an inert string, so Markdown and JSX syntax in data stay text", () => {
    const svg = renderFigureSvg({ ...bar, title: "{x} *y* _z_ <b> & `c`" });
    const jsx = htmlToJsx(svg, inertString);
    expect(jsx).not.toMatch(/[*_`]|\{x\}/);
    expect(jsx.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="fig fig-chart-bar"')).toBe(true);
    expect(jsx).toContain(`<title>{${inertString("{x} *y* _z_ <b> & `c`")}}</title>`);
  });

  it("writes an attribute value as a quoted literal only when it holds nothing JSX or Markdown would read", () => {
    expect(htmlToJsx('<text x="1.5" class="a b" data-v="{x}" aria-label="a &quot;b&quot;">t</text>', inertString)).toBe(`<text x="1.5" class="a b" data-v={${inertString("{x}")}} aria-label={${inertString('a "b"')}}>{"t"}</text>`);
  });

  it("refuses a name that is not a plain element or attribute name", () => {
    expect(() => htmlToJsx('<svg on{x}="1"></svg>', inertString)).toThrow(/attribute name/);
  });

  it("converts every sample figure", () => {
    for (const figure of samples) expect(htmlToJsx(renderFigureSvg(figure), inertString)).toMatch(/^<svg /);
  });
});
