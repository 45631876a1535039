import type { Problem } from "../content/problem.ts";
import { normalise, type SnippetRun } from "./snippet-check.ts";

export interface OutputRewrite {
  /** The file's new text (the same string when nothing changed). */
  text: string;
  /** How many output fences were written or added. */
  updated: number;
  /** Outputs no fence can hold, left as they were (see {@link unwritable}). */
  refused: Problem[];
}

const FENCE_LINE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Rewrites the ```` ```output ```` fences of one file so they hold each snippet's actual output,
 * inserting a fence where one is missing. Every other byte (line endings, BOM, whitespace,
 * unrelated fences) is kept exactly as it was; snippets the runner had to stop are left alone.
 *
 * The fence rule: a fence that is written has at least three of its character and one more than
 * the longest run of that character anywhere in the output, so no line of the output (nor a part
 * of one after a lone `\r`, which Markdown also reads as a line break) can close it, and nothing
 * in the output is ever read as Markdown or MDX. New fences use backticks; an existing fence keeps
 * its character, indentation and info string and is only lengthened when the rule asks for it.
 */
export function rewriteOutputFences(text: string, runs: readonly SnippetRun[]): OutputRewrite {
  const parts = text.split(/(\r?\n)/);
  // Each line with the break that ends it ("" for a last line without one).
  const lines = parts.filter((_, i) => i % 2 === 0).map((line, i) => ({ line, end: parts[2 * i + 1] ?? "" }));
  const breaks = lines.map((l) => l.end).filter(Boolean);
  const eol = breaks.filter((b) => b === "\r\n").length > breaks.length / 2 ? "\r\n" : "\n";
  /** Lines [from, to) become `fresh`; the last new line takes over the break of line to - 1, so a missing final newline stays missing. */
  const replace = (from: number, to: number, fresh: string[]) => {
    const last = lines[to - 1]!;
    const taken = last.end;
    if (to === from) last.end = eol; // a pure insertion after line from - 1
    lines.splice(from, to - from, ...fresh.map((line, i) => ({ line, end: i === fresh.length - 1 ? taken : eol })));
  };
  let updated = 0;
  const refused: Problem[] = [];

  const ordered = [...runs].sort((a, b) => b.snippet.line - a.snippet.line);
  for (const { snippet, result } of ordered) {
    if (result.stopped) continue; // a timeout or crash is never written into the entry
    const output = normalise(result.output);
    const fresh = output.split("\n");
    const problem = unwritable(output);
    if (snippet.output) {
      const { openIndex, closeIndex } = snippet.output;
      const open = FENCE_LINE.exec(lines[openIndex]!.line.replace(/^\uFEFF/, ""));
      if (!open) continue; // not the fence extractSnippets read: leave the file alone
      const [, indent = "", marker = "", info = ""] = open;
      const length = fenceLength(output, marker[0]!, marker.length);
      const same = lines.slice(openIndex + 1, closeIndex).map((l) => l.line).join("\n") === output;
      if (same && length === marker.length) continue;
      if (problem) {
        refused.push({ file: snippet.file, line: openIndex + 1, ...problem });
        continue;
      }
      const fence = marker[0]!.repeat(length);
      lines[openIndex]!.line = lines[openIndex]!.line.replace(`${indent}${marker}${info}`, `${indent}${fence}${info}`);
      if (closeIndex < lines.length) {
        lines[closeIndex]!.line = lines[closeIndex]!.line.replace(/^( {0,3})(`+|~+)/, `$1${fence}`);
        replace(openIndex + 1, closeIndex, fresh);
      } else {
        // The fence was never closed, so it ran to the end of the file: close it, before a final newline's empty line.
        const end = lines.at(-1)!.line === "" && lines.length - 1 > openIndex ? lines.length - 1 : lines.length;
        replace(openIndex + 1, end, [...fresh, `${indent}${fence}`]);
      }
    } else {
      if (snippet.closeIndex >= lines.length) continue; // an unclosed code fence: everything after it is code
      if (problem) {
        refused.push({ file: snippet.file, line: snippet.line, ...problem });
        continue;
      }
      const indent = /^\uFEFF?( {0,3})/.exec(lines[snippet.line - 1]?.line ?? "")?.[1] ?? "";
      const fence = "`".repeat(fenceLength(output, "`", 3));
      replace(snippet.closeIndex + 1, snippet.closeIndex + 1, ["", `${indent}${fence}output`, ...fresh, `${indent}${fence}`]);
    }
    updated++;
  }
  return { text: lines.map((l) => l.line + l.end).join(""), updated, refused };
}

/** {@link rewriteOutputFences}, for callers that only need the new text. */
export function rewriteOutputs(text: string, runs: readonly SnippetRun[]): string {
  return rewriteOutputFences(text, runs).text;
}

/** The fence length the rule asks for: at least `current` and 3, and longer than any run of `char` in the output. */
export function fenceLength(output: string, char: string, current: number): number {
  const runs = output.match(char === "`" ? /`+/g : /~+/g) ?? [];
  return Math.max(3, current, ...runs.map((run) => run.length + 1));
}

/**
 * Why an output cannot be kept in a text file so that it reads back the same, if it cannot: a NUL
 * makes the entry binary (the journal refuses it) and a lone surrogate is not UTF-8. (A `\r\n`
 * line ending is compared as `\n`, so it is written as a plain line break.)
 */
export function unwritable(output: string): { message: string; fix: string } | undefined {
  const fix = "print the text escaped instead, e.g. console.log(JSON.stringify(text)), then run the update again";
  if (output.includes("\0")) return { message: "the snippet prints a NUL character, which would make the entry a binary file, so its ```output fence was not written", fix };
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(output)) return { message: "the snippet prints half of a UTF-16 surrogate pair, which a UTF-8 file cannot hold, so its ```output fence was not written", fix };
  return undefined;
}
