/**
 * What a snippet sees as `daybook/show`: the type checker resolves the specifier here (the
 * runtime gives each run its own `createShow(emit)` under the same name), so authors get these
 * types, and errors about them, in the editor and at build.
 */
import type { Show } from "./show.ts";
import type { Input } from "./input.ts";

export type { Axis, Cell } from "./figure-data.ts";
export type { TraceEvent } from "../sim/trace-events.ts";
export type { Input, NumberOptions } from "./input.ts";
export type { FigureOptions, HistogramOptions, Point, SequenceOptions, SequenceSource, SeriesInput, Show, TableOptions, XYOptions } from "./show.ts";

/**
 * Draws figures under the snippet's output, in order among its `console.log` lines, at build and
 * on Run: `show.line`, `show.scatter`, `show.bar`, `show.histogram`, `show.table`, `show.sequence`.
 * Limits: 10 figures and 1 MB of data per run, 5,000 points per figure, strings up to 200 characters.
 */
export declare const show: Show;
/**
 * Controls the reader can change above the output, each returning its value for this run (the
 * default at build): `input.range`, `input.number`, `input.select`, `input.checkbox`. Changing one
 * re-runs the snippet with the new value; the page's link keeps it (`?in.<snippet>.<name>=`).
 * Limits: 20 controls per snippet, labels up to 200 characters, 50 options per select.
 */
export declare const input: Input;
