import type { TagInfo } from "./pagefind-loader.ts";
import { queryTerms } from "./real-matches.ts";

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** 0 for a name that starts with the word (or the word with the name), up to 1 for nothing in common. */
function distance(word: string, name: string): number {
  if (word.length >= 3 && (name.startsWith(word) || word.startsWith(name))) return 0;
  return editDistance(word, name) / Math.max(word.length, name.length);
}

/**
 * The tags nearest to a query that found nothing: each query word against every word of each
 * tag's title, id and aliases, and the whole query against the whole names. Closest first.
 */
export function closestTags(query: string, tags: TagInfo, count = 3): string[] {
  const terms = queryTerms(query);
  const whole = terms.join(" ");
  if (!whole) return [];
  const scored = Object.entries(tags).map(([id, tag]) => {
    const names = [tag.title, id.replace(/-/g, " "), ...tag.aliases].map((name) => queryTerms(name).join(" "));
    let best = Math.min(...names.map((name) => distance(whole, name)));
    for (const term of terms) for (const name of names) for (const word of name.split(" ")) best = Math.min(best, distance(term, word));
    return { id, title: tag.title, best };
  });
  scored.sort((a, b) => a.best - b.best || a.title.localeCompare(b.title));
  return scored.slice(0, count).map((s) => s.id);
}
