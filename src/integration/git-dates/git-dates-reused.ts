// git-dates/: the journal's git history, read while the build or the dev server starts and
// reused until it changes.
//
// Entry pages show when an entry was last revised, from git (git-dates.ts). Reading a long
// journal's history takes git about half a second per thousand commits (`git log -M` over the
// entries' folder): a build's pages would wait for it on the thread that renders them, and
// `npm run dev` runs their getStaticPaths again after every save. So the integration starts git
// on the entries' folder when it starts (readJournalHistoryAhead), without waiting for it, and
// the pages take that history (journalGitDates). It is read again only once HEAD or a shallow
// clone's boundary moved, since the dates come from committed history alone; checking that is
// one `git rev-parse` of a few milliseconds.

import path from "node:path";
import { datesFromHistory, gitHistoryState, projectRelative, readGitHistoryAsync, type GitDateOptions, type GitHistory } from "./git-dates.ts";

/** On the global object: the integration and the site's bundle each load this module, and a save in dev evaluates the page's modules again. */
const KEY = Symbol.for("daybook.git-history");
type WithHistory = typeof globalThis & { [KEY]?: { key: string; history: Promise<GitHistory | undefined> } };

/** Starts reading the history of `folder` (the journal's entries), for the pages to take later. */
export function readJournalHistoryAhead(root: string, folder: string): void {
  void history(root, folder);
}

/**
 * The dates git-dates.ts's lastCommitDates gives `files` (which lie in `folder`), from the history read
 * ahead when it is still current, else from a new read.
 */
export async function journalGitDates(root: string, folder: string, files: readonly string[], options: GitDateOptions = {}): Promise<Map<string, string>> {
  const read = await history(root, folder);
  return read ? datesFromHistory(read, root, files, options) : new Map();
}

function history(root: string, folder: string): Promise<GitHistory | undefined> {
  // A journal outside the project has no dates (as lastCommitDates gives files outside it none).
  const directory = projectRelative(root, folder);
  if (directory === undefined) return Promise.resolve(undefined);
  const state = gitHistoryState(root);
  if (!state) return Promise.resolve(undefined);
  const key = JSON.stringify([path.resolve(root), directory, state.head, [...state.boundary]]);
  const global = globalThis as WithHistory;
  if (global[KEY]?.key !== key) global[KEY] = { key, history: readGitHistoryAsync(root, [directory], state) };
  return global[KEY].history;
}

/** The journal's history as read so far (once it is read), for a second page-rendering thread to take. */
export interface HistoryRead {
  key: string;
  history: GitHistory;
}

/** The history this thread read or is reading, once read; undefined if none was or git had none. */
export async function journalHistoryRead(): Promise<HistoryRead | undefined> {
  const read = (globalThis as WithHistory)[KEY];
  const history = await read?.history.catch(() => undefined);
  return read && history ? { key: read.key, history } : undefined;
}

/**
 * Takes the history another thread read (integration/render/: the second thread that renders
 * pages), so that its pages do not have git read it again; it is used only while its key (the
 * repository's HEAD and shallow boundary) is still current, as this thread's own read would be.
 */
export function takeJournalHistory(read: HistoryRead): void {
  (globalThis as WithHistory)[KEY] ??= { key: read.key, history: Promise.resolve(read.history) };
}
