// The integration's steps that only a build (and `npm run check`) takes: loaded when one starts,
// so that `npm run dev`, which loads the integration too, does not spend about 0.4 s importing
// them (validation rules, the snippet check, the search index, share images) before it starts.
export { loadJournal } from "./journal-load.ts";
export { checkJournalSnippets, filesWithoutSnippets, snippetSources } from "./snippets/journal-snippets.ts";
export { buildSearchIndex } from "./search/search-index.ts";
export { SearchIndexThread } from "./search/search-index-thread.ts";
export { journalDigest } from "./search/search-last-build.ts";
export { startShareImages } from "./share-images/share-images-ahead.ts";
export { drawGraphsAhead } from "./graph/graphs-ahead.ts";
export { cacheMdxRenders } from "./markdown/mdx-render-cache.ts";
export { everyPageFingerprint } from "./page-cache-key.ts";
export { cacheKey } from "./cache-key.ts";
export { ContentRulesCache } from "./content/content-rules-cache.ts";
