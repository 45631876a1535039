// One valid figure of every kind, for the figure tests (tests/unit/figures-*.test.ts).
import type { Figure } from "../../src/figures/index.ts";

const curve = (n: number, f: (x: number) => number): [number, number][] => Array.from({ length: n }, (_, i) => [i / n, f(i / n)]);

export const line: Figure = {
  kind: "line",
  title: "Latency vs utilisation",
  series: [
    { name: "M/M/1", points: curve(25, (u) => 10 / (1 - u)) },
    { name: "simulated", points: curve(25, (u) => 11 / (1 - u)) },
  ],
  x: { label: "utilisation" },
  y: { label: "latency (ms)" },
};
export const scatter: Figure = { kind: "scatter", title: "Requests", series: [{ name: "a", points: curve(40, (x) => x * x) }] };
export const bar: Figure = { kind: "bar", title: "p99 by policy", bars: [{ label: "none", value: 120 }, { label: "jitter", value: 35 }] };
export const histogram: Figure = { kind: "histogram", title: "Latency", bins: [{ from: 0, to: 10, count: 4 }, { from: 10, to: 20, count: 9 }] };
export const table: Figure = { kind: "table", title: "Runs", columns: ["policy", "p99", "ok"], rows: [["none", 120, true], ["jitter", 35.5, null]] };
export const sequence: Figure = {
  kind: "sequence",
  title: "2PC",
  nodes: ["coordinator", "payments", "stock"],
  events: [
    { kind: "message", from: "coordinator", to: "payments", label: "PREPARE", sent: 0, received: 4 },
    { kind: "message", from: "coordinator", to: "stock", label: "PREPARE", sent: 0, dropped: 0, reason: "loss" },
    { kind: "message", from: "payments", to: "coordinator", label: "YES", sent: 4, dropped: 9, reason: "down" },
    { kind: "crash", node: "coordinator", time: 6 },
    { kind: "restart", node: "coordinator", time: 30 },
    { kind: "drop", node: "stock", time: 12, label: "stale vote" },
    { kind: "partition", groups: [["stock"], ["coordinator", "payments"]], start: 10, end: 20 },
    { kind: "lock-wait", node: "payments", lock: "row 7", start: 5, end: 25 },
    { kind: "note", node: "payments", time: 4, text: "logs YES" },
  ],
};

export const samples: readonly Figure[] = [line, scatter, bar, histogram, table, sequence];
