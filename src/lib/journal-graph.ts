import { buildGraphModel, type GraphModel } from "./graph/graph-model.ts";
import { localGraphInput, type LocalGraphInput } from "./graph/graph-local-layout.ts";
import { ENTRY_GRAPH, TAG_GRAPH, WHOLE_GRAPH, graphInputOf, localGraphSvg, wholeGraphSvg } from "./graph/graph-drawings.ts";
import { drawnAheadOr, graphKey } from "./graph/graph-drawn-ahead.ts";
import { loadJournal } from "./journal.ts";
import { withBase } from "./urls.ts";

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
  return graphInputOf(journal.tags, journal.entries.map((e) => ({ data: e.data, tagIds: journal.tagIdsOf(e) })));
}

export { ENTRY_GRAPH, TAG_GRAPH };

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

/** The local graph's SVG, from its source alone (code, no journal); drawn ahead by a build (graph-drawn-ahead.ts). */
export function drawLocalGraph({ input, idPrefix }: LocalGraphSource): LocalGraphMarkup {
  const base = withBase("/");
  return { svg: drawnAheadOr(graphKey("local", input, idPrefix, base), () => localGraphSvg(input, idPrefix, base)), idPrefix };
}

/** The graph page's SVG of every tag; drawn ahead by a build (graph-drawn-ahead.ts). */
export async function drawWholeGraph(): Promise<string> {
  const [input, model] = await Promise.all([graphInput(), getGraphModel()]);
  const base = withBase("/");
  return drawnAheadOr(graphKey("whole", input, WHOLE_GRAPH, base), () => wholeGraphSvg(model, base));
}
