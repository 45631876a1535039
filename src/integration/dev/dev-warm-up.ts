import { DEFAULT_TIMEOUT } from "../snippets/snippet-extract.ts";
import { typecheckSnippets } from "../snippets/snippet-typecheck.ts";
import type { DevJournal } from "./dev-journal.ts";

/**
 * What the first save that changes a snippet's code would otherwise wait for, done once the
 * start-up check has run, while Vite is still starting: a snippet host (a Node process with the
 * snippet runtime, about a second), and TypeScript's library files, which the snippets'
 * type-check parses once per process (0.3–0.5 s on the thread that renders pages; a start-up
 * check whose type-check comes from the cache leaves them unparsed). Nothing when no entry has a
 * runnable snippet. Failures are left to the real checks, which report them.
 */
export async function warmUp(journal: DevJournal, root: string): Promise<void> {
  if (!journal.hasSnippets()) return;
  const host = journal.warmSnippetHost().catch(() => undefined);
  try {
    typecheckSnippets([{ file: "(warm-up)", line: 1, code: "export {};", meta: { timeout: DEFAULT_TIMEOUT, throws: false }, closeIndex: 2 }], root);
  } catch {
    // Nothing to report: a check that needs the type checker runs it again and says what failed.
  }
  await host;
}
