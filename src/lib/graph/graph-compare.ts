/**
 * Locale-free orderings for the tag graph. `localeCompare` depends on the ICU data of the
 * runtime, so the graph sorts by UTF-16 code units instead: identical in Node and every browser.
 */

/** Orders ids (or any text) by UTF-16 code units. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders human text case-insensitively, then by code units so the order is total. */
export function compareText(a: string, b: string): number {
  return compareIds(a.toLowerCase(), b.toLowerCase()) || compareIds(a, b);
}

/** Orders tags heaviest first, then by title, then by id. */
export function compareByWeight(
  a: { weight: number; title: string; id: string },
  b: { weight: number; title: string; id: string },
): number {
  return b.weight - a.weight || compareText(a.title, b.title) || compareIds(a.id, b.id);
}
