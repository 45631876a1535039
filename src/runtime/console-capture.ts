import { format } from "node-inspect-extracted";

/** Output is capped so a snippet that floods the console cannot bloat a page or hang a tab. */
export const MAX_OUTPUT_LINES = 500;
export const MAX_OUTPUT_CHARS = 50_000;

export interface CapturedConsole {
  console: Pick<Console, "log" | "info" | "debug" | "warn" | "error" | "table">;
  /** Lines written so far (the note about truncation included). */
  lines(): string[];
}

/**
 * A console whose every method formats like Node's `util.inspect` (via node-inspect-extracted,
 * the same code in Node and in the browser) and writes lines to one buffer.
 */
export function captureConsole(): CapturedConsole {
  const out: string[] = [];
  let chars = 0;
  let full = false;
  const write = (...args: unknown[]) => {
    if (full) return;
    for (const line of format(...args).split("\n")) {
      if (out.length >= MAX_OUTPUT_LINES || chars + line.length > MAX_OUTPUT_CHARS) {
        out.push(`… output truncated: more than ${MAX_OUTPUT_LINES} lines or ${MAX_OUTPUT_CHARS} characters`);
        full = true;
        return;
      }
      out.push(line);
      chars += line.length + 1;
    }
  };
  return {
    console: { log: write, info: write, debug: write, warn: write, error: write, table: write },
    lines: () => out,
  };
}
