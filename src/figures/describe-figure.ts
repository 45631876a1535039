/** A sentence saying what a figure shows, for its `<desc>` when the author wrote none. */
import type { Figure } from "./figure-data.ts";
import { figureSize } from "./figure-summary.ts";
import { formatValue } from "./format-value.ts";

const range = (values: readonly number[]): string => {
  if (values.length === 0) return "no values";
  const [min, max] = values.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
  return min === max ? formatValue(min) : `${formatValue(min)} to ${formatValue(max)}`;
};

export function describeFigure(figure: Figure): string {
  if (figure.description !== undefined) return figure.description;
  switch (figure.kind) {
    case "line":
    case "scatter": {
      const series = figure.series.map((s) => `${s.name} (${s.points.length} points, x ${range(s.points.map((p) => p[0]))}, y ${range(s.points.map((p) => p[1]))})`);
      return `${figure.kind === "line" ? "Line chart" : "Scatter plot"} of ${figureSize(figure)}: ${series.join("; ")}.`;
    }
    case "bar": {
      const sorted = [...figure.bars].sort((a, b) => a.value - b.value);
      const [low, high] = [sorted[0], sorted[sorted.length - 1]];
      return low && high ? `Bar chart of ${figureSize(figure)}, from ${formatValue(low.value)} (${low.label}) to ${formatValue(high.value)} (${high.label}).` : "Bar chart with no bars.";
    }
    case "histogram": {
      const fullest = figure.bins.reduce<(typeof figure.bins)[number] | undefined>((best, bin) => (best === undefined || bin.count > best.count ? bin : best), undefined);
      const span = range(figure.bins.flatMap((b) => [b.from, b.to]));
      return fullest ? `Histogram of ${figureSize(figure)} from ${span}; the fullest bin, ${formatValue(fullest.from)} to ${formatValue(fullest.to)}, holds ${fullest.count}.` : "Histogram with no values.";
    }
    case "table":
      return `Table of ${figureSize(figure)}: ${figure.columns.join(", ")}.`;
    case "sequence": {
      const counts = new Map<string, number>();
      for (const event of figure.events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
      const dropped = figure.events.filter((e) => e.kind === "message" && e.dropped !== undefined).length;
      const parts = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? "" : "s"}${kind === "message" && dropped > 0 ? ` (${dropped} dropped)` : ""}`);
      return `Sequence diagram of ${figureSize(figure)} between ${figure.nodes.join(", ")}: ${parts.join(", ") || "nothing happened"}.`;
    }
  }
}
