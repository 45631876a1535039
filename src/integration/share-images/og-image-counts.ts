// share-images/: how many share images a build rendered and how many it took from the cache.
// Pages run from Astro's bundle of the site, the integration from its own import of Daybook's
// modules: two copies of this file in one process, so the counts live on globalThis.

export interface ShareImageCounts {
  rendered: number;
  reused: number;
}

const KEY = Symbol.for("daybook.share-image-counts");
type WithCounts = typeof globalThis & { [KEY]?: ShareImageCounts };

export function shareImageCounts(): ShareImageCounts {
  return ((globalThis as WithCounts)[KEY] ??= { rendered: 0, reused: 0 });
}
