import type { Problem } from "../content/problem.ts";
import { extractSnippets, type Snippet } from "../snippets/snippet-extract.ts";
import { normalise, type SnippetRun } from "../snippets/snippet-check.ts";
import { hashText } from "../snippets/snippet-cache.ts";
import { unwritable } from "../snippets/output-rewrite.ts";
import { lineDiff } from "../snippets/text-diff.ts";
import type { DevSnippet } from "../../client/dev/dev-protocol.ts";

/** The check's problems about the ```output fence itself: the page shows those as its out-of-date notice and diff instead. */
const FENCE_PROBLEMS = ["the snippet's output differs from its", "the runnable snippet has no ```output fence"];

/** A snippet as the dev server knows it: what the page is shown, and the run Accept would write. */
export interface LiveSnippet {
  view: DevSnippet;
  /** Which of the file's snippets with this exact code it is (0 for the first), to find it again after edits elsewhere. */
  occurrence: number;
  run?: SnippetRun;
}

/** The hash a page sends back with Accept: of the output as compared with the fence. */
export function outputHash(output: string): string {
  return hashText("daybook-dev-output", normalise(output));
}

/** Every runnable snippet of one entry, with its latest run (if it ran) and the problems located in it. */
export function liveSnippets(file: string, text: string, runs: readonly SnippetRun[], problems: readonly Problem[]): LiveSnippet[] {
  const seen = new Map<string, number>();
  return extractSnippets(file, text).snippets.map((snippet) => {
    const occurrence = seen.get(snippet.code) ?? 0;
    seen.set(snippet.code, occurrence + 1);
    const run = runs.find((r) => r.snippet.file === file && r.snippet.line === snippet.line);
    const view: DevSnippet = {
      id: hashText("daybook-dev-snippet", file, snippet.code, String(occurrence)),
      file,
      line: snippet.line,
      code: snippet.code,
      outOfDate: false,
      acceptable: false,
      problems: problems.filter((p) => p.file === file && p.line !== undefined && p.line >= snippet.line && p.line <= lastLine(snippet) && !FENCE_PROBLEMS.some((m) => p.message.startsWith(m))),
    };
    if (run) Object.assign(view, compared(snippet, run));
    return { view, occurrence, ...(run && { run }) };
  });
}

function compared(snippet: Snippet, run: SnippetRun): Partial<DevSnippet> {
  const output = normalise(run.result.output);
  const expected = snippet.output && normalise(snippet.output.text);
  const outOfDate = expected !== output;
  return {
    output: run.result.output,
    outputHash: outputHash(run.result.output),
    ...(run.result.figures?.length && { figures: run.result.figures.join("\n") }),
    outOfDate,
    ...(outOfDate && expected !== undefined && { diff: lineDiff(expected, output) }),
    // A stopped run is cut short, and some outputs no text file can hold: neither is ever written.
    acceptable: outOfDate && !run.result.stopped && !unwritable(output),
  };
}

/** The snippet's last line in the file: its output fence's closing line, or its own. */
function lastLine(snippet: Snippet): number {
  return (snippet.output?.closeIndex ?? snippet.closeIndex) + 1;
}
