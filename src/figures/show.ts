/**
 * `daybook/show`: what a snippet calls to draw. Each call builds figure data (never markup),
 * checks it against the limits and hands it to the runtime's `emit`, which prints the figure's
 * line among the `console.log` lines and sends the data to the page to be drawn.
 *
 * ```ts
 * import { show } from "daybook/show";
 * show.line("Latency vs utilisation", [{ name: "M/M/1", points: [[0.5, 2], [0.9, 10], [0.95, 20]] }], { x: { label: "utilisation" } });
 * ```
 */
import type { TimelineEvent } from "../sim/timeline.ts";
import { traceEvents, type TraceEvent } from "../sim/trace-events.ts";
import type { Axis, Cell, Figure } from "./figure-data.ts";
import { MAX_BYTES_PER_RUN, MAX_COLUMNS, MAX_FIGURES_PER_RUN, MAX_POINTS } from "./figure-limits.ts";
import { figureBytes } from "./figure-summary.ts";
import { binValues } from "./histogram-bins.ts";
import { validateFigure } from "./validate-figure.ts";

/** An `[x, y]` point. */
export type Point = readonly [x: number, y: number];

/** A named series of points for `show.line` and `show.scatter`. */
export interface SeriesInput {
  readonly name: string;
  readonly points: readonly Point[];
}

/** Options every figure takes. */
export interface FigureOptions {
  /** A sentence describing the figure for screen readers; Daybook writes one from the data when absent. */
  readonly description?: string;
}

/** Options for line and scatter charts. */
export interface XYOptions extends FigureOptions {
  readonly x?: Axis;
  readonly y?: Axis;
}

/** Options for `show.histogram`. */
export interface HistogramOptions extends XYOptions {
  /** About how many bins (edges are rounded to 1, 2 or 5 times a power of ten); default: Sturges' rule. */
  readonly bins?: number;
}

/** Options for `show.table`. */
export interface TableOptions extends FigureOptions {
  /** Column order (default: the keys of the rows, in order of first appearance). */
  readonly columns?: readonly string[];
}

/** Options for `show.sequence`. */
export interface SequenceOptions extends FigureOptions {
  /** Lane order, left to right (default: in order of first appearance); lanes for other nodes are added after. */
  readonly nodes?: readonly string[];
}

/** What `show.sequence` draws: a simulation (its `trace`), `sim.trace`, or trace events, mixed as you like. */
export type SequenceSource = { readonly trace: Iterable<TimelineEvent | TraceEvent> } | Iterable<TimelineEvent | TraceEvent>;

/** The `show` object a snippet imports from `daybook/show`. Each call throws if the figure breaks a limit. */
export interface Show {
  /** Lines through points: one series or several. */
  line(title: string, series: SeriesInput | readonly SeriesInput[], options?: XYOptions): void;
  /** Dots at points: one series or several. */
  scatter(title: string, series: SeriesInput | readonly SeriesInput[], options?: XYOptions): void;
  /** Bars from zero: `{ label: value }` or `[{ label, value }]`, in order. */
  bar(title: string, bars: Readonly<Record<string, number>> | readonly { readonly label: string; readonly value: number }[], options?: { readonly y?: Axis } & FigureOptions): void;
  /** How raw values are distributed, counted into round-edged bins. */
  histogram(title: string, values: readonly number[], options?: HistogramOptions): void;
  /** Rows of objects as a table: `show.table("Runs", [{ policy: "retry", p99: 120 }])`. */
  table(title: string, rows: readonly Readonly<Record<string, Cell>>[], options?: TableOptions): void;
  /** A message sequence diagram of a `daybook/sim` run: `show.sequence("2PC", sim)`. */
  sequence(title: string, source: SequenceSource, options?: SequenceOptions): void;
}

/** Receives each checked figure, in the order the snippet showed them. */
export type Emit = (figure: Figure) => void;

/** A `show` for one run: checks each figure and the run's limits (10 figures, 1 MB), then calls `emit`. */
export function createShow(emit: Emit): Show {
  let figures = 0;
  let bytes = 0;
  const send = (call: string, data: Record<string, unknown>, options: FigureOptions | undefined): void => {
    const check = validateFigure({ ...data, ...(options?.description === undefined ? {} : { description: options.description }) });
    if (!check.ok) throw new RangeError(`${call}: ${check.error}`);
    if (figures + 1 > MAX_FIGURES_PER_RUN) throw new RangeError(`${call}: this would be figure ${figures + 1}; the limit is ${MAX_FIGURES_PER_RUN} figures per run`);
    const size = figureBytes(check.figure);
    if (bytes + size > MAX_BYTES_PER_RUN) throw new RangeError(`${call}: figures would reach ${bytes + size} bytes; the limit is ${MAX_BYTES_PER_RUN} bytes (1 MB) of figure data per run`);
    figures += 1;
    bytes += size;
    emit(check.figure);
  };
  const xy = (kind: "line" | "scatter") => (title: string, series: SeriesInput | readonly SeriesInput[], options?: XYOptions) =>
    send(`show.${kind}`, { kind, title, series: isSeriesList(series) ? series : [series], ...axes(options) }, options);
  return {
    line: xy("line"),
    scatter: xy("scatter"),
    bar(title, bars, options) {
      const list = Array.isArray(bars) ? bars : Object.entries(bars).map(([label, value]) => ({ label, value }));
      send("show.bar", { kind: "bar", title, bars: list, ...(options?.y === undefined ? {} : { y: options.y }) }, options);
    },
    histogram(title, values, options) {
      if (!Array.isArray(values) || values.length > MAX_POINTS * 100) throw new RangeError(`show.histogram: values must be an array of at most ${MAX_POINTS * 100} numbers`);
      const bad = values.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
      if (bad >= 0) throw new RangeError(`show.histogram: values[${bad}] is ${String(values[bad])}; numbers must be finite`);
      const target = options?.bins;
      if (target !== undefined && !(Number.isInteger(target) && target >= 1 && target <= MAX_POINTS)) throw new RangeError(`show.histogram: bins must be a whole number from 1 to ${MAX_POINTS}`);
      send("show.histogram", { kind: "histogram", title, bins: binValues(values, target), ...axes(options) }, options);
    },
    table(title, rows, options) {
      if (!Array.isArray(rows) || rows.length > MAX_POINTS) throw new RangeError(`show.table: rows must be an array of at most ${MAX_POINTS} objects`);
      const columns = options?.columns ?? columnsOf(rows);
      send("show.table", { kind: "table", title, columns, rows: rows.map((row) => columns.map((column) => (Object.hasOwn(row, column) ? row[column] ?? null : null))) }, options);
    },
    sequence(title, source, options) {
      const events = traceEvents("trace" in source && !Array.isArray(source) ? source.trace : (source as Iterable<TimelineEvent | TraceEvent>));
      send("show.sequence", { kind: "sequence", title, nodes: lanes(events, options?.nodes ?? []), events }, options);
    },
  };
}

const isSeriesList = (series: SeriesInput | readonly SeriesInput[]): series is readonly SeriesInput[] => Array.isArray(series);

function axes(options: XYOptions | undefined): { x?: Axis; y?: Axis } {
  return { ...(options?.x === undefined ? {} : { x: options.x }), ...(options?.y === undefined ? {} : { y: options.y }) };
}

function columnsOf(rows: readonly Readonly<Record<string, Cell>>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) {
    if (typeof row !== "object" || row === null) throw new RangeError("show.table: every row must be an object like { name: value }");
    for (const key of Object.keys(row)) if (columns.add(key).size > MAX_COLUMNS) throw new RangeError(`show.table: rows have more than ${MAX_COLUMNS} columns; the limit is ${MAX_COLUMNS} columns per table`);
  }
  return [...columns];
}

/** The given lanes, then every other node the events name, in order of first appearance. */
function lanes(events: readonly TraceEvent[], given: readonly string[]): string[] {
  const names = new Set(given);
  for (const event of events) {
    const named = event.kind === "message" ? [event.from, event.to] : event.kind === "partition" ? event.groups.flat() : [event.node];
    for (const name of named) names.add(name);
  }
  return [...names];
}
