// The order a build renders its pages in: the pages of the search index first (entries, then
// tags), then the rest. Astro renders routes in the order of their paths, which put the tags'
// pages last, behind the graph, feed, search and runner pages; the search index can only be
// written once its last page is rendered (search/search-index.ts), so it was written after the
// build's last page, on one core, with the other idle. Now it is written while the remaining
// pages render. Every page is rendered exactly as before; only when changes.
import type { AstroPrerenderer } from "astro";

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer["getStaticPaths"]>>[number];

/** The routes of the searchable pages (search/search-index.ts's `pagesOf`): src/pages/day/[day].astro and src/pages/tags/[id].astro. */
export const INDEXED_ROUTES = ["/day/[day]", "/tags/[id]"];

/** `paths` with the searchable pages first, entries before tags, each route's pages in Astro's order. */
export function indexedPagesFirst(paths: readonly PathWithRoute[]): PathWithRoute[] {
  const rank = (path: PathWithRoute) => {
    const at = INDEXED_ROUTES.indexOf(path.route.route);
    return at < 0 ? INDEXED_ROUTES.length : at;
  };
  // Array.prototype.sort is stable: within a rank, Astro's order stays.
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

/** Astro's own prerenderer, rendering the searchable pages first (`setPrerenderer` in astro:build:start). */
export function renderIndexedPagesFirst(astro: AstroPrerenderer): AstroPrerenderer {
  return {
    name: "daybook:indexed-pages-first",
    // Called on Astro's own: its methods keep the app its setup loads.
    setup: async () => astro.setup?.(),
    getStaticPaths: async () => indexedPagesFirst(await astro.getStaticPaths()),
    render: (request, options) => astro.render(request, options),
    ...(astro.collectStaticImages && { collectStaticImages: () => astro.collectStaticImages!() }),
    teardown: async () => astro.teardown?.(),
  };
}
