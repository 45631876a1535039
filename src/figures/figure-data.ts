/**
 * The figures a snippet can show, as plain JSON-able data: never markup. A snippet builds them
 * with `daybook/show` (show.ts); the sandbox and the page check them with `validateFigure`
 * (validate-figure.ts) and one renderer draws them (render-svg.ts). Times are virtual ms.
 */
import type { TraceEvent } from "../sim/trace-events.ts";

export type { TraceEvent } from "../sim/trace-events.ts";

/** An axis's label and, optionally, values its range must include (data outside is never cut off). */
export interface Axis {
  /** Shown beside the axis, e.g. `utilisation` or `latency (ms)`. */
  readonly label?: string;
  /** The axis starts at or below this value. */
  readonly min?: number;
  /** The axis ends at or above this value. */
  readonly max?: number;
}

/** What every figure has. */
interface FigureBase {
  /** Shown above the figure and used as its accessible name (at most 200 characters). */
  readonly title: string;
  /** A sentence for screen readers; Daybook writes one from the data when absent. */
  readonly description?: string;
}

/** One named series of `[x, y]` points. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

/** Lines through each series' points, in the order given. */
export interface LineFigure extends FigureBase {
  readonly kind: "line";
  readonly series: readonly Series[];
  readonly x?: Axis;
  readonly y?: Axis;
}

/** A dot per point, a colour per series. */
export interface ScatterFigure extends FigureBase {
  readonly kind: "scatter";
  readonly series: readonly Series[];
  readonly x?: Axis;
  readonly y?: Axis;
}

/** One bar per label, from zero. */
export interface BarFigure extends FigureBase {
  readonly kind: "bar";
  readonly bars: readonly { readonly label: string; readonly value: number }[];
  readonly y?: Axis;
}

/** Counts of values in adjacent ranges: bin `i` counts values `from <= v < to` (the last bin includes its `to`). */
export interface HistogramFigure extends FigureBase {
  readonly kind: "histogram";
  readonly bins: readonly { readonly from: number; readonly to: number; readonly count: number }[];
  readonly x?: Axis;
  readonly y?: Axis;
}

/** A cell of a table: text, a number, a boolean, or empty (`null`). */
export type Cell = string | number | boolean | null;

/** Rows of cells under named columns; every row has one cell per column. */
export interface TableFigure extends FigureBase {
  readonly kind: "table";
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A message sequence diagram: a lane per node, time flowing down. */
export interface SequenceFigure extends FigureBase {
  readonly kind: "sequence";
  /** The lanes, left to right. Every node an event names is among them. */
  readonly nodes: readonly string[];
  readonly events: readonly TraceEvent[];
}

/** Anything `daybook/show` can draw. */
export type Figure = LineFigure | ScatterFigure | BarFigure | HistogramFigure | TableFigure | SequenceFigure;

/** The kinds of figure, e.g. `"line"`. */
export type FigureKind = Figure["kind"];

/** What the limit of 5,000 points counts: points of all series, bars, bins, table cells or events. */
export function figurePoints(figure: Figure): number {
  switch (figure.kind) {
    case "line":
    case "scatter":
      return figure.series.reduce((sum, series) => sum + series.points.length, 0);
    case "bar":
      return figure.bars.length;
    case "histogram":
      return figure.bins.length;
    case "table":
      return figure.rows.length * figure.columns.length;
    case "sequence":
      return figure.events.length;
  }
}
