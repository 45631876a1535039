/** The public `/graph.json` document: a stable, versioned, JSON-ready view of the model. */
import type { EdgeKind, GraphModel } from "./graph-types.ts";

/** A tag in `/graph.json`. */
export interface GraphJsonNode {
  /** Tag id; its page is `/tags/<id>/`. */
  id: string;
  /** Human title. */
  title: string;
  /** Other spellings of the tag. */
  aliases: string[];
  /** Number of entries using the tag. */
  weight: number;
  /** First day (entry number) that used the tag, or null when unused. */
  firstDay: number | null;
  /** Latest day that used the tag, or null when unused. */
  latestDay: number | null;
  /** Index into `communities`. */
  community: number;
}

/** One unordered pair of linked tags in `/graph.json` (one object per pair). */
export interface GraphJsonEdge {
  /** Smaller tag id of the pair (UTF-16 code-unit order). */
  source: string;
  /** Larger tag id of the pair. */
  target: string;
  /** Entries that use both tags; 0 when the pair is only related. */
  weight: number;
  /** "co-occurrence" (shares an entry) and/or "related" (listed in a tag's `related`), in that order. */
  kinds: EdgeKind[];
}

/** A cluster of tags in `/graph.json`. */
export interface GraphJsonCommunity {
  /** Index, 0 for the heaviest cluster; the palette class is `community-<id % 8>`. */
  id: number;
  /** Title of the heaviest member tag. */
  label: string;
  /** Sum of member weights. */
  weight: number;
  /** Member ids, heaviest first (ties: title, then id). */
  tags: string[];
}

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
