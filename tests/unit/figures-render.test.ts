import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TABLE_ROWS, renderFigureSvg, renderFigureTable, validateFigure, type Figure } from "../../src/figures/index.ts";
import { samples, sequence } from "./figures-samples.ts";
import { LABEL_CHAR_PX } from "../../src/figures/svg/chart-sequence.ts";

const HOSTILE = `</svg><script>alert(1)</script><style>*{}</style>" onload="x' &amp;`;
const checked = (value: unknown): Figure => {
  const check = validateFigure(value);
  if (!check.ok) throw new Error(check.error);
  return check.figure;
};
const nodes = ["coordinator", HOSTILE];
/** Every figure kind with the hostile string in every place a string can go. */
const hostile: Figure[] = [
  checked({ kind: "line", title: HOSTILE, description: HOSTILE, series: [{ name: HOSTILE, points: [[0, 1], [1, 2]] }, { name: "b", points: [[0, 2]] }], x: { label: HOSTILE }, y: { label: HOSTILE } }),
  checked({ kind: "scatter", title: HOSTILE, series: [{ name: HOSTILE, points: [[0, 1]] }] }),
  checked({ kind: "bar", title: HOSTILE, bars: [{ label: HOSTILE, value: 3 }], y: { label: HOSTILE } }),
  checked({ kind: "histogram", title: HOSTILE, bins: [{ from: 0, to: 1, count: 1 }], x: { label: HOSTILE } }),
  checked({ kind: "table", title: HOSTILE, columns: [HOSTILE], rows: [[HOSTILE]] }),
  checked({
    kind: "sequence",
    title: HOSTILE,
    nodes,
    events: [
      { kind: "message", from: "coordinator", to: HOSTILE, label: HOSTILE, sent: 0, received: 2 },
      { kind: "drop", node: HOSTILE, time: 1, label: HOSTILE },
      { kind: "note", node: HOSTILE, time: 1, text: HOSTILE },
      { kind: "lock-wait", node: HOSTILE, lock: HOSTILE, start: 0, end: 3 },
      { kind: "partition", groups: [[HOSTILE]], start: 0 },
    ],
  }),
];

// What the renderer may write: anything else (script, style, foreignObject, a, image, on*, href, style=) fails.
const SVG_ELEMENTS = new Set(["svg", "title", "desc", "g", "text", "line", "path", "rect", "circle", "polygon"]);
const SVG_ATTRIBUTES = new Set(["xmlns", "class", "viewbox", "width", "height", "role", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "points", "text-anchor"]);
const TABLE_ELEMENTS = new Set(["table", "caption", "thead", "tbody", "tr", "th", "td"]);
const TABLE_ATTRIBUTES = new Set(["class", "scope"]);

function parse(markup: string, xml: boolean): Element[] {
  return DomUtils.getElementsByTagName(() => true, parseDocument(markup, { xmlMode: xml, decodeEntities: true }).children, true);
}

function expectOnly(markup: string, xml: boolean, elements: ReadonlySet<string>, attributes: ReadonlySet<string>): void {
  for (const element of parse(markup, xml)) {
    expect(elements, `element <${element.name}>`).toContain(element.name.toLowerCase());
    for (const name of Object.keys(element.attribs)) expect(attributes, `attribute ${name} on <${element.name}>`).toContain(name.toLowerCase());
  }
}

afterEach(() => vi.restoreAllMocks());

describe("renderFigureSvg", () => {
  it("writes one svg with role img, a title and a description first, for every kind", () => {
    for (const figure of samples) {
      const svg = renderFigureSvg(figure);
      const [root, ...rest] = parseDocument(svg, { xmlMode: true }).children as Element[];
      expect(rest).toEqual([]);
      expect(root!.name).toBe("svg");
      expect(root!.attribs).toMatchObject({ role: "img", class: `fig fig-chart-${figure.kind}`, xmlns: "http://www.w3.org/2000/svg" });
      const [title, desc] = root!.children as Element[];
      expect([title!.name, DomUtils.textContent(title!)]).toEqual(["title", figure.title]);
      expect(desc!.name).toBe("desc");
      expect(DomUtils.textContent(desc!).length).toBeGreaterThan(10);
    }
  });

  it("escapes hostile strings everywhere: no script, no style, no event handler, no second root, and the text reads back unchanged", () => {
    for (const figure of hostile) {
      const svg = renderFigureSvg(figure);
      expect(svg).not.toContain("<script");
      expect(svg).not.toContain("<style");
      expect(svg).not.toContain("</svg><");
      expectOnly(svg, true, SVG_ELEMENTS, SVG_ATTRIBUTES);
      // Parsed as HTML too (the page inserts it into HTML), the hostile text stays text.
      expectOnly(svg, false, SVG_ELEMENTS, SVG_ATTRIBUTES);
      const title = DomUtils.getElementsByTagName("title", parseDocument(svg, { xmlMode: true }).children)[0]!;
      expect(DomUtils.textContent(title)).toBe(HOSTILE);
    }
  });

  it("never writes a style attribute or element for any sample or hostile figure", () => {
    for (const figure of [...samples, ...hostile]) {
      for (const element of parse(renderFigureSvg(figure), true)) {
        expect(element.name).not.toBe("style");
        expect(element.attribs).not.toHaveProperty("style");
      }
    }
  });

  it("is deterministic and needs neither the locale nor Math.random", () => {
    const first = samples.map(renderFigureSvg);
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    vi.spyOn(Number.prototype, "toLocaleString").mockImplementation(() => {
      throw new Error("toLocaleString used");
    });
    vi.spyOn(Intl, "NumberFormat").mockImplementation(() => {
      throw new Error("Intl.NumberFormat used");
    });
    expect(samples.map(renderFigureSvg)).toEqual(first);
    expect(samples.map(renderFigureTable)).toEqual(samples.map(renderFigureTable));
  });

  it("pins one rendering, so a change to the renderer is a decision (update this hash with it)", async () => {
    const { sha256Hex } = await import("../../src/figures/sha256.ts");
    expect(sha256Hex(samples.map(renderFigureSvg).join("\n")).slice(0, 16)).toBe("519254558b0f27a4");
  });

  it("draws extreme but valid numbers without NaN, Infinity or exponents in the markup", () => {
    const extremes: [number, number][] = [[-1e300, 1e300], [5e-324, 1e-300], [1, 1 + 2 ** -52], [0, 0], [-7, -7], [123456789.123, 123456789.125], [1e21, 3e21]];
    for (const [a, b] of extremes) {
      const figures = [
        checked({ kind: "line", title: "t", series: [{ name: "s", points: [[a, b], [b, a]] }] }),
        checked({ kind: "bar", title: "t", bars: [{ label: "a", value: a }, { label: "b", value: b }] }),
        checked({ kind: "histogram", title: "t", bins: [{ from: Math.min(a, b), to: Math.max(a, b) + (a === b ? 1 : 0), count: 3 }] }),
        checked({ kind: "sequence", title: "t", nodes: ["a", "b"], events: [{ kind: "message", from: "a", to: "b", label: "m", sent: Math.min(a, b), received: Math.max(a, b) }] }),
      ];
      for (const figure of figures) {
        const svg = renderFigureSvg(figure);
        expect(svg, `${a} ${b} ${figure.kind}`).not.toMatch(/NaN|Infinity/);
        expect((svg.match(/class="fig-tick"/g) ?? []).length, `${a} ${b} ${figure.kind} ticks`).toBeLessThanOrEqual(24);
        for (const element of parse(svg, true)) {
          for (const key of ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"]) if (key in element.attribs) expect(element.attribs[key], `${a} ${b} ${figure.kind} ${key}`).toMatch(/^-?\d+(\.\d)?$/);
        }
      }
    }
  });

  it("spells coordinates without exponents or negative zero", () => {
    const tiny = checked({ kind: "line", title: "t", series: [{ name: "s", points: [[1e-9, -0], [2e-9, 1e-12]] }] });
    const huge = checked({ kind: "scatter", title: "t", series: [{ name: "s", points: [[1e15, 1e15], [2e15, 3e15]] }] });
    for (const svg of [renderFigureSvg(tiny), renderFigureSvg(huge)]) {
      for (const element of parse(svg, true)) {
        for (const key of ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy"]) if (key in element.attribs) expect(element.attribs[key]).toMatch(/^-?\d+(\.\d)?$/);
      }
    }
  });
});

describe("the sequence diagram", () => {
  const svg = renderFigureSvg(sequence);
  const root = parseDocument(svg, { xmlMode: true }).children;
  const byClass = (name: string) => DomUtils.getElementsByTagName(() => true, root, true).filter((e) => (e.attribs["class"] ?? "").split(" ").includes(name));
  const texts = (name: string) => byClass(name).map((e) => DomUtils.textContent(e));

  it("draws a labelled lane per node", () => {
    expect(byClass("fig-lane")).toHaveLength(3);
    expect(texts("fig-lane-label")).toEqual(["coordinator", "payments", "stock"]);
  });

  it("draws an arrow per message with its label and send time, dropped ones crossed out", () => {
    expect(byClass("fig-msg")).toHaveLength(3);
    expect(texts("fig-msg-label")).toEqual(["PREPARE", "PREPARE", "YES"]);
    expect(texts("fig-msg-time")).toEqual(["0.0", "0.0", "4.0"]);
    expect(byClass("fig-msg-dropped")).toHaveLength(2);
    expect(byClass("fig-msg-head")).toHaveLength(1);
    expect(byClass("fig-msg-cross")).toHaveLength(2);
    expect(svg).toContain("<title>payments → coordinator: YES, sent at 4.0 ms, dropped at 9.0 ms (down)</title>");
  });

  it("leaves room inside the figure for the longest label beside the last lane", () => {
    const long = "x".repeat(200);
    for (const nodes of [["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d", "e", "f"]]) {
      const last = nodes.at(-1)!;
      const figure = checked({ kind: "sequence", title: "t", nodes, events: [{ kind: "note", node: last, time: 1, text: long }, { kind: "lock-wait", node: last, lock: long, start: 2, end: 3 }] });
      const doc = parseDocument(renderFigureSvg(figure), { xmlMode: true }).children;
      const svgWidth = Number(/viewBox="0 0 (\d+)/.exec(renderFigureSvg(figure))![1]);
      const beside = DomUtils.getElementsByTagName("text", doc, true).filter((e) => (e.attribs["class"] ?? "").includes("fig-mark-label"));
      expect(beside.length, nodes.join()).toBeGreaterThan(0);
      for (const label of beside) expect(Number(label.attribs["x"]) + DomUtils.textContent(label).length * LABEL_CHAR_PX, `${nodes.length} lanes: ${DomUtils.textContent(label)}`).toBeLessThanOrEqual(svgWidth);
    }
  });

  it("leaves labels out of a diagram too dense to read (over 400 events) and says so, still drawing every arrow", () => {
    const events = Array.from({ length: 401 }, (_, i) => ({ kind: "message", from: "a", to: "b", label: `m${i}`, sent: i, received: i + 1 }));
    const dense = renderFigureSvg(checked({ kind: "sequence", title: "dense", nodes: ["a", "b"], events }));
    expect(dense).toContain("401 events: labels left out, the table lists them");
    expect(dense.match(/class="fig-msg"/g)).toHaveLength(401);
    expect(dense).not.toContain("fig-msg-label");
    const readable = renderFigureSvg(checked({ kind: "sequence", title: "ok", nodes: ["a", "b"], events: events.slice(0, 400) }));
    expect(readable.match(/class="fig-msg-label"/g)).toHaveLength(400);
  });

  it("marks crashes, restarts, drops, partitions, lock waits and notes", () => {
    for (const mark of ["fig-crash-mark", "fig-restart-mark", "fig-drop-mark", "fig-partition", "fig-lock-wait-mark", "fig-note-mark"]) expect(byClass(mark), mark).toHaveLength(1);
    expect(texts("fig-mark-label")).toEqual(expect.arrayContaining(["crashed", "restarted", "drops stale vote", "waits for row 7", "partition stock | coordinator, payments"]));
    expect(byClass("fig-lane-down")).toHaveLength(1); // the coordinator, from its crash to its restart
  });
});

describe("renderFigureTable", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => i);
  const big: Figure[] = [
    checked({ kind: "line", title: "L", series: [{ name: "a", points: many(3000).map((i) => [i, i]) }, { name: "b", points: many(2000).map((i) => [i, -i]) }] }),
    checked({ kind: "bar", title: "B", bars: many(120).map((i) => ({ label: `b${i}`, value: i })) }),
    checked({ kind: "histogram", title: "H", bins: many(120).map((i) => ({ from: i, to: i + 1, count: i })) }),
    checked({ kind: "table", title: "T", columns: ["n"], rows: many(80).map((i) => [i]) }),
    checked({ kind: "sequence", title: "S", nodes: ["a"], events: many(300).map((i) => ({ kind: "note", node: "a", time: i, text: `n${i}` })) }),
  ];
  const rowsOf = (html: string) => DomUtils.getElementsByTagName("tr", parseDocument(html).children).length - 1;
  const captionOf = (html: string) => DomUtils.textContent(DomUtils.getElementsByTagName("caption", parseDocument(html).children)[0]!);

  it("never has more than 50 rows, and says how it shortened the data", () => {
    const captions = big.map((figure) => {
      const html = renderFigureTable(figure);
      expect(rowsOf(html)).toBeLessThanOrEqual(MAX_TABLE_ROWS);
      expect(rowsOf(html)).toBeGreaterThan(MAX_TABLE_ROWS / 2);
      return captionOf(html);
    });
    expect(captions).toEqual([
      "L (50 of 5000 points, sampled evenly)",
      "B (50 of 120 bars, sampled evenly)",
      "H (120 bins merged into 40, 3 at a time)",
      "T (first 50 of 80 rows)",
      "S (50 of 300 events, sampled evenly)",
    ]);
  });

  it("merged histogram bins keep every value, and sampling keeps the first and last point", () => {
    const html = renderFigureTable(big[2]!);
    const counts = DomUtils.getElementsByTagName("tr", parseDocument(html).children).slice(1).map((tr) => Number(DomUtils.textContent(tr.children[2] as Element)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(many(120).reduce((a, b) => a + b, 0));
    const line = renderFigureTable(big[0]!);
    expect(line).toContain("<tr><td>a</td><td class=\"fig-num\">0</td><td class=\"fig-num\">0</td></tr>");
    expect(line).toContain("<tr><td>a</td><td class=\"fig-num\">2999</td><td class=\"fig-num\">2999</td></tr>");
  });

  it("says when it shows everything, and shows a sequence's events in words", () => {
    expect(captionOf(renderFigureTable(sequence))).toBe("2PC (all 9 events)");
    expect(renderFigureTable(sequence)).toContain("<td>payments → coordinator: YES (dropped at 9 ms: down)</td>");
  });

  it("escapes hostile strings and writes only table markup", () => {
    for (const figure of hostile) {
      const html = renderFigureTable(figure);
      expect(html).not.toContain("<script");
      expectOnly(html, false, TABLE_ELEMENTS, TABLE_ATTRIBUTES);
    }
  });
});
