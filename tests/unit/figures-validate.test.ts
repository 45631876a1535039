import { describe, expect, it } from "vitest";
import { MAX_COLUMNS, MAX_LANES, MAX_POINTS, MAX_SERIES, MAX_STRING_LENGTH, validateFigure } from "../../src/figures/index.ts";
import { samples, sequence, table } from "./figures-samples.ts";

const error = (value: unknown): string => {
  const check = validateFigure(value);
  if (check.ok) throw new Error("expected the figure to be refused");
  return check.error;
};
const lineWith = (extra: Record<string, unknown>) => ({ kind: "line", title: "t", series: [{ name: "s", points: [[0, 1]] }], ...extra });
const points = (n: number) => Array.from({ length: n }, (_, i) => [i, i]);

describe("validateFigure", () => {
  it("accepts every sample figure and returns an equal, fresh copy", () => {
    for (const figure of samples) {
      const check = validateFigure(figure);
      expect(check).toEqual({ ok: true, figure });
      if (check.ok) expect(check.figure).not.toBe(figure);
    }
  });

  it.each([
    ["a string", "a figure must be an object, not a string"],
    [null, "a figure must be an object, not null"],
    [[1, 2], "a figure must be an object, not an array"],
    [42, "a figure must be an object, not 42"],
    [{ kind: "pie", title: "t" }, "figure.kind must be one of"],
  ])("refuses a non-figure %j", (value, message) => {
    expect(error(value)).toContain(message);
  });

  it.each([NaN, Infinity, -Infinity, "1", 10n, null])("refuses the number %s", (bad) => {
    expect(error(lineWith({ series: [{ name: "s", points: [[0, bad]] }] }))).toMatch(/^figure\.series\[0\]\.points\[0\]\[1\] is .+; numbers must be finite$/);
  });

  it("refuses numbers beyond 1e300 either side of zero, so every span between two numbers is finite", () => {
    expect(validateFigure(lineWith({ series: [{ name: "s", points: [[-1e300, 1e300]] }] })).ok).toBe(true);
    expect(error(lineWith({ series: [{ name: "s", points: [[0, -1e301]] }] }))).toBe("figure.series[0].points[0][1] is -1e+301; the limit is 1e300 either side of zero");
  });

  it("names the finite-number rule for NaN", () => {
    expect(error(lineWith({ series: [{ name: "s", points: [[NaN, 1]] }] }))).toBe("figure.series[0].points[0][0] is NaN; numbers must be finite");
  });

  it("refuses strings over 200 characters, wherever they are", () => {
    const long = "x".repeat(MAX_STRING_LENGTH + 1);
    expect(validateFigure(lineWith({ title: "x".repeat(MAX_STRING_LENGTH) })).ok).toBe(true);
    expect(error(lineWith({ title: long }))).toBe("figure.title is 201 characters; the limit is 200 characters per string");
    expect(error(lineWith({ series: [{ name: long, points: [] }] }))).toContain("the limit is 200 characters per string");
    expect(error({ ...table, rows: [["a", 1, long]] })).toContain("figure.rows[0][2] is 201 characters");
    expect(error({ ...sequence, events: [{ kind: "note", node: "stock", time: 1, text: long }] })).toContain("200 characters");
  });

  it("refuses control characters and lone surrogates, which break SVG and differ between encoders", () => {
    expect(error(lineWith({ title: "a\nb" }))).toContain("control character");
    expect(error(lineWith({ title: "a\u0000b" }))).toContain("control character");
    expect(error(lineWith({ title: "a\ud800b" }))).toContain("lone surrogate");
    expect(validateFigure(lineWith({ title: "emoji 😀 and é" })).ok).toBe(true);
  });

  it("refuses more than 5,000 points per figure, counted across series, bars, bins, cells and events", () => {
    expect(validateFigure(lineWith({ series: [{ name: "a", points: points(MAX_POINTS) }] })).ok).toBe(true);
    expect(error(lineWith({ series: [{ name: "a", points: points(MAX_POINTS + 1) }] }))).toContain("the limit is 5000 points per figure");
    expect(error(lineWith({ series: [{ name: "a", points: points(3000) }, { name: "b", points: points(3000) }] }))).toBe('figure "t" has 6000 points; the limit is 5000 points per figure');
    const bars = Array.from({ length: MAX_POINTS + 1 }, (_, i) => ({ label: `b${i}`, value: i }));
    expect(error({ kind: "bar", title: "t", bars })).toContain("5000 points per figure");
    const rows = Array.from({ length: 1700 }, () => ["a", 1, true]);
    expect(error({ ...table, rows })).toBe('figure "Runs" has 5100 points; the limit is 5000 points per figure');
    const events = Array.from({ length: MAX_POINTS + 1 }, (_, i) => ({ kind: "crash", node: "stock", time: i }));
    expect(error({ ...sequence, events })).toContain("5000 points per figure");
  });

  it("refuses too many series, columns and lanes", () => {
    expect(error(lineWith({ series: Array.from({ length: MAX_SERIES + 1 }, (_, i) => ({ name: `s${i}`, points: [] })) }))).toContain("the limit is 10 series per figure");
    expect(error({ kind: "table", title: "t", columns: Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`), rows: [] })).toContain("20 columns per table");
    expect(error({ kind: "sequence", title: "t", nodes: Array.from({ length: MAX_LANES + 1 }, (_, i) => `n${i}`), events: [] })).toContain("20 lanes per sequence diagram");
  });

  it("checks an array's length before reading it, so a huge array is refused at once", () => {
    const huge = new Array(2 ** 31);
    expect(error(lineWith({ series: [{ name: "a", points: huge }] }))).toBe("figure.series[0].points has 2147483648 items; the limit is 5000 points per figure");
  });

  it("refuses prototype-polluting and unknown keys, and never pollutes Object.prototype", () => {
    const polluted = JSON.parse('{"kind":"bar","title":"t","bars":[],"__proto__":{"polluted":true}}') as unknown;
    expect(error(polluted)).toContain('unknown field "__proto__"');
    const nested = JSON.parse('{"kind":"bar","title":"t","bars":[{"label":"a","value":1,"__proto__":{"polluted":true}}]}') as unknown;
    expect(error(nested)).toContain('figure.bars[0] has an unknown field "__proto__"');
    expect(error({ ...lineWith({}), constructor: { prototype: { polluted: true } } })).toContain('unknown field "constructor"');
    expect(error({ ...lineWith({}), style: "fill:red" })).toContain('unknown field "style"');
    expect(error({ ...sequence, events: [{ kind: "crash", node: "stock", time: 1, label: "x" }] })).toContain('unknown field "label" for a crash event');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses getters, class instances and symbols, and survives a throwing Proxy", () => {
    let reads = 0;
    const sneaky = { kind: "bar", bars: [], get title() { return ++reads === 1 ? "ok" : "<script>"; } };
    expect(error(sneaky)).toBe("figure.title must be a plain value, not a getter");
    expect(reads).toBe(0);
    expect(error(lineWith({ x: new (class Axis { label = "x"; })() }))).toContain("not an instance of a class");
    expect(error({ ...lineWith({}), [Symbol("s")]: 1 })).toContain("unknown field");
    const trap = new Proxy({}, { getOwnPropertyDescriptor() { throw new Error("boom"); } });
    expect(error(trap)).toBe("figure could not be read (reading it threw); figures must be plain data");
  });

  it("holds sequence diagrams to their lanes and their events to sense", () => {
    expect(error({ ...sequence, nodes: ["a", "a"] })).toContain("names a node twice");
    expect(error({ ...sequence, events: [{ kind: "crash", node: "mallory", time: 1 }] })).toBe('figure.events[0] names "mallory", which is not in figure.nodes');
    expect(error({ ...sequence, events: [{ kind: "message", from: "stock", to: "payments", label: "x", sent: 5, received: 3 }] })).toContain("before it was sent");
    expect(error({ ...sequence, events: [{ kind: "message", from: "stock", to: "payments", label: "x", sent: 1, received: 3, dropped: 3 }] })).toContain("both received and dropped");
    expect(error({ ...sequence, events: [{ kind: "lock-wait", node: "stock", lock: "l", start: 5, end: 1 }] })).toContain("before its start");
    expect(error({ ...sequence, events: [{ kind: "explode", node: "stock" }] })).toContain("kind must be one of");
  });

  it("checks axes, bins and table shape", () => {
    expect(error(lineWith({ x: { min: 5, max: 1 } }))).toContain("must be less than");
    expect(error({ kind: "histogram", title: "t", bins: [{ from: 1, to: 1, count: 2 }] })).toContain("must be less than");
    expect(error({ kind: "histogram", title: "t", bins: [{ from: 0, to: 1, count: 1.5 }] })).toContain("a count must be a whole number");
    expect(error({ ...table, rows: [["a", 1]] })).toContain("every row needs one per column");
    expect(error({ ...table, rows: [["a", 1, { html: "<b>" }]] })).toContain("must be a string, not an object");
    expect(error(lineWith({ series: [{ name: "s", points: [[1, 2, 3]] }] }))).toContain("has 3 items");
  });
});
