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

/** A neighbour of the focus tags, reached by its heaviest edge from them. */
interface Candidate {
  edge: GraphEdge;
  other: GraphNode;
}

/** Heaviest edge first; ties: "related" first, then the neighbour's title, then its id. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.edge.weight - a.edge.weight ||
    Number(hasKind(b.edge, "related")) - Number(hasKind(a.edge, "related")) ||
    compareText(a.other.title, b.other.title) ||
    compareIds(a.other.id, b.other.id)
  );
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
  // The neighbours are the first tags of all focus-to-neighbour edges sorted as above, each at its
  // best edge: so each neighbour's best edge, then the few best of those. A page asks this for
  // every page of a long journal, whose popular tags have hundreds of edges each: sorting them all
  // was most of a local graph's cost.
  const best = new Map<string, Candidate>();
  for (const id of focus) {
    for (const edge of model.adjacency.get(id) ?? []) {
      const other = model.byId.get(otherEnd(edge, id))!;
      if (chosen.has(other.id)) continue;
      const candidate = { edge, other };
      const known = best.get(other.id);
      if (!known || compareCandidates(candidate, known) < 0) best.set(other.id, candidate);
    }
  }
  const wanted = limit - chosen.size;
  const top: Candidate[] = [];
  for (const candidate of best.values()) {
    if (top.length === wanted && (wanted === 0 || compareCandidates(candidate, top[wanted - 1]!) >= 0)) continue;
    let at = top.length;
    while (at > 0 && compareCandidates(candidate, top[at - 1]!) < 0) at--;
    top.splice(at, 0, candidate);
    if (top.length > wanted) top.pop();
  }
  for (const { other } of top) chosen.add(other.id);
  // From the chosen nodes' own edges rather than all of the model's: a page asks this of a graph
  // that may have tens of thousands of edges, and a long journal has a thousand pages.
  const edges: GraphEdge[] = [];
  for (const id of chosen) {
    for (const edge of model.adjacency.get(id) ?? []) if (edge.source === id && chosen.has(edge.target)) edges.push(edge);
  }
  edges.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  return { focus, nodes: [...chosen].map((id) => model.byId.get(id)!), edges };
}
