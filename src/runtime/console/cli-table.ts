/** Node's box-drawing table renderer for `console.table` (lib/internal/cli_table.js). */
import { getStringWidth } from "./string-width.ts";

const chars = {
  middleMiddle: "─",
  rowMiddle: "┼",
  topRight: "┐",
  topLeft: "┌",
  leftMiddle: "├",
  topMiddle: "┬",
  bottomRight: "┘",
  bottomLeft: "└",
  bottomMiddle: "┴",
  rightMiddle: "┤",
  left: "│ ",
  right: " │",
  middle: " │ ",
};

function renderRow(row: string[], columnWidths: number[]): string {
  let out = chars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    out += cell + " ".repeat(Math.ceil(columnWidths[i]! - getStringWidth(cell)));
    if (i !== row.length - 1) out += chars.middle;
  }
  return out + chars.right;
}

/** `columns[i]` holds column i's cells by row index; a missing cell is empty. */
export function cliTable(head: string[], columns: string[][]): string {
  const rows: string[][] = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((column) => column.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i]!;
    for (let j = 0; j < longestColumn; j++) {
      rows[j] ??= [];
      const value = (rows[j]![i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j]! : "");
      columnWidths[i] = Math.max(columnWidths[i] || 0, getStringWidth(value));
    }
  }
  const divider = columnWidths.map((width) => chars.middleMiddle.repeat(width + 2));
  let result = `${chars.topLeft}${divider.join(chars.topMiddle)}${chars.topRight}\n${renderRow(head, columnWidths)}\n${chars.leftMiddle}${divider.join(chars.rowMiddle)}${chars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  return result + `${chars.bottomLeft}${divider.join(chars.bottomMiddle)}${chars.bottomRight}`;
}
