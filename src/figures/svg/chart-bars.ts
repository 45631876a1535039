/** Bar charts (a bar per label) and histograms (a bar per bin, on a numeric x axis); bars grow from zero. */
import type { BarFigure, HistogramFigure } from "../figure-data.ts";
import { niceTicks } from "../ticks.ts";
import { baseline, xAxis, yAxis } from "./axes.ts";
import { frame } from "./layout.ts";
import { extent, linearScale } from "./scale.ts";
import { clip, el, text, textWidth } from "./svg-markup.ts";

export function renderBar(figure: BarFigure): string {
  const [y0, y1] = extent([0, ...figure.bars.map((b) => b.value)], figure.y);
  const { markup, area } = frame(figure.title, [], figure.y?.label);
  const ys = niceTicks(y0, y1, 6);
  const y = linearScale(ys.min, ys.max, area.bottom, area.top);
  const band = (area.right - area.left) / Math.max(1, figure.bars.length);
  const labelChars = Math.max(3, Math.floor(band / 7) - 1);
  // Long bar lists label every k-th bar so labels never overlap; the data table has them all.
  const widest = figure.bars.reduce((most, b) => Math.max(most, textWidth(clip(b.label, labelChars)) + 6), 0);
  const every = Math.max(1, Math.ceil(widest / band));
  const bars = figure.bars.map((bar, i) => {
    const left = area.left + i * band + band * 0.1;
    const [top, bottom] = [Math.min(y(bar.value), y(0)), Math.max(y(bar.value), y(0))];
    const label = i % every === 0 ? text(left + band * 0.4, area.bottom + 18, clip(bar.label, labelChars), "fig-tick", "middle") : "";
    return el("rect", { x: left, y: top, width: Math.max(0.5, band * 0.8), height: Math.max(0.5, bottom - top), class: "fig-bar fig-series-0" }) + label;
  });
  return markup + yAxis(area, ys.ticks, ys.step, y) + el("g", { class: "fig-bars" }, bars.join("")) + el("g", { class: "fig-axis fig-axis-x" }, baseline(area));
}

export function renderHistogram(figure: HistogramFigure): string {
  const [x0, x1] = extent(figure.bins.flatMap((b) => [b.from, b.to]), figure.x);
  const [y0, y1] = extent([0, ...figure.bins.map((b) => b.count)], figure.y);
  const { markup, area } = frame(figure.title, [], figure.y?.label ?? "count");
  const xs = niceTicks(x0, x1, 8);
  const ys = niceTicks(y0, y1, 6);
  const x = linearScale(xs.min, xs.max, area.left, area.right);
  const y = linearScale(ys.min, ys.max, area.bottom, area.top);
  const bars = figure.bins.map((bin) =>
    el("rect", { x: x(bin.from), y: y(bin.count), width: Math.max(0.5, x(bin.to) - x(bin.from) - 1), height: Math.max(0, y(0) - y(bin.count)), class: "fig-bar fig-series-0" }),
  );
  return markup + yAxis(area, ys.ticks, ys.step, y) + el("g", { class: "fig-bars" }, bars.join("")) + xAxis(area, xs.ticks, xs.step, x, figure.x?.label);
}
