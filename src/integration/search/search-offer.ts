// search/: how a rendered page reaches the search index being built beside the rendering
// (search-index.ts). The integration and the pages run from two copies of Daybook's modules in one
// process (its own import and Astro's bundle of the site), so the build in progress is kept on
// globalThis, as the share images' pool is.

const KEY = Symbol.for("daybook.search-index-build");

export interface PageSink {
  offer(pathname: string, html: string): void;
}

type WithSink = typeof globalThis & { [KEY]?: PageSink | undefined };

/** The index being built, or none (outside a build, or after it). */
export function receiveRenderedPages(sink: PageSink | undefined): void {
  (globalThis as WithSink)[KEY] = sink;
}

/** Hands a rendered page (its address with the base path, its final HTML) to the index being built, if any. */
export function offerRenderedPage(pathname: string, html: string): void {
  (globalThis as WithSink)[KEY]?.offer(pathname, html);
}
