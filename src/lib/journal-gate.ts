// The handshake between a build's journal check (src/integration/daybook-integration.ts, which
// validates the journal in a thread of its own while Astro starts up) and the content collections
// (src/content.config.ts), whose loaders wait for it: Astro reads the entries only once Daybook
// has found them valid, so a broken file is reported by Daybook, with its line and a fix, and
// never first by Astro. Outside a build (dev, `astro check`) nothing is held and nothing waits.

import type { Loader } from "astro/loaders";

const GATE = Symbol.for("daybook.journal-checked");

type Holder = { [GATE]?: Promise<void> };

/** A build's integration: the content loaders wait for `checked` (a failed check exits the build itself). */
export function holdContentUntil(checked: Promise<void>): void {
  (globalThis as Holder)[GATE] = checked.catch(() => undefined);
}

/** Settles once the journal was found valid, or at once when no check holds the content. */
export function journalChecked(): Promise<void> {
  return (globalThis as Holder)[GATE] ?? Promise.resolve();
}

/** A content loader that starts loading once the build's journal check has passed. */
export function afterJournalCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await journalChecked();
      return loader.load(context);
    },
  };
}
