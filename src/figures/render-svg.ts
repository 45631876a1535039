/**
 * The one renderer: a validated figure to an SVG string, at build (Node) and in the page, byte
 * for byte the same. Colours come only from classes (figures.css), never `style`; every string
 * from the data is escaped; `role="img"` with `<title>` and `<desc>` names and describes it.
 */
import { escapeXml } from "../lib/escape-xml.ts";
import { describeFigure } from "./describe-figure.ts";
import type { Figure } from "./figure-data.ts";
import { renderBar, renderHistogram } from "./svg/chart-bars.ts";
import { renderSequence } from "./svg/chart-sequence.ts";
import { renderTableFigure } from "./svg/chart-table.ts";
import { renderXY } from "./svg/chart-xy.ts";
import { HEIGHT, WIDTH } from "./svg/layout.ts";

/** The SVG for `figure`, which must have passed `validateFigure`. */
export function renderFigureSvg(figure: Figure): string {
  const { markup, width, height } = body(figure);
  const head = `<title>${escapeXml(figure.title)}</title><desc>${escapeXml(describeFigure(figure))}</desc>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fig fig-chart-${figure.kind}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${head}${markup}</svg>`;
}

function body(figure: Figure): { markup: string; width: number; height: number } {
  switch (figure.kind) {
    case "line":
    case "scatter":
      return { markup: renderXY(figure), width: WIDTH, height: HEIGHT };
    case "bar":
      return { markup: renderBar(figure), width: WIDTH, height: HEIGHT };
    case "histogram":
      return { markup: renderHistogram(figure), width: WIDTH, height: HEIGHT };
    case "table":
      return renderTableFigure(figure);
    case "sequence":
      return renderSequence(figure);
  }
}
