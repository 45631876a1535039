// Figures in `npm run bench`: the build cost of a figure (checking untrusted figure data, drawing
// its SVG and data table, its output-fence line, in Node, as the build does for every figure) and
// the bytes of the page's figure code on the first Run that draws.
import type { Browser } from "playwright-core";
import { bytesDuring } from "./bytes-during.ts";
import { validateFigure } from "../src/figures/validate-figure.ts";
import { renderFigureSvg } from "../src/figures/render-svg.ts";
import { renderFigureTable } from "../src/figures/render-table.ts";
import { figureSummaryLine } from "../src/figures/figure-summary.ts";

export interface FigureCostFigures {
  /** Median ms for a two-series, 50-point line chart (Day 9's size). */
  lineMs: number;
  /** Median ms for a 5,000-point scatter (the largest a snippet may send). */
  largestScatterMs: number;
}

const series = (name: string, count: number, f: (x: number) => number) => ({
  name,
  points: Array.from({ length: count }, (_, i) => [i / count, f(i / count)] as [number, number]),
});

function medianMs(value: unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const checked = validateFigure(JSON.parse(JSON.stringify(value)));
    if (!checked.ok) throw new Error(`the benchmark's figure is invalid: ${checked.error}`);
    renderFigureSvg(checked.figure);
    renderFigureTable(checked.figure);
    figureSummaryLine(checked.figure);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function benchFigureCost(): FigureCostFigures {
  const line = { kind: "line", title: "Latency vs utilisation", series: [series("simulated", 25, (u) => 10 / (1 - u * 0.95)), series("formula", 25, (u) => 10 / (1 - u * 0.95))] };
  const scatter = { kind: "scatter", title: "5,000 requests", series: [series("requests", 5_000, (u) => (u * 7919) % 1)] };
  return { lineMs: medianMs(line, 51), largestScatterMs: medianMs(scatter, 11) };
}

/**
 * Gzipped bytes of the page's figure code (src/client/snippets/snippet-figures.ts and what it
 * alone imports: the checks and the renderer), fetched by the first Run of a snippet that draws.
 */
export async function figureCodeOnFirstRun(browser: Browser, entryUrl: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(entryUrl);
    const { bytes, files } = await bytesDuring(
      page,
      async () => {
        // The first snippet on the page whose baked output has a figure.
        const drawing = "daybook-snippet:has(.snippet-figure)";
        await page.click(`${drawing} [data-action=run]`);
        await page.waitForFunction((selector) => /^(Ran|Failed)/.test(document.querySelector(`${selector} .snippet-status`)?.textContent ?? ""), drawing);
        await page.waitForSelector(`${drawing} .snippet-figure svg[role=img]`);
      },
      (url) => /\/_astro\/snippet-figures\.[^/]*\.js$/.test(url),
    );
    if (files === 0) throw new Error(`the first Run on ${entryUrl} loaded no figure code (is the chunk still named snippet-figures?)`);
    return bytes;
  } finally {
    await page.close();
  }
}
