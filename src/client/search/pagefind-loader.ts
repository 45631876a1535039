// Loads Pagefind's own search module on first use. Nothing of Pagefind is fetched before that.

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text; `locations` index its whitespace-separated words. */
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string | null, options?: { filters?: Record<string, unknown> }, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export const BASE = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let loading: Promise<Pagefind> | undefined;

/** Pagefind, or an error that tells the author how to get an index (there is none in `npm run dev` before a build). */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    let pagefind: Pagefind;
    try {
      pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    } catch {
      loading = undefined;
      throw new Error("The search index is missing. It is made by `npm run build`; run that once and search works here too.");
    }
    // Aliases ("2pc") count like words of the summary; a tag's aliases on a day rank it like a mention.
    await pagefind.options({ baseUrl: BASE, excerptLength: 24, ranking: { metaWeights: { title: 5, aliases: 2 } } });
    await pagefind.init();
    await pagefind.filters(); // loads the filter index, without which searches report no filter counts
    return pagefind;
  })();
  return loading;
}

export type TagInfo = Record<string, { title: string; aliases: string[] }>;

let tags: Promise<TagInfo> | undefined;

/** Tag id → title and aliases, for filter chips, result tags and the closest tags to a query. */
export function loadTags(): Promise<TagInfo> {
  tags ??= fetch(`${BASE}search/tags.json`).then((r) => (r.ok ? (r.json() as Promise<TagInfo>) : {}));
  return tags;
}
