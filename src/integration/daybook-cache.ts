import path from "node:path";

/**
 * Where Daybook and Astro keep what one build can reuse in the next: Astro's cacheDir (its
 * content store, and the entry and tag pages its incremental build copies instead of rendering
 * again, with their keys: src/integration/page-cache-key.ts), snippet results
 * (daybook-snippets.json), share images (daybook-og/) and their fonts, compiled MDX entries
 * (daybook-mdx/: src/integration/markdown/mdx-render-cache.ts), the search index's record of
 * the pages it read (daybook-search-pages.json: src/integration/search/search-last-build.ts), the
 * content rules' results (daybook-content-rules.json: src/integration/content/content-rules-cache.ts), and the editor's
 * minified TypeScript. Git-ignored (`.cache/`), and outside node_modules, which `npm ci`
 * deletes, so CI restores it after installing. The deploy workflow caches this folder, under the key scripts/cache-key.ts prints (src/integration/cache-key.ts).
 */
export const CACHE_FOLDER = ".cache/daybook";

/** Where a build keeps its compiled MDX entries, inside the cache folder (markdown/mdx-render-cache.ts). */
export const MDX_CACHE_FOLDER = "daybook-mdx";

/** The cache folder of a build: `DAYBOOK_CACHE` when set (tests and the benchmark keep builds apart with it), else CACHE_FOLDER. */
export function daybookCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env["DAYBOOK_CACHE"] ? path.resolve(root, env["DAYBOOK_CACHE"]) : path.join(root, CACHE_FOLDER);
}

/**
 * The project's own cache folder, whatever `DAYBOOK_CACHE` says: for what depends only on
 * installed packages (the editor's minified TypeScript), which every build, test and benchmark
 * of this checkout can share instead of spending seconds on it each time.
 */
export function projectCacheDir(root: string): string {
  return path.join(root, CACHE_FOLDER);
}
