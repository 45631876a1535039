// Loaded on the first Run whose snippet drew (a dynamic import: pages and runs without figures
// never fetch it). The sandbox's figure texts are untrusted: each is parsed, validated and matched
// to its line again here (src/figures/run-figures.ts), then drawn by the same renderer the build
// used, so unchanged code gives the build's SVG. The renderer's markup is parsed as SVG or HTML by
// DOMParser (which runs no script) and imported into the page; nothing from the snippet is parsed
// as markup. Each figure is drawn in a task of its own, so ten large ones never freeze the page.
import { FIGURE_CLASS, FIGURE_DATA_CLASS, FIGURE_DATA_SUMMARY, FIGURE_ERROR_CLASS } from "../../figures/figure-block.ts";
import type { Figure } from "../../figures/figure-data.ts";
import { renderFigureSvg } from "../../figures/render-svg.ts";
import { renderFigureTable } from "../../figures/render-table.ts";
import { figurePlacer, figureTexts, outputParts, type PlacedFigure } from "../../figures/run-figures.ts";
import { textPart } from "./output-panel.ts";

/** The output's parts, text and figures in order, ready to go into the panel. */
export async function figureOutput(output: string, figures: string): Promise<Node[]> {
  const place = figurePlacer(output);
  const placed: PlacedFigure[] = [];
  for (const [index, text] of figureTexts(figures).entries()) {
    if (index > 0) await nextTask();
    placed.push(place(text, index));
  }
  const nodes: Node[] = [];
  for (const part of outputParts(output, placed.map((p) => ({ line: p.line, item: p })))) {
    if ("text" in part) nodes.push(textPart(part.text));
    else {
      await nextTask(); // checking the figures took this task; each drawing gets its own
      nodes.push("figure" in part.figure ? figureBlock(part.figure.figure) : errorBlock(part.figure.error));
    }
  }
  return nodes;
}

function figureBlock(figure: Figure): Node {
  const block = document.createElement("figure");
  block.className = FIGURE_CLASS;
  const svg = new DOMParser().parseFromString(renderFigureSvg(figure), "image/svg+xml");
  if (svg.querySelector("parsererror")) return errorBlock(`figure "${figure.title}" could not be drawn`);
  const details = document.createElement("details");
  details.className = FIGURE_DATA_CLASS;
  const summary = document.createElement("summary");
  summary.textContent = FIGURE_DATA_SUMMARY;
  const table = new DOMParser().parseFromString(renderFigureTable(figure), "text/html").body.firstElementChild;
  details.append(summary, ...(table ? [document.importNode(table, true)] : []));
  block.append(document.importNode(svg.documentElement, true), details);
  return block;
}

function errorBlock(error: string): Node {
  const p = document.createElement("p");
  p.className = FIGURE_ERROR_CLASS;
  p.textContent = error;
  return p;
}

/** Yields to the page (input, painting) between figures. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
