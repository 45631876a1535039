/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Up to `limit` candidates closest to `word`, nearest first; prefix matches count as close. */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored = [...new Set(candidates)].map((candidate) => {
    const distance = editDistance(word, candidate);
    const prefix = candidate.startsWith(word) || word.startsWith(candidate);
    return { candidate, score: prefix ? Math.min(distance, 1) : distance };
  });
  const threshold = Math.max(2, Math.ceil(word.length / 2));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
