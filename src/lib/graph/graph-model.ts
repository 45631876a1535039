/**
 * The tag graph as plain data: tags are nodes, and an edge joins two tags that share an
 * entry ("co-occurrence") or that a tag lists in `related` ("related"). Pure and
 * framework-free: usable at build time and in the browser.
 *
 * Edge choice: one edge per unordered pair of tags. Its `kinds` lists which relations hold
 * ("co-occurrence", "related" or both, in that order) and `weight` counts the shared
 * entries (0 for a pair that is only related). So a pair that is both keeps both facts in
 * one place, and the SVG draws one line per pair (dashed whenever "related" is present).
 */
import { TagIndex } from "../tag-index.ts";
import { compareByWeight, compareIds } from "./graph-compare.ts";
import { detectCommunities, type WeightedEdge } from "./graph-communities.ts";
import { hasKind, otherEnd, type GraphCommunity, type GraphEdge, type GraphEntryInput, type GraphModel, type GraphNode, type GraphTagInput } from "./graph-types.ts";

export type { EdgeKind, GraphCommunity, GraphEdge, GraphEntryInput, GraphModel, GraphNode, GraphTagInput } from "./graph-types.ts";
export { hasKind, otherEnd } from "./graph-types.ts";

/**
 * Builds the graph model from tags and entries. Entry tags and `related` names may be ids or
 * aliases (any case); unknown names are ignored, a tag repeated on one entry counts once,
 * and a repeated tag id keeps its first definition. Communities are detected here.
 */
export function buildGraphModel(input: { tags: readonly GraphTagInput[]; entries: readonly GraphEntryInput[] }): GraphModel {
  const first = new Map<string, GraphTagInput>();
  for (const tag of input.tags) if (!first.has(tag.id)) first.set(tag.id, tag);
  const tags = [...first.values()].sort((a, b) => compareIds(a.id, b.id));
  const index = new TagIndex(tags);
  const resolve = (name: string) => (first.has(name) ? name : index.resolve(name));
  const nodes: GraphNode[] = tags.map((t) => ({ id: t.id, title: t.title, aliases: [...t.aliases], weight: 0, firstDay: null, latestDay: null, community: 0 }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pairs = new Map<string, GraphEdge>();
  const edgeFor = (a: string, b: string) => {
    const [source, target] = compareIds(a, b) < 0 ? [a, b] : [b, a];
    const key = `${source}\n${target}`;
    let edge = pairs.get(key);
    if (!edge) pairs.set(key, (edge = { source, target, weight: 0, kinds: [] }));
    return edge;
  };
  for (const entry of input.entries) {
    const ids = [...new Set(entry.tagIds.map(resolve).filter((id): id is string => id !== undefined))].sort(compareIds);
    for (const id of ids) {
      const node = byId.get(id)!;
      node.weight += 1;
      node.firstDay = node.firstDay === null ? entry.day : Math.min(node.firstDay, entry.day);
      node.latestDay = node.latestDay === null ? entry.day : Math.max(node.latestDay, entry.day);
    }
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) edgeFor(ids[i]!, ids[j]!).weight += 1;
  }
  for (const edge of pairs.values()) edge.kinds.push("co-occurrence");
  for (const tag of tags) {
    for (const name of tag.related) {
      const other = resolve(name);
      if (other === undefined || other === tag.id) continue;
      const edge = edgeFor(tag.id, other);
      if (!hasKind(edge, "related")) edge.kinds.push("related");
    }
  }
  const edges = [...pairs.values()].sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const weighted: WeightedEdge[] = edges.map((e) => ({
    a: position.get(e.source)!,
    b: position.get(e.target)!,
    w: e.weight + (hasKind(e, "related") ? 1 : 0),
  }));
  const membership = detectCommunities(nodes.length, weighted, nodes.map((n) => n.weight));
  nodes.forEach((n, i) => (n.community = membership[i]!));
  const communities: GraphCommunity[] = [];
  for (const node of [...nodes].sort(compareByWeight)) {
    const community = (communities[node.community] ??= { id: node.community, label: node.title, weight: 0, tags: [] });
    community.weight += node.weight;
    community.tags.push(node.id);
  }
  const adjacency = new Map<string, GraphEdge[]>(nodes.map((n) => [n.id, []]));
  for (const edge of edges) {
    adjacency.get(edge.source)!.push(edge);
    adjacency.get(edge.target)!.push(edge);
  }
  for (const [id, list] of adjacency) {
    list.sort(
      (a, b) =>
        b.weight - a.weight ||
        Number(hasKind(b, "related")) - Number(hasKind(a, "related")) ||
        compareIds(otherEnd(a, id), otherEnd(b, id)),
    );
  }
  return { nodes, edges, communities, entryCount: input.entries.length, byId, adjacency };
}
