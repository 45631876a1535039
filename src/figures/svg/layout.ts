/** The frame every chart shares: size, title, legend, and where the plot area is. */
import { clip, el, text, textWidth } from "./svg-markup.ts";

export const WIDTH = 640;
export const HEIGHT = 360;
const LEFT = 64;
const RIGHT = 20;
const BOTTOM = 48;
const LEGEND_ROW = 18;

/** The plot area in pixels. */
export interface Area {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The title, the legend (series names, when more than one) and the y label, and the area left for the plot. */
export function frame(title: string, legend: readonly string[], yLabel: string | undefined, height = HEIGHT): { markup: string; area: Area } {
  let markup = text(LEFT - 48, 22, clip(title, 80), "fig-title");
  let y = 36;
  if (legend.length > 1) {
    let x = LEFT;
    y += 4;
    const items = legend.map((name, i) => {
      const label = clip(name, 30);
      const width = 24 + textWidth(label);
      if (x + width > WIDTH - RIGHT && x > LEFT) [x, y] = [LEFT, y + LEGEND_ROW];
      const item =
        el("rect", { x, y: y - 9, width: 14, height: 10, class: `fig-swatch fig-series-${i}` }) + text(x + 18, y, label, "fig-legend-label");
      x += width + 12;
      return item;
    });
    markup += el("g", { class: "fig-legend" }, items.join(""));
    y += LEGEND_ROW - 4;
  }
  if (yLabel !== undefined) {
    y += 14;
    markup += text(LEFT - 48, y, clip(yLabel, 60), "fig-axis-label");
  }
  return { markup, area: { left: LEFT, right: WIDTH - RIGHT, top: y + 12, bottom: height - BOTTOM } };
}
