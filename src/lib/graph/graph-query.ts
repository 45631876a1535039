/** Questions asked of a built graph model: related tags of one tag, and a local neighbourhood. */
import { compareIds, compareText } from "./graph-compare.ts";
import { hasKind, otherEnd, type GraphEdge, type GraphModel, type GraphNode } from "./graph-types.ts";

/** A tag linked to another, with how it is linked. */
export interface RelatedTag {
  id: string;
  title: string;
  /** Entries that use both tags. */
  count: number;
  /** Whether either tag lists the other in `related`. */
  related: boolean;
}

/**
 * Tags linked to `id` (by sharing entries or by `related`), most shared entries first, ties
 * by title then id; tags that are only "related" (count 0) come last. Unknown id: [].
 */
export function relatedTags(model: GraphModel, id: string, limit = Infinity): RelatedTag[] {
  const edges = model.adjacency.get(id) ?? [];
  return edges
    .map((edge) => {
      const other = model.byId.get(otherEnd(edge, id))!;
      return { id: other.id, title: other.title, count: edge.weight, related: hasKind(edge, "related") };
    })
    .sort((a, b) => b.count - a.count || compareText(a.title, b.title) || compareIds(a.id, b.id))
    .slice(0, Math.max(0, limit));
}

/** A small subgraph around some tags. */
export interface Neighbourhood {
  /** The requested tags that exist, in the order given, without repeats. */
  focus: string[];
  /** Focus nodes first, then neighbours in the order they were chosen (heaviest edge first). */
  nodes: GraphNode[];
  /** Every model edge between two chosen nodes, sorted by source, then target. */
  edges: GraphEdge[];
}

/**
 * The given tags (ids or aliases already resolved to ids; unknown ids are skipped) plus their
 * depth-1 neighbours, at most `limit` nodes in all (default 12). Neighbours are added by
 * walking every edge from a focus tag to a non-focus tag, heaviest first (ties: related
 * first, then the neighbour's title, then its id), so the strongest links are kept.
 */
export function neighbourhood(model: GraphModel, tagIds: readonly string[], options: { limit?: number } = {}): Neighbourhood {
  const limit = Math.max(0, Math.floor(options.limit ?? 12));
  const focus = [...new Set(tagIds)].filter((id) => model.byId.has(id)).slice(0, limit);
  const chosen = new Set(focus);
  const candidates: { edge: GraphEdge; other: GraphNode }[] = [];
  for (const id of focus) {
    for (const edge of model.adjacency.get(id) ?? []) {
      const other = model.byId.get(otherEnd(edge, id))!;
      if (!chosen.has(other.id)) candidates.push({ edge, other });
    }
  }
  candidates.sort(
    (a, b) =>
      b.edge.weight - a.edge.weight ||
      Number(hasKind(b.edge, "related")) - Number(hasKind(a.edge, "related")) ||
      compareText(a.other.title, b.other.title) ||
      compareIds(a.other.id, b.other.id),
  );
  for (const { other } of candidates) {
    if (chosen.size >= limit) break;
    chosen.add(other.id);
  }
  // From the chosen nodes' own edges rather than all of the model's: a page asks this of a graph
  // that may have tens of thousands of edges, and a long journal has a thousand pages.
  const edges: GraphEdge[] = [];
  for (const id of chosen) {
    for (const edge of model.adjacency.get(id) ?? []) if (edge.source === id && chosen.has(edge.target)) edges.push(edge);
  }
  edges.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  return { focus, nodes: [...chosen].map((id) => model.byId.get(id)!), edges };
}
