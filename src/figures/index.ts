/**
 * Figures from snippets: the data a snippet emits through `daybook/show`, the checks it must
 * pass, and the one renderer the build and the page share. No DOM, no Node APIs: this folder
 * runs at build, in the sandbox and in the page.
 */
export type { Axis, BarFigure, Cell, Figure, FigureKind, HistogramFigure, LineFigure, ScatterFigure, SequenceFigure, Series, TableFigure } from "./figure-data.ts";
export { figurePoints } from "./figure-data.ts";
export * from "./figure-limits.ts";
export { validateFigure, type FigureCheck } from "./validate-figure.ts";
export { createShow, type Emit, type Show } from "./show.ts";
export { figureBytes, figureHash, figureSummaryLine } from "./figure-summary.ts";
export { renderFigureSvg } from "./render-svg.ts";
export { renderFigureTable } from "./render-table.ts";
