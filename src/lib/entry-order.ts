/**
 * The journal's one reading order: by date, then by day number. Day numbers are permanent ids
 * given in writing order and never renumbered, so a day back-filled later (Day 21 dated before
 * Day 20) sorts by its date, and several entries on one date keep the order they were written
 * in. The archive, the feed, the pager, the home page, tag pages and the search index all use
 * it. Pure.
 */

/** What ordering needs from an entry: Astro's `entry.data` and the validator's `data` both fit. */
export interface Dated {
  date: string;
  day: number;
}

/** Oldest first: earlier date first, then lower day number on the same date. */
export function compareEntries(a: Dated, b: Dated): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.day - b.day;
}

/** A sorted copy, oldest first, of anything carrying `data: { date, day }`. */
export function inReadingOrder<T extends { data: Dated }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => compareEntries(a.data, b.data));
}

/** The entries just before and after where `entry` sorts among `entries` (it need not be one of them). */
export function neighbours<T extends Dated>(entries: readonly T[], entry: Dated): { before: T | undefined; after: T | undefined } {
  const sorted = [...entries].sort(compareEntries);
  const index = sorted.findIndex((e) => compareEntries(e, entry) > 0);
  const at = index === -1 ? sorted.length : index;
  return { before: sorted[at - 1], after: sorted[at] };
}
