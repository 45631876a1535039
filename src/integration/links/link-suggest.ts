import { editDistance, nearest } from "../../lib/nearest.ts";

/** The nearest candidate, only when it is plausibly what was meant (a typo, a longer or shorter form). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const [best] = nearest(word, candidates, 1);
  if (best === undefined) return undefined;
  const prefix = (best.startsWith(word) || word.startsWith(best)) && Math.min(best.length, word.length) * 2 >= Math.max(best.length, word.length);
  return prefix || editDistance(word, best) <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/** The existing page whose path is closest, e.g. /tags/queueing/ for /tags/queuing/ (never the home page). */
export function nearestPage(pathname: string, pageUrls: readonly string[], base: string): string | undefined {
  const trim = (url: string) => url.slice(base.length).replace(/\/$/, "");
  const byPath = new Map(pageUrls.filter((url) => trim(url) !== "").map((url) => [trim(url), url]));
  const best = closest(trim(pathname), byPath.keys());
  return best === undefined ? undefined : byPath.get(best);
}
