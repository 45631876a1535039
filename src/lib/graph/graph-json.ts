/** The public `/graph.json` document: a stable, versioned, JSON-ready view of the model. */
import type { GraphCommunity, GraphEdge, GraphModel, GraphNode } from "./graph-types.ts";

/** A tag in `/graph.json`: the model's node, field for field (documented in graph-types.ts). */
export type GraphJsonNode = GraphNode;
/** One unordered pair of linked tags in `/graph.json`, as in the model. */
export type GraphJsonEdge = GraphEdge;
/** A cluster of tags in `/graph.json`, as in the model. */
export type GraphJsonCommunity = GraphCommunity;

/**
 * The document served at `/graph.json`. Version 1; fields are only ever added, and a change
 * in meaning bumps `version`. Nodes are sorted by id, edges by source then target,
 * communities by id, so the same journal always serialises to the same bytes.
 */
export interface GraphJson {
  version: 1;
  /** Number of entries the graph was built from. */
  entries: number;
  nodes: GraphJsonNode[];
  edges: GraphJsonEdge[];
  communities: GraphJsonCommunity[];
}

/** The `/graph.json` object for `model` (fresh copies: safe to mutate or `JSON.stringify`). */
export function toGraphJson(model: GraphModel): GraphJson {
  return {
    version: 1,
    entries: model.entryCount,
    nodes: model.nodes.map((n) => ({
      id: n.id,
      title: n.title,
      aliases: [...n.aliases],
      weight: n.weight,
      firstDay: n.firstDay,
      latestDay: n.latestDay,
      community: n.community,
    })),
    edges: model.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight, kinds: [...e.kinds] })),
    communities: model.communities.map((c) => ({ id: c.id, label: c.label, weight: c.weight, tags: [...c.tags] })),
  };
}
