/**
 * How a run's figure texts travel from the snippet's realm to where they are checked (the build's
 * snippet host; the worker, sandbox frame and page): one string, the texts one a line (JSON text
 * holds no raw line break), cut to bounds at every hop. No checking here (run-figures.ts does
 * that), so a page's first Run loads only these few lines, and the figure code only if it drew.
 */
import { MAX_BYTES_PER_RUN, MAX_FIGURES_PER_RUN } from "./figure-limits.ts";

/** Most figure texts carried from a run: one past the limit, so going over it is reported, not hidden. */
export const MAX_FIGURE_TEXTS = MAX_FIGURES_PER_RUN + 1;
/**
 * Most characters of figure text carried from a run (worker, sandbox frame, page, build host all
 * cut there). Twice the byte limit: an honest run stays well under it, and anything past the
 * 1 MB limit is reported by run-figures.ts before the cut could matter.
 */
export const MAX_FIGURE_CHARS = 2 * MAX_BYTES_PER_RUN;

/**
 * The figure texts from an untrusted value (a joined string or an array of strings): at most
 * {@link MAX_FIGURE_TEXTS} pieces and {@link MAX_FIGURE_CHARS} characters. Pure string work, so it
 * is safe on any length and runs no code of the sender's.
 */
export function figureTexts(value: unknown): string[] {
  let joined: string;
  if (typeof value === "string") joined = value;
  else if (Array.isArray(value) && value.every((item) => typeof item === "string")) joined = (value as string[]).slice(0, MAX_FIGURE_TEXTS).join("\n");
  else return [];
  if (joined === "") return [];
  return joined.slice(0, MAX_FIGURE_CHARS).split("\n", MAX_FIGURE_TEXTS);
}
