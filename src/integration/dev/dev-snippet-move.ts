import type { Problem } from "../content/problem.ts";
import type { Snippet } from "../snippets/snippet-extract.ts";
import type { SnippetRun } from "../snippets/snippet-check.ts";

/** What a snippet check found in one entry, beyond what reading its fences finds. */
export interface EntrySnippetCheck {
  /** The entry's runnable snippets, as extracted from the text that was checked. */
  snippets: readonly Snippet[];
  runs: readonly SnippetRun[];
  /** Type errors, syntax errors, run errors and output-fence differences: each within a snippet's lines. */
  problems: readonly Problem[];
}

/**
 * The previous check of an entry, moved to where its snippets now sit, when the save changed
 * nothing a check depends on: the same snippets in the same order, each with the same code, fence
 * flags and ```output fence (text and distance from the code). Then the runs, type-checks and
 * comparisons would all come out the same (each snippet is a module of its own, and the cache is
 * keyed by the code), only at other lines; skipping the check spares a save that only changed
 * prose a type-check program and the cache's read and write on the thread that renders the page.
 * Undefined when anything differs, or when a problem is not within one snippet's lines: the
 * caller then checks the entry.
 */
export function moveSnippetCheck(before: EntrySnippetCheck, now: readonly Snippet[]): EntrySnippetCheck | undefined {
  if (now.length !== before.snippets.length) return undefined;
  if (!before.snippets.every((old, i) => same(old, now[i]!))) return undefined;
  const shift = (i: number) => now[i]!.line - before.snippets[i]!.line;
  const problems: Problem[] = [];
  for (const problem of before.problems) {
    const i = problem.line === undefined ? -1 : before.snippets.findIndex((s) => problem.line! >= s.line && problem.line! <= lastLine(s));
    if (i < 0) return undefined;
    problems.push({ ...problem, line: problem.line! + shift(i) });
  }
  const runs: SnippetRun[] = [];
  for (const run of before.runs) {
    const i = before.snippets.findIndex((s) => s.line === run.snippet.line);
    if (i < 0) return undefined;
    runs.push({ ...run, snippet: now[i]! });
  }
  return { snippets: now, runs, problems };
}

function same(a: Snippet, b: Snippet): boolean {
  return (
    a.file === b.file &&
    a.code === b.code &&
    a.meta.timeout === b.meta.timeout &&
    a.meta.throws === b.meta.throws &&
    a.meta.title === b.meta.title &&
    a.output?.text === b.output?.text &&
    (a.output === undefined || a.output.openIndex - a.line === b.output!.openIndex - b.line)
  );
}

/** The snippet's last line in the file (1-based): its output fence's closing line, or its own. */
function lastLine(snippet: Snippet): number {
  return (snippet.output?.closeIndex ?? snippet.closeIndex) + 1;
}
