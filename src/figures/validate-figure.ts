/**
 * Checks untrusted figure data (from a snippet, or from the sandbox's message) and returns a
 * fresh, typed copy, or a sentence naming the rule or limit it broke. Run in the sandbox before
 * a figure leaves it and again in the page before anything is drawn.
 */
import { figurePoints, type Axis, type Cell, type Figure, type Series } from "./figure-data.ts";
import { MAX_COLUMNS, MAX_LANES, MAX_POINTS, MAX_SERIES } from "./figure-limits.ts";
import { readTraceEvent } from "./validate-trace-event.ts";
import { FigureDataError, kindOf, optional, readArray, readCount, readNumber, readObject, readString, required } from "./untrusted-read.ts";

/** The outcome of {@link validateFigure}. */
export type FigureCheck = { readonly ok: true; readonly figure: Figure } | { readonly ok: false; readonly error: string };

const KINDS = ["line", "scatter", "bar", "histogram", "table", "sequence"] as const;
const FIELDS: Record<(typeof KINDS)[number], readonly string[]> = {
  line: ["series", "x", "y"],
  scatter: ["series", "x", "y"],
  bar: ["bars", "y"],
  histogram: ["bins", "x", "y"],
  table: ["columns", "rows"],
  sequence: ["nodes", "events"],
};

/** Checks `value` against the figure types and limits; never throws. */
export function validateFigure(value: unknown): FigureCheck {
  try {
    return { ok: true, figure: readFigure(value) };
  } catch (error) {
    if (error instanceof FigureDataError) return { ok: false, error: error.message };
    // A Proxy trap or a hostile getter threw something else: say so without touching it further.
    return { ok: false, error: "figure could not be read (reading it threw); figures must be plain data" };
  }
}

function readFigure(value: unknown): Figure {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new FigureDataError(`a figure must be an object, not ${kindOf(value)}`);
  const descriptor = Reflect.getOwnPropertyDescriptor(value, "kind"); // not value.kind: that could run a getter
  const kind: unknown = descriptor !== undefined && "value" in descriptor ? descriptor.value : undefined;
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) throw new FigureDataError(`figure.kind must be one of ${KINDS.join(", ")}`);
  const k = kind as (typeof KINDS)[number];
  const fields = readObject(value, "figure", ["kind", "title", "description", ...FIELDS[k]]);
  const base = { title: required(fields, "title", readString, "figure"), ...optional(fields, "description", readString, "figure") };
  const figure = readBody(k, fields, base);
  const points = figurePoints(figure);
  if (points > MAX_POINTS) throw new FigureDataError(`figure "${base.title}" has ${points} points; the limit is ${MAX_POINTS} points per figure`);
  return figure;
}

function readBody(kind: (typeof KINDS)[number], fields: Record<string, unknown>, base: { title: string; description?: string }): Figure {
  const axis = (key: "x" | "y") => optional(fields, key, readAxis, "figure");
  switch (kind) {
    case "line":
    case "scatter": {
      const series = required(fields, "series", (v, p) => readArray(v, p, readSeries, MAX_SERIES, `${MAX_SERIES} series per figure`), "figure");
      return { kind, ...base, series, ...axis("x"), ...axis("y") };
    }
    case "bar": {
      const bars = required(fields, "bars", (v, p) => readArray(v, p, readBar, MAX_POINTS, `${MAX_POINTS} points per figure`), "figure");
      return { kind, ...base, bars, ...axis("y") };
    }
    case "histogram": {
      const bins = required(fields, "bins", (v, p) => readArray(v, p, readBin, MAX_POINTS, `${MAX_POINTS} points per figure`), "figure");
      return { kind, ...base, bins, ...axis("x"), ...axis("y") };
    }
    case "table":
      return readTable(fields, base);
    case "sequence":
      return readSequence(fields, base);
  }
}

function readAxis(value: unknown, path: string): Axis {
  const fields = readObject(value, path, ["label", "min", "max"]);
  const axis = { ...optional(fields, "label", readString, path), ...optional(fields, "min", readNumber, path), ...optional(fields, "max", readNumber, path) };
  if (axis.min !== undefined && axis.max !== undefined && !(axis.min < axis.max)) throw new FigureDataError(`${path}.min (${axis.min}) must be less than ${path}.max (${axis.max})`);
  return axis;
}

function readSeries(value: unknown, path: string): Series {
  const fields = readObject(value, path, ["name", "points"]);
  const point = (v: unknown, p: string): [number, number] => {
    const pair = readArray(v, p, readNumber, 2);
    if (pair.length !== 2) throw new FigureDataError(`${p} must be an [x, y] pair, not ${pair.length} numbers`);
    return [pair[0]!, pair[1]!];
  };
  return { name: required(fields, "name", readString, path), points: required(fields, "points", (v, p) => readArray(v, p, point, MAX_POINTS, `${MAX_POINTS} points per figure`), path) };
}

function readBar(value: unknown, path: string): { label: string; value: number } {
  const fields = readObject(value, path, ["label", "value"]);
  return { label: required(fields, "label", readString, path), value: required(fields, "value", readNumber, path) };
}

function readBin(value: unknown, path: string): { from: number; to: number; count: number } {
  const fields = readObject(value, path, ["from", "to", "count"]);
  const bin = { from: required(fields, "from", readNumber, path), to: required(fields, "to", readNumber, path), count: required(fields, "count", readCount, path) };
  if (!(bin.from < bin.to)) throw new FigureDataError(`${path}.from (${bin.from}) must be less than ${path}.to (${bin.to})`);
  return bin;
}

function readCell(value: unknown, path: string): Cell {
  if (value === null || typeof value === "boolean") return value;
  return typeof value === "number" ? readNumber(value, path) : readString(value, path);
}

function readTable(fields: Record<string, unknown>, base: { title: string; description?: string }): Figure {
  const columns = required(fields, "columns", (v, p) => readArray(v, p, readString, MAX_COLUMNS, `${MAX_COLUMNS} columns per table`), "figure");
  if (columns.length === 0) throw new FigureDataError("figure.columns is empty; a table needs at least one column");
  const rows = required(fields, "rows", (v, p) => readArray(v, p, (row, rp) => {
    const cells = readArray(row, rp, readCell, MAX_COLUMNS, `${MAX_COLUMNS} columns per table`);
    if (cells.length !== columns.length) throw new FigureDataError(`${rp} has ${cells.length} cells; every row needs one per column (${columns.length})`);
    return cells;
  }, MAX_POINTS, `${MAX_POINTS} points per figure`), "figure");
  return { kind: "table", ...base, columns, rows };
}

function readSequence(fields: Record<string, unknown>, base: { title: string; description?: string }): Figure {
  const nodes = required(fields, "nodes", (v, p) => readArray(v, p, readString, MAX_LANES, `${MAX_LANES} lanes per sequence diagram`), "figure");
  if (new Set(nodes).size !== nodes.length) throw new FigureDataError("figure.nodes names a node twice; each lane needs its own name");
  const events = required(fields, "events", (v, p) => readArray(v, p, readTraceEvent, MAX_POINTS, `${MAX_POINTS} points per figure`), "figure");
  const lanes = new Set(nodes);
  events.forEach((event, i) => {
    const named = event.kind === "message" ? [event.from, event.to] : event.kind === "partition" ? event.groups.flat() : [event.node];
    const missing = named.find((name) => !lanes.has(name));
    if (missing !== undefined) throw new FigureDataError(`figure.events[${i}] names ${JSON.stringify(missing)}, which is not in figure.nodes`);
  });
  return { kind: "sequence", ...base, nodes, events };
}
