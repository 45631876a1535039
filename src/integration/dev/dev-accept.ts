import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { extractSnippets } from "../snippets/snippet-extract.ts";
import { rewriteOutputFences } from "../snippets/output-rewrite.ts";
import { outputHash, type LiveSnippet } from "./dev-snippets.ts";

export interface AcceptOutcome {
  status: 200 | 409 | 422;
  message: string;
}

/**
 * Writes the server's own latest output of one snippet into its ```output fence, and nothing
 * else: the page only names the snippet and the hash of the output it showed, and nothing is
 * written unless that hash is the hash of the server's result (so a stale page, or a guess,
 * writes nothing). The file is read again first, so the author's edits since are kept.
 */
export function acceptOutput(root: string, contentRoot: string, live: LiveSnippet, shownHash: string): AcceptOutcome {
  const { run } = live;
  if (!run) return { status: 409, message: "the snippet has not run (see its problems), so there is no output to accept" };
  if (run.result.stopped) return { status: 409, message: "the snippet was stopped before it finished, so its output is never written" };
  if (outputHash(run.result.output) !== shownHash) return { status: 409, message: "the output has changed since the page showed it; look at the new output and accept again" };
  const file = path.resolve(root, live.view.file);
  // The journal only ever holds files under the content folder; anything else is refused outright.
  if (path.relative(contentRoot, file).startsWith("..") || path.isAbsolute(path.relative(contentRoot, file))) return { status: 409, message: "the snippet's file is not in the content folder" };
  const text = readFileSync(file, "utf8");
  const now = extractSnippets(live.view.file, text).snippets.filter((s) => s.code === live.view.code)[live.occurrence];
  if (!now) return { status: 409, message: "the snippet's code changed on disk since it ran; wait for the new output and accept again" };
  const rewrite = rewriteOutputFences(text, [{ ...run, snippet: now }]);
  if (rewrite.refused.length) return { status: 422, message: `${rewrite.refused[0]!.message}; ${rewrite.refused[0]!.fix}` };
  if (rewrite.text !== text) writeWhole(file, rewrite.text);
  return { status: 200, message: `${live.view.file}:${(now.output?.openIndex ?? now.closeIndex) + 1}: the output fence now holds this output` };
}

/**
 * Writes beside the file and renames it over, as editors save: written in place, the file is
 * empty for a moment, and the watcher may report that and Astro read it. The hidden name keeps
 * the journal and Astro from reading the half-written copy as an entry.
 */
function writeWhole(file: string, text: string): void {
  const next = path.join(path.dirname(file), `.${path.basename(file)}.daybook-accept`);
  writeFileSync(next, text);
  renameSync(next, file);
}
