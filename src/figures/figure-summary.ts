/**
 * The line a figure puts in a snippet's output fence, checked like any printed line, so a figure
 * cannot change silently: `[figure line "Latency vs utilisation": 2 series, 50 points, sha256:1a2b3c4d]`.
 */
import { canonicalJson, utf8Length } from "./canonical-json.ts";
import { figurePoints, type Figure } from "./figure-data.ts";
import { sha256Hex } from "./sha256.ts";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the figure holds, in words: `2 series, 50 points`. */
export function figureSize(figure: Figure): string {
  switch (figure.kind) {
    case "line":
    case "scatter":
      return `${count(figure.series.length, "series", "series")}, ${count(figurePoints(figure), "point")}`;
    case "bar":
      return count(figure.bars.length, "bar");
    case "histogram":
      return `${count(figure.bins.length, "bin")}, ${count(figure.bins.reduce((sum, bin) => sum + bin.count, 0), "value")}`;
    case "table":
      return `${count(figure.rows.length, "row")}, ${count(figure.columns.length, "column")}`;
    case "sequence":
      return `${count(figure.nodes.length, "node")}, ${count(figure.events.length, "event")}`;
  }
}

/** The first 8 hex digits of the SHA-256 of the figure's canonical JSON: enough to notice any change. */
export function figureHash(figure: Figure): string {
  return sha256Hex(canonicalJson(figure)).slice(0, 8);
}

/** Bytes the figure counts against the 1 MB per run limit (UTF-8 of its canonical JSON). */
export function figureBytes(figure: Figure): number {
  return utf8Length(canonicalJson(figure));
}

/** The output-fence line for a validated figure. The title is quoted as JSON, so quotes in it stay unambiguous. */
export function figureSummaryLine(figure: Figure): string {
  return `[figure ${figure.kind} ${JSON.stringify(figure.title)}: ${figureSize(figure)}, sha256:${figureHash(figure)}]`;
}
