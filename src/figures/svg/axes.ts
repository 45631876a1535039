/** Numeric axes: gridlines and tick labels for y, ticks and labels for x, and the x axis's label. */
import { formatTick } from "../format-value.ts";
import type { Step } from "../ticks.ts";
import type { Area } from "./layout.ts";
import { clip, el, text } from "./svg-markup.ts";

/** A horizontal gridline and a label per tick, left of the plot. */
export function yAxis(area: Area, ticks: readonly number[], step: Step, y: (v: number) => number): string {
  const marks = ticks.map((tick) => el("line", { x1: area.left, x2: area.right, y1: y(tick), y2: y(tick), class: "fig-grid" }) + text(area.left - 6, y(tick) + 4, formatTick(tick, step), "fig-tick", "end"));
  return el("g", { class: "fig-axis fig-axis-y" }, marks.join(""));
}

/** The baseline, a tick and label per value, and the axis label under them. */
export function xAxis(area: Area, ticks: readonly number[], step: Step, x: (v: number) => number, label: string | undefined): string {
  const marks = ticks.map((tick) => el("line", { x1: x(tick), x2: x(tick), y1: area.bottom, y2: area.bottom + 5, class: "fig-axis-line" }) + text(x(tick), area.bottom + 18, formatTick(tick, step), "fig-tick", "middle"));
  return el("g", { class: "fig-axis fig-axis-x" }, baseline(area) + marks.join("") + xLabel(area, label));
}

/** The line along the bottom of the plot. */
export const baseline = (area: Area): string => el("line", { x1: area.left, x2: area.right, y1: area.bottom, y2: area.bottom, class: "fig-axis-line" });

/** The x axis's label, centred under the tick labels. */
export const xLabel = (area: Area, label: string | undefined): string =>
  label === undefined ? "" : text((area.left + area.right) / 2, area.bottom + 38, clip(label, 80), "fig-axis-label", "middle");
