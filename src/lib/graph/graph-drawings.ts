// The tag graphs pages show, as the pages draw them and as a build draws them ahead
// (graph-drawn-ahead.ts): one function each, so both draw the same SVG from the same data.
import type { GraphEntryInput, GraphModel, GraphTagInput } from "./graph-types.ts";
import { layoutGraph } from "./graph-layout.ts";
import type { LocalGraphInput } from "./graph-local-layout.ts";
import { renderGraphSvg, renderLocalInputSvg } from "./graph-svg.ts";
import { tagPath, withBase } from "../urls.ts";

/** The id prefixes of the whole graph, and of the local graphs of entry pages and tag pages. */
export const WHOLE_GRAPH = "tag-graph";
export const ENTRY_GRAPH = "entry-graph";
export const TAG_GRAPH = "tag-graph-local";

/**
 * The graph's input from the tags (by title) and the published entries (in reading order, each
 * with its resolved tag ids): the same data whether the pages or the build read the journal.
 */
export function graphInputOf(
  tags: readonly { id: string; data: { title: string; aliases: string[]; related: string[] } }[],
  entries: readonly { data: { day: number; title: string }; tagIds: string[] }[],
): { tags: GraphTagInput[]; entries: GraphEntryInput[] } {
  return {
    tags: tags.map((t) => ({ id: t.id, title: t.data.title, aliases: t.data.aliases, related: t.data.related })),
    entries: entries.map((e) => ({ day: e.data.day, title: e.data.title, tagIds: e.tagIds })),
  };
}

/** The graph page's SVG; its links start with `base` (`withBase("/")`). */
export function wholeGraphSvg(model: GraphModel, base: string): string {
  return renderGraphSvg(layoutGraph(model), { hrefFor: (id) => withBase(tagPath(id), base), idPrefix: WHOLE_GRAPH });
}

/** A page's local graph (`localGraphInput()` of its tags). */
export function localGraphSvg(input: LocalGraphInput, idPrefix: string, base: string): string {
  return renderLocalInputSvg(input, { hrefFor: (id) => withBase(tagPath(id), base), idPrefix });
}
