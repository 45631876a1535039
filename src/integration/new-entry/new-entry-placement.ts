import { neighbours } from "../../lib/entry-order.ts";
import type { ExistingEntry } from "./new-entry-inventory.ts";

/** An existing entry next to the new one in the journal's order (by date, then day number). */
export interface Neighbour {
  day: number;
  date: string;
  title?: string | undefined;
}

/** Where the new entry will be listed: the entries just before and after it in reading order. */
export interface Placement {
  before?: Neighbour | undefined;
  after?: Neighbour | undefined;
}

/**
 * Finds the new entry's neighbours among the existing ones that have a day and a date (drafts
 * included, as `npm run dev` lists them). Nothing existing moves or changes: the new day number
 * is only a permanent id, and its date decides where it is listed. Pure.
 */
export function placeEntry(existing: readonly ExistingEntry[], entry: { day: number; date: string }): Placement {
  const dated = existing.flatMap((e) => (e.day !== undefined && e.date !== undefined ? [{ day: e.day, date: e.date, title: e.title }] : []));
  return neighbours(dated, entry);
}

/**
 * "It will be listed between Day 7 (2026-11-10, "Retries") and Day 8 (…) in the archive.", and
 * for a back-filled day (one listed before an existing entry) a second line saying why.
 */
export function describePlacement(placement: Placement): string {
  const { before, after } = placement;
  const why = "\nEntries are listed by date, then day number; no existing entry is renumbered or changed.";
  if (before && after) return `It will be listed between ${name(before)} and ${name(after)} in the archive.${why}`;
  if (before) return `It will be the newest entry, listed after ${name(before)}.`;
  if (after) return `It will be the oldest entry by date, listed before ${name(after)}.${why}`;
  return "It is the journal's first entry.";
}

function name(entry: Neighbour): string {
  return `Day ${entry.day} (${entry.date}${entry.title ? `, ${JSON.stringify(entry.title)}` : ""})`;
}
