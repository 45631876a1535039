import { normalise, type SnippetRun } from "./snippet-check.ts";

/**
 * Rewrites the ```` ```output ```` fences of one file so they hold each snippet's actual output,
 * inserting a fence where one is missing. Snippets the runner had to stop are left alone. Every other byte (line endings, BOM, whitespace,
 * unrelated fences) is kept exactly as it was.
 */
export function rewriteOutputs(text: string, runs: readonly SnippetRun[]): string {
  const parts = text.split(/(\r?\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = parts.filter((_, i) => i % 2 === 1);
  const eol = breaks.filter((b) => b === "\r\n").length > breaks.length / 2 ? "\r\n" : "\n";

  const ordered = [...runs].sort((a, b) => b.snippet.line - a.snippet.line);
  for (const { snippet, result } of ordered) {
    if (result.stopped) continue; // a timeout or crash is never written into the entry
    const fresh = normalise(result.output).split("\n");
    const fence = "`".repeat(Math.max(3, longestBacktickRun(result.output) + 1));
    if (snippet.output) {
      const { openIndex, closeIndex } = snippet.output;
      if (lines.slice(openIndex + 1, closeIndex).join("\n") === fresh.join("\n")) continue;
      lines.splice(openIndex + 1, closeIndex - openIndex - 1, ...fresh);
      breaks.splice(openIndex + 1, closeIndex - openIndex - 1, ...fresh.map(() => eol));
    } else {
      const inserted = ["", `${fence}output`, ...fresh, fence];
      lines.splice(snippet.closeIndex + 1, 0, ...inserted);
      breaks.splice(snippet.closeIndex, 0, ...inserted.map(() => eol));
    }
  }
  return lines.map((line, i) => line + (breaks[i] ?? "")).join("");
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}
