/**
 * The most output text the reader's page ever handles for one run. The runtime already stops
 * capturing at 500 lines or 50,000 characters (src/runtime/console-capture.ts), then adds its
 * note and the error line; this bound sits just above that and is enforced again by the worker,
 * the sandbox frame and the page, so a snippet that bypasses the runtime's cap (or an error
 * message of 200 M characters) cannot freeze or crash the tab.
 */
export const SHOWN_OUTPUT_CHARS = 52_000;

/**
 * "52,000", grouped by hand: this module loads with every snippet page, and the first
 * `toLocaleString` or `Intl` call in a page starts the browser's locale data (about 60 ms of the
 * main thread on a fast machine, four times that on a phone).
 */
const SHOWN_OUTPUT_CHARS_TEXT = String(SHOWN_OUTPUT_CHARS).replace(/\B(?=(\d{3})+$)/g, ",");

export const TRUNCATED_NOTE = `… output truncated: more than ${SHOWN_OUTPUT_CHARS_TEXT} characters`;

/** Cuts `text` to the bound, saying so. Pure string operations: safe on any length. */
export function capOutput(text: string): string {
  return text.length > SHOWN_OUTPUT_CHARS ? `${text.slice(0, SHOWN_OUTPUT_CHARS)}\n${TRUNCATED_NOTE}` : text;
}
