import type { DevJournal } from "./dev-journal.ts";

type Warmable = Pick<DevJournal, "hasSnippets" | "warmTypecheck" | "warmSnippetHost">;

/**
 * What the first save that changes a snippet's code would otherwise wait for: a snippet host (a
 * Node process with the snippet runtime, about a second), and the type-check thread, which loads
 * TypeScript and parses its library files (about 1.5 s of CPU, on a thread of its own). Nothing
 * when no entry has a runnable snippet. Failures are left to the real checks, which report them.
 */
export async function warmUp(journal: Warmable): Promise<void> {
  if (!journal.hasSnippets()) return;
  journal.warmTypecheck();
  await journal.warmSnippetHost().catch(() => undefined);
}

/**
 * Warms up once `ready` has settled and a page is open (call the returned function when one
 * asks for the journal's state), or `afterMs` after `ready` if no page is opened. Started as
 * soon as `ready` settled, the warm-up took the CPU Vite needs to load the first page's modules:
 * on 1,000 entries and two cores, the first page came about 1.3 s later (medians of ten
 * interleaved warm starts, bench/dev-loop.ts's way). A save made within a second or two of the
 * first page opening may wait for the rest of it.
 */
export function warmUpOnceShown(ready: Promise<unknown>, journal: Warmable, afterMs: number): { shown(): void; cancel(): void } {
  // A failed start-up check is reported where it fails; the warm-up then still helps the next save.
  const settled = ready.then(
    () => undefined,
    () => undefined,
  );
  let warming: Promise<void> | undefined;
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  const shown = () => {
    if (!cancelled) warming ??= settled.then(() => (cancelled ? undefined : warmUp(journal)));
  };
  void settled.then(() => {
    if (!cancelled) timer = setTimeout(shown, afterMs).unref();
  });
  return {
    shown,
    /** The server closed: nothing is started from now on. */
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
