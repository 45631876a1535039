/**
 * A figure's data as an HTML `<table>` of at most 50 rows, for screen readers and search: longer
 * data is sampled evenly (or, for histograms, adjacent bins merged) and the caption says so.
 */
import { escapeXml } from "../lib/escape-xml.ts";
import type { MessageTraceEvent, TraceEvent } from "../sim/trace-events.ts";
import type { Figure } from "./figure-data.ts";
import { MAX_TABLE_ROWS } from "./figure-limits.ts";
import { formatValue } from "./format-value.ts";
import { cellText } from "./svg/chart-table.ts";

type Row = readonly (string | number)[];

/** `count` indexes spread evenly over `0 .. n - 1`, first and last included. */
export function evenIndexes(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  if (count <= 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / (count - 1)));
}

export function renderFigureTable(figure: Figure): string {
  const { columns, rows, note } = tableData(figure);
  const head = columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell) => (typeof cell === "number" ? `<td class="fig-num">${formatValue(cell)}</td>` : `<td>${escapeXml(cell)}</td>`)).join("")}</tr>`).join("");
  return `<table class="fig-table"><caption>${escapeXml(`${figure.title} (${note})`)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function tableData(figure: Figure): { columns: string[]; rows: Row[]; note: string } {
  switch (figure.kind) {
    case "line":
    case "scatter": {
      const total = figure.series.reduce((sum, s) => sum + s.points.length, 0);
      const share = total <= MAX_TABLE_ROWS ? total : Math.floor(MAX_TABLE_ROWS / Math.max(1, figure.series.length));
      const rows = figure.series.flatMap((s) => evenIndexes(s.points.length, share).map((i): Row => [s.name, s.points[i]![0], s.points[i]![1]]));
      return { columns: ["series", figure.x?.label ?? "x", figure.y?.label ?? "y"], rows, note: sampled(rows.length, total, "points") };
    }
    case "bar": {
      const rows = evenIndexes(figure.bars.length, MAX_TABLE_ROWS).map((i): Row => [figure.bars[i]!.label, figure.bars[i]!.value]);
      return { columns: ["label", figure.y?.label ?? "value"], rows, note: sampled(rows.length, figure.bars.length, "bars") };
    }
    case "histogram": {
      const size = Math.ceil(figure.bins.length / MAX_TABLE_ROWS);
      const rows: Row[] = [];
      for (let i = 0; i < figure.bins.length; i += size) {
        const group = figure.bins.slice(i, i + size);
        rows.push([group[0]!.from, group[group.length - 1]!.to, group.reduce((sum, b) => sum + b.count, 0)]);
      }
      const note = size === 1 ? `all ${figure.bins.length} bins` : `${figure.bins.length} bins merged into ${rows.length}, ${size} at a time`;
      return { columns: ["from", "to", "count"], rows, note };
    }
    case "table": {
      const rows = figure.rows.slice(0, MAX_TABLE_ROWS).map((row) => row.map((cell) => (typeof cell === "number" ? cell : cellText(cell))));
      const note = rows.length === figure.rows.length ? `all ${rows.length} rows` : `first ${rows.length} of ${figure.rows.length} rows`;
      return { columns: [...figure.columns], rows, note };
    }
    case "sequence": {
      const rows = evenIndexes(figure.events.length, MAX_TABLE_ROWS).map((i) => eventRow(figure.events[i]!));
      return { columns: ["time (ms)", "event"], rows, note: sampled(rows.length, figure.events.length, "events") };
    }
  }
}

const sampled = (shown: number, total: number, noun: string): string => (shown === total ? `all ${total} ${noun}` : `${shown} of ${total} ${noun}, sampled evenly`);

function eventRow(event: TraceEvent): Row {
  switch (event.kind) {
    case "message":
      return [event.sent, `${event.from} → ${event.to}: ${event.label} (${outcome(event)})`];
    case "crash":
      return [event.time, `${event.node} crashed`];
    case "restart":
      return [event.time, `${event.node} restarted`];
    case "drop":
      return [event.time, `${event.node} drops ${event.label}`];
    case "note":
      return [event.time, `${event.node}: ${event.text}`];
    case "partition":
      return [event.start, `partition ${event.groups.map((g) => g.join(", ")).join(" | ")}${event.groups.length === 1 ? " | everyone else" : ""}${event.end === undefined ? ", never healed" : `, healed at ${formatValue(event.end)} ms`}`];
    case "lock-wait":
      return [event.start, `${event.node} waits for ${event.lock}${event.end === undefined ? ", never gets it" : ` until ${formatValue(event.end)} ms`}`];
  }
}

function outcome(event: MessageTraceEvent): string {
  if (event.received !== undefined) return `received at ${formatValue(event.received)} ms`;
  if (event.dropped !== undefined) return `dropped at ${formatValue(event.dropped)} ms${event.reason === undefined ? "" : `: ${event.reason}`}`;
  return "still in flight";
}
