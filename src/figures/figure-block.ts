/**
 * How a figure sits in a snippet's output panel, the same at build (as HTML text) and in the page
 * (built as DOM by src/client/snippets/snippet-figures.ts from these names): the renderer's SVG,
 * then its data table in a `<details>` (closed, so it does not crowd the page, yet in the HTML for
 * search and for a reader who opens it). A refused figure is its error, as text, in its place.
 */
import { escapeXml } from "../lib/escape-xml.ts";
import type { Figure } from "./figure-data.ts";
import { renderFigureSvg } from "./render-svg.ts";
import { renderFigureTable } from "./render-table.ts";

export const FIGURE_CLASS = "snippet-figure";
export const FIGURE_DATA_CLASS = "snippet-figure-data";
export const FIGURE_DATA_SUMMARY = "Data";
export const FIGURE_ERROR_CLASS = "snippet-figure-error";

/** A drawn figure's block as HTML: only the renderer's own markup, every string from the data escaped there. */
export function figureBlockHtml(figure: Figure): string {
  return `<figure class="${FIGURE_CLASS}">${renderFigureSvg(figure)}<details class="${FIGURE_DATA_CLASS}"><summary>${FIGURE_DATA_SUMMARY}</summary>${renderFigureTable(figure)}</details></figure>`;
}

/** A refused figure's block as HTML. */
export function figureErrorHtml(error: string): string {
  return `<p class="${FIGURE_ERROR_CLASS}">${escapeXml(error)}</p>`;
}
