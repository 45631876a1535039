import { describe, expect, it } from "vitest";
import { createShow, figureSummaryLine, MAX_BYTES_PER_RUN, MAX_FIGURES_PER_RUN, type Figure } from "../../src/figures/index.ts";
import { createNetwork, createNode, createSim } from "../../src/sim/index.ts";

function run(): { figures: Figure[]; show: ReturnType<typeof createShow>; log: string[] } {
  const figures: Figure[] = [];
  const log: string[] = [];
  const show = createShow((figure) => {
    figures.push(figure);
    log.push(figureSummaryLine(figure));
  });
  return { figures, show, log };
}

describe("createShow", () => {
  it("emits each figure when it is shown, so figures keep their place among printed lines", () => {
    const { show, log } = run();
    log.push("before");
    show.line("One series", { name: "a", points: [[0, 1], [1, 2]] });
    log.push("between");
    show.bar("Bars", { none: 3, jitter: 1 });
    expect(log.map((l) => l.replace(/sha256:\w+/, "sha256:…"))).toEqual(["before", '[figure line "One series": 1 series, 2 points, sha256:…]', "between", '[figure bar "Bars": 2 bars, sha256:…]']);
  });

  it("builds plain figure data from friendly arguments", () => {
    const { show, figures } = run();
    show.scatter("S", [{ name: "a", points: [[1, 2]] }, { name: "b", points: [] }], { x: { label: "x", min: 0 }, description: "two clouds" });
    show.bar("B", [{ label: "x", value: 1 }], { y: { label: "count" } });
    show.table("T", [{ policy: "none", p99: 120 }, { policy: "jitter", ok: true }]);
    show.table("T2", [{ a: 1, b: 2 }], { columns: ["b", "a"] });
    expect(figures).toEqual([
      { kind: "scatter", title: "S", description: "two clouds", series: [{ name: "a", points: [[1, 2]] }, { name: "b", points: [] }], x: { label: "x", min: 0 } },
      { kind: "bar", title: "B", bars: [{ label: "x", value: 1 }], y: { label: "count" } },
      { kind: "table", title: "T", columns: ["policy", "p99", "ok"], rows: [["none", 120, null], ["jitter", null, true]] },
      { kind: "table", title: "T2", columns: ["b", "a"], rows: [[2, 1]] },
    ]);
  });

  it("bins a histogram on round edges that cover every value", () => {
    const { show, figures } = run();
    const values = Array.from({ length: 1000 }, (_, i) => (i * 37) % 101);
    show.histogram("H", values, { bins: 10 });
    const figure = figures[0]!;
    if (figure.kind !== "histogram") throw new Error("not a histogram");
    expect(figure.bins.map((b) => [b.from, b.to])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10]));
    expect(figure.bins[9]!.count).toBe(values.filter((v) => v >= 90).length); // the last bin includes its upper edge, 100
    expect(figure.bins.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
    show.histogram("decimals", [0.1, 0.2, 0.3, 0.7], { bins: 6 });
    const small = figures[1]!;
    if (small.kind !== "histogram") throw new Error("not a histogram");
    expect(small.bins.map((b) => b.from)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]); // 3/10, never 0.30000000000000004
  });

  it("bins values that are all equal, or equal but for their last digits, into one bin around them", () => {
    const { show, figures } = run();
    show.histogram("same", [3, 3, 3]);
    show.histogram("close", [1, 1 + 2 ** -52, 1]);
    show.histogram("zero", [0, 0]);
    expect(figures.map((f) => (f.kind === "histogram" ? f.bins : []))).toEqual([
      [{ from: 2.85, to: 3.15, count: 3 }],
      [{ from: 0.95, to: 1.0500000000000003, count: 3 }],
      [{ from: -0.5, to: 0.5, count: 2 }],
    ]);
    expect(() => show.histogram("wide", [-1e308, 1e308])).toThrow("show.histogram: the values span too wide a range to bin");
  });

  it("throws an error naming the limit, and emits nothing for that figure", () => {
    const { show, figures } = run();
    expect(() => show.line("bad", { name: "a", points: [[0, NaN]] })).toThrow("show.line: figure.series[0].points[0][1] is NaN; numbers must be finite");
    expect(() => show.bar("x".repeat(201), {})).toThrow("the limit is 200 characters per string");
    expect(() => show.histogram("H", [1, Infinity])).toThrow("show.histogram: values[1] is Infinity; numbers must be finite");
    expect(() => show.histogram("H", [1, 2], { bins: 0 })).toThrow("bins must be a whole number from 1 to 5000");
    expect(() => show.table("T", [{ cell: { nested: true } as never }])).toThrow("show.table: figure.rows[0][0] must be a string, not an object");
    expect(figures).toEqual([]);
  });

  it("allows 10 figures per run and refuses the 11th", () => {
    const { show, figures } = run();
    for (let i = 0; i < MAX_FIGURES_PER_RUN; i++) show.bar(`b${i}`, { a: i });
    expect(() => show.bar("one too many", { a: 1 })).toThrow("show.bar: this would be figure 11; the limit is 10 figures per run");
    expect(figures).toHaveLength(10);
  });

  it("refuses a figure that would take the run past 1 MB of figure data", () => {
    const { show, figures } = run();
    const cell = "x".repeat(200);
    const rows = Array.from({ length: 1000 }, () => ({ a: cell, b: cell }));
    show.table("first", rows); // ~400 KB
    show.table("second", rows); // ~800 KB
    expect(() => show.table("third", rows)).toThrow(/show\.table: figures would reach \d+ bytes; the limit is 1000000 bytes \(1 MB\) of figure data per run/);
    expect(figures).toHaveLength(2);
    expect(MAX_BYTES_PER_RUN).toBe(1_000_000);
  });

  it("draws a sequence diagram straight from a simulation, lanes in the order given, then as met", async () => {
    const sim = createSim({ seed: 3 });
    const net = createNetwork(sim, { latency: 2 });
    const a = createNode(net, "a", { onMessage: (node, msg, from) => void node.send(from, `ack ${msg}`) });
    createNode(net, "b", { onMessage: () => undefined });
    sim.at(0, () => net.send("b", "a", "hello"));
    sim.at(1, () => a.crash({ restartAfter: 5 }));
    await sim.run();
    const { show, figures } = run();
    show.sequence("Hello", sim, { nodes: ["b"] });
    const figure = figures[0]!;
    if (figure.kind !== "sequence") throw new Error("not a sequence");
    expect(figure.nodes).toEqual(["b", "a"]);
    expect(figure.events).toEqual([
      { kind: "message", from: "b", to: "a", label: "hello", sent: 0, dropped: 2, reason: "down" },
      { kind: "crash", node: "a", time: 1 },
      { kind: "restart", node: "a", time: 6 },
    ]);
  });
});
