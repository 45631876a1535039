import type { DevJournal } from "./dev-journal.ts";

/**
 * What the first save that changes a snippet's code would otherwise wait for, started once the
 * start-up check has run, while Vite is still starting: a snippet host (a Node process with the
 * snippet runtime, about a second), and the type-check thread, which loads TypeScript and parses
 * its library files (about 1.5 s, on a thread of its own: the server's thread stays free). Nothing
 * when no entry has a runnable snippet. Failures are left to the real checks, which report them.
 */
export async function warmUp(journal: DevJournal): Promise<void> {
  if (!journal.hasSnippets()) return;
  journal.warmTypecheck();
  await journal.warmSnippetHost().catch(() => undefined);
}
