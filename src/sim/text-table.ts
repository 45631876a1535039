/** A printer for aligned plain-text tables, e.g. metrics summaries side by side. */
import { formatNumber } from "./format.ts";

/** Options for {@link table}. */
export interface TableOptions<Row extends object> {
  /** Columns to print, in order (default: every key, in the order first seen across the rows). */
  readonly columns?: readonly (keyof Row & string)[];
  /**
   * Digits after the decimal point. A number applies to every column holding a non-integer (those
   * holding only integers print them whole); an object sets columns by name, integers included.
   * Default 2.
   */
  readonly decimals?: number | Readonly<Partial<Record<keyof Row & string, number>>>;
}

/**
 * Prints rows as a table: a header row of column names, a line of dashes, then one line per row.
 * Columns are separated by two spaces. A column whose values are all numbers is right-aligned
 * (header included); other columns are left-aligned. Numbers use fixed decimals (see
 * {@link TableOptions.decimals}); missing values, `null`, `undefined` and NaN print as `-`.
 * Lines never end in spaces and are joined with `\n`; no rows and no columns prints `(no rows)`.
 */
export function table<Row extends object>(rows: readonly Row[], options: TableOptions<Row> = {}): string {
  const columns: string[] = options.columns ? [...options.columns] : [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (columns.length === 0) return "(no rows)";
  const cellsOf = (row: Row): unknown[] => columns.map((column) => (row as Record<string, unknown>)[column]);
  const raw = rows.map(cellsOf);
  const numeric = columns.map((_, c) => raw.every((cells) => isBlank(cells[c]) || typeof cells[c] === "number"));
  const option = options.decimals as DecimalsOption;
  const decimals = columns.map((column, c) => decimalsFor(option, column, raw.map((cells) => cells[c])));
  const body = raw.map((cells) => cells.map((cell, c) => formatCell(cell, decimals[c] ?? 0)));
  const widths = columns.map((column, c) => body.reduce((width, cells) => Math.max(width, (cells[c] ?? "").length), column.length));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "number" && Number.isNaN(value));
}

type DecimalsOption = number | Readonly<Record<string, number | undefined>> | undefined;

function decimalsFor(option: DecimalsOption, column: string, values: readonly unknown[]): number {
  const own = typeof option === "object" ? option[column] : undefined;
  if (own !== undefined) return own;
  const fractional = values.some((value) => typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value));
  return fractional ? (typeof option === "number" ? option : 2) : 0;
}

function formatCell(value: unknown, decimals: number): string {
  if (isBlank(value)) return "-";
  if (typeof value === "number") return formatNumber(value, decimals);
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? String(value);
}
