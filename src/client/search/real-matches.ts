import type { PagefindResultData } from "./pagefind-loader.ts";

/**
 * Pagefind answers a word it has never seen with the longest indexed word that starts it, so
 * "kafka" finds pages with a lone `k` and "xyzzy" pages with `x`. That fallback is welcome for a
 * typo ("idempotncy" → "idempot…") and junk for a one- or two-letter word. This tells them apart
 * from the words a result actually matched.
 */

const PUNCTUATION = /[\p{P}\p{S}]/gu;

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The query's words as Pagefind searches them: lower case, without punctuation. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((word) => word.replace(PUNCTUATION, ""))
    .filter(Boolean);
}

/** A matched word and its parts (`two-phase` → two, phase, twophase). */
function forms(word: string): string[] {
  const folded = fold(word);
  return [folded.replace(PUNCTUATION, ""), ...folded.split(PUNCTUATION)].filter(Boolean);
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The words a result matched: its highlighted words, plus its metadata (title, summary, aliases), which can match without a location. */
export function matchedWords(data: PagefindResultData): string[] {
  const words = data.content.split(/[\r\n\s]+/g);
  const matched = data.locations.map((location) => words[location] ?? "");
  const meta = Object.values(data.meta).flatMap((value) => (value ?? "").split(/\s+/));
  return [...matched, ...meta].flatMap(forms);
}

/** Whether `term` matched a real word of the result: one sharing its first three letters (all of them, for shorter terms). */
export function matchesTerm(term: string, words: string[]): boolean {
  const needed = Math.min(3, term.length);
  return words.some((word) => sharedPrefix(word, term) >= needed);
}

/** The query's terms that the top result matched only through a shorter word, which means no page has them. */
export function unmatchedTerms(query: string, top: PagefindResultData): string[] {
  const words = matchedWords(top);
  return queryTerms(query).filter((term) => !matchesTerm(term, words));
}
