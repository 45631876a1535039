import { buildGraphModel, type GraphModel } from "./graph/graph-model.ts";
import { renderLocalInputSvg } from "./graph/graph-svg.ts";
import { localGraphInput, type LocalGraphInput } from "./graph/graph-local-layout.ts";
import { loadJournal } from "./journal.ts";
import { tagPath, withBase } from "./urls.ts";

type GraphInput = Parameters<typeof buildGraphModel>[0];

let model: Promise<GraphModel> | undefined;
/**
 * Dev: the last model and the inputs it was built from (a saved paragraph leaves the graph as it
 * was), kept on the global object because a save re-evaluates the modules that read the content.
 */
const DEV_CACHE = Symbol.for("daybook.devGraphModel");
type DevCache = { [DEV_CACHE]?: { key: string; model: GraphModel } };

/**
 * The tag graph of the published journal: once per production build; in dev, again only when
 * its inputs (tags, their links, entries' days, titles and tags) changed, since building it for
 * 1,000 entries is a good part of a page render after each save.
 */
export function getGraphModel(): Promise<GraphModel> {
  if (import.meta.env.DEV) return devModel();
  model ??= graphInput().then(buildGraphModel);
  return model;
}

async function devModel(): Promise<GraphModel> {
  const input = await graphInput();
  const key = JSON.stringify(input);
  const cache = globalThis as DevCache;
  if (cache[DEV_CACHE]?.key !== key) cache[DEV_CACHE] = { key, model: buildGraphModel(input) };
  return cache[DEV_CACHE]!.model;
}

async function graphInput(): Promise<GraphInput> {
  const journal = await loadJournal();
  return {
    tags: journal.tags.map((t) => ({ id: t.id, title: t.data.title, aliases: t.data.aliases, related: t.data.related })),
    entries: journal.entries.map((e) => ({ day: e.data.day, title: e.data.title, tagIds: journal.tagIdsOf(e) })),
  };
}

/** The id prefixes of the local graphs of entry pages and tag pages. */
export const ENTRY_GRAPH = "entry-graph";
export const TAG_GRAPH = "tag-graph-local";

/** A page's local graph, as components/LocalGraph.astro shows it. */
export interface LocalGraphMarkup {
  svg: string;
  /** Unique per page: the prefix of the SVG's ids and of the section's heading id. */
  idPrefix: string;
}

/** What a page's local graph is drawn from: plain data, small, in the page's props. */
export interface LocalGraphSource {
  input: LocalGraphInput;
  idPrefix: string;
}

/**
 * The data of the local graph around `tagIds` (at most 12 tags). Pages take it with their other
 * props (pages/day/[day].astro), so that their incremental-build key covers it, and draw it
 * (`drawLocalGraph`) only when they are rendered: a page copied from the last build costs no layout.
 */
export async function localGraphSource(tagIds: readonly string[], idPrefix: string): Promise<LocalGraphSource> {
  return { input: localGraphInput(await getGraphModel(), tagIds, { limit: 12 }), idPrefix };
}

/** The local graph's SVG, from its source alone (code, no journal). */
export function drawLocalGraph({ input, idPrefix }: LocalGraphSource): LocalGraphMarkup {
  return { svg: renderLocalInputSvg(input, { hrefFor: (id) => withBase(tagPath(id)), idPrefix }), idPrefix };
}
