/** Line and scatter charts: numeric x and y, a colour (and for lines a dash pattern) per series. */
import type { LineFigure, ScatterFigure } from "../figure-data.ts";
import { niceTicks } from "../ticks.ts";
import { xAxis, yAxis } from "./axes.ts";
import { frame } from "./layout.ts";
import { extent, linearScale } from "./scale.ts";
import { el, px } from "./svg-markup.ts";

/** Lines are marked with dots too when a series is this short, so single points stay visible. */
const DOTS_UP_TO = 40;

export function renderXY(figure: LineFigure | ScatterFigure): string {
  const all = figure.series.flatMap((series) => series.points);
  const [x0, x1] = extent(all.map((p) => p[0]), figure.x);
  const [y0, y1] = extent(all.map((p) => p[1]), figure.y);
  const { markup, area } = frame(figure.title, figure.series.map((s) => s.name), figure.y?.label);
  const xs = niceTicks(x0, x1, 8);
  const ys = niceTicks(y0, y1, 6);
  const x = linearScale(xs.min, xs.max, area.left, area.right);
  const y = linearScale(ys.min, ys.max, area.bottom, area.top);
  const marks = figure.series.map((series, i) => {
    const cls = `fig-series-${i}`;
    const dots = (r: number) => series.points.map(([px0, py0]) => el("circle", { cx: x(px0), cy: y(py0), r, class: `fig-dot ${cls}` })).join("");
    if (figure.kind === "scatter") return el("g", { class: "fig-scatter-series" }, dots(3));
    const d = series.points.map(([px0, py0], j) => `${j === 0 ? "M" : "L"}${px(x(px0))} ${px(y(py0))}`).join("");
    const path = series.points.length > 1 ? el("path", { d, class: `fig-line ${cls}` }) : "";
    return el("g", { class: "fig-line-series" }, path + (series.points.length <= DOTS_UP_TO ? dots(2.5) : ""));
  });
  return markup + yAxis(area, ys.ticks, ys.step, y) + xAxis(area, xs.ticks, xs.step, x, figure.x?.label) + marks.join("");
}
