/**
 * A run's figures once they have left the snippet's realm: the build's snippet host and the page
 * after the sandbox answers both receive JSON text the snippet could have forged (it can tamper
 * with everything in its own realm, `show` included). Here each text is parsed, checked again
 * with `validateFigure`, held to the per-run limits, and matched to its summary line in the
 * output, so a figure is drawn only where the output says it is and only if it is what that line
 * says. Anything else becomes an error naming the rule, in the figure's place. No DOM, no Node.
 */
import type { Figure } from "./figure-data.ts";
import { MAX_BYTES_PER_RUN, MAX_FIGURES_PER_RUN } from "./figure-limits.ts";
import { figureBytes, figureSummaryLine } from "./figure-summary.ts";
import { validateFigure } from "./validate-figure.ts";
import { MAX_FIGURE_TEXTS } from "./figure-transport.ts";

export { figureTexts, MAX_FIGURE_CHARS, MAX_FIGURE_TEXTS } from "./figure-transport.ts";

/** Where a figure goes: after output line `line` (0-based; -1 is before the first), drawn or refused. */
export type PlacedFigure = { readonly line: number; readonly figure: Figure } | { readonly line: number; readonly error: string };

/** Whether an output line is this summary (console.group indents lines with spaces; a figure's line keeps that). */
const isLine = (line: string, summary: string) => line.length >= summary.length && line.trimStart() === summary;

/**
 * Checks each figure text and finds its line in `output`: the k-th figure belongs to the first line
 * after the (k-1)-th figure's that equals its summary. A refused figure is placed after the last
 * matched line, so its error still sits near where it was shown.
 */
export function placeFigures(output: string, texts: readonly string[]): PlacedFigure[] {
  const place = figurePlacer(output);
  return texts.slice(0, MAX_FIGURE_TEXTS).map(place);
}

/**
 * {@link placeFigures} one figure at a time, in order (the page yields between figures, so checking
 * a megabyte of figures never holds its main thread for long).
 */
export function figurePlacer(output: string): (text: string, index: number) => PlacedFigure {
  const lines = output.split("\n");
  let next = 0;
  let chars = 0;
  let bytes = 0;
  return (text, index) => {
    const refuse = (error: string): PlacedFigure => ({ line: next - 1, error: `figure ${index + 1} is not shown: ${error}` });
    chars += text.length;
    if (index >= MAX_FIGURES_PER_RUN) return refuse(`the limit is ${MAX_FIGURES_PER_RUN} figures per run`);
    // show's JSON text has as many characters as the canonical JSON, whose UTF-8 bytes are never fewer: this refuses, before parsing, only what the byte limit would (or padded, forged text).
    if (chars > MAX_BYTES_PER_RUN) return refuse(`figures would pass ${MAX_BYTES_PER_RUN} characters; the limit is ${MAX_BYTES_PER_RUN} bytes (1 MB) of figure data per run`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return refuse("its data is not JSON; figures come only from daybook/show");
    }
    const check = validateFigure(data);
    if (!check.ok) return refuse(check.error);
    bytes += figureBytes(check.figure);
    if (bytes > MAX_BYTES_PER_RUN) return refuse(`figures would reach ${bytes} bytes; the limit is ${MAX_BYTES_PER_RUN} bytes (1 MB) of figure data per run`);
    const summary = figureSummaryLine(check.figure);
    let at = next;
    while (at < lines.length && !isLine(lines[at]!, summary)) at++;
    if (at === lines.length) return refuse(`its line ${summary} is not in the output (each figure is drawn after its line; was the output cut short?)`);
    next = at + 1;
    return { line: at, figure: check.figure };
  };
}

/** The output as it is shown: text (runs of lines) and figures, in order. */
export type OutputPart<F> = { readonly text: string } | { readonly figure: F };

/**
 * Splits `output` into text parts with each placed figure after its line, as the build bakes it
 * and the page draws it. Joining the text parts with line breaks gives `output` back; an output
 * with no figures is one text part.
 */
export function outputParts<F>(output: string, placed: readonly { line: number; item: F }[]): OutputPart<F>[] {
  const lines = output.split("\n");
  const parts: OutputPart<F>[] = [];
  let from = 0;
  for (const { line, item } of placed) {
    const to = Math.min(Math.max(line + 1, from), lines.length);
    if (to > from) parts.push({ text: lines.slice(from, to).join("\n") });
    from = to;
    parts.push({ figure: item });
  }
  if (from < lines.length || parts.length === 0) parts.push({ text: lines.slice(from).join("\n") });
  return parts;
}
