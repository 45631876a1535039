/** A table figure drawn as text in columns (the first 50 rows); the HTML data table beside it is the one screen readers use. */
import type { Cell, TableFigure } from "../figure-data.ts";
import { MAX_TABLE_ROWS } from "../figure-limits.ts";
import { formatValue } from "../format-value.ts";
import { clip, el, text, textWidth } from "./svg-markup.ts";

const ROW = 20;
const MAX_CELL = 24;

/** A cell as text: numbers locale-free, empty as `-`. */
export function cellText(cell: Cell): string {
  if (cell === null) return "-";
  return typeof cell === "number" ? formatValue(cell) : String(cell);
}

export function renderTableFigure(figure: TableFigure): { markup: string; width: number; height: number } {
  const rows = figure.rows.slice(0, MAX_TABLE_ROWS);
  const numeric = figure.columns.map((_, c) => rows.every((row) => typeof row[c] === "number" || row[c] === null));
  const widths = figure.columns.map((column, c) => Math.max(textWidth(clip(column, MAX_CELL)), ...rows.map((row) => textWidth(clip(cellText(row[c] ?? null), MAX_CELL)))) + 16);
  const lefts = widths.map((_, c) => 16 + widths.slice(0, c).reduce((sum, w) => sum + w, 0));
  const width = Math.max(640, 32 + widths.reduce((sum, w) => sum + w, 0));
  const cellAt = (content: string, c: number, y: number, cls: string) =>
    numeric[c] ? text(lefts[c]! + widths[c]! - 16, y, clip(content, MAX_CELL), cls, "end") : text(lefts[c]!, y, clip(content, MAX_CELL), cls);
  let y = 56;
  let markup = text(16, 22, clip(figure.title, 80), "fig-title") + figure.columns.map((column, c) => cellAt(column, c, y, "fig-table-head")).join("");
  markup += el("line", { x1: 16, x2: width - 16, y1: y + 6, y2: y + 6, class: "fig-axis-line" });
  for (const row of rows) {
    y += ROW;
    markup += row.map((cell, c) => cellAt(cellText(cell), c, y, "fig-table-cell")).join("");
  }
  if (figure.rows.length > rows.length) {
    y += ROW;
    markup += text(16, y, `… ${figure.rows.length - rows.length} more rows (first ${rows.length} of ${figure.rows.length} shown)`, "fig-note-text");
  }
  return { markup, width, height: y + 16 };
}
