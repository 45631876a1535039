/**
 * Types of the tag graph model (see graph-model.ts for how it is built).
 *
 * Edge choice: one edge per unordered pair of tags. Its `kinds` lists which relations hold
 * ("co-occurrence", "related" or both, in that order) and `weight` counts the shared
 * entries (0 for a pair that is only related). So a pair that is both keeps both facts in
 * one place, and the SVG draws one line per pair (dashed whenever "related" is present).
 */

/** A tag as the graph reads it (the frontmatter of `content/tags/<id>.md` plus its id). */
export interface GraphTagInput {
  id: string;
  title: string;
  aliases: readonly string[];
  /** Ids (or aliases) of related tags; unknown ones are ignored. */
  related: readonly string[];
}

/** A published entry as the graph reads it. */
export interface GraphEntryInput {
  day: number;
  title: string;
  /** Tag ids; aliases (any case) are resolved too, unknown names ignored, repeats counted once. */
  tagIds: readonly string[];
}

/** Which relation an edge stands for. */
export type EdgeKind = "co-occurrence" | "related";

/** A tag in the graph. */
export interface GraphNode {
  /** Tag id, e.g. `two-phase-commit`. */
  id: string;
  /** Human title, e.g. "Two-phase commit". */
  title: string;
  /** Other spellings of the tag, as written in its file. */
  aliases: string[];
  /** Number of entries that use the tag. */
  weight: number;
  /** Lowest day number of an entry using the tag, or null when unused. */
  firstDay: number | null;
  /** Highest day number of an entry using the tag, or null when unused. */
  latestDay: number | null;
  /** Index of the tag's cluster in `communities` (0 is the heaviest cluster). */
  community: number;
}

/** One unordered pair of linked tags. */
export interface GraphEdge {
  /** The smaller id of the pair (by UTF-16 code units). */
  source: string;
  /** The larger id of the pair. */
  target: string;
  /** Number of entries that use both tags (0 when the pair is only "related"). */
  weight: number;
  /** The relations that hold, sorted: ["co-occurrence"], ["related"] or both. */
  kinds: EdgeKind[];
}

/** A cluster of tags found by community detection. */
export interface GraphCommunity {
  /** Index of the cluster, 0 for the heaviest; also its palette slot modulo 8. */
  id: number;
  /** Title of the cluster's heaviest tag (ties: title, then id). */
  label: string;
  /** Sum of the member tags' weights. */
  weight: number;
  /** Member tag ids, heaviest first (ties: title, then id). */
  tags: string[];
}

/** The whole graph, sorted deterministically, with lookup tables for queries. */
export interface GraphModel {
  /** Tags sorted by id. */
  nodes: GraphNode[];
  /** Edges sorted by source, then target. */
  edges: GraphEdge[];
  /** Clusters sorted by id. */
  communities: GraphCommunity[];
  /** Number of entries read. */
  entryCount: number;
  /** Node of each id. */
  byId: ReadonlyMap<string, GraphNode>;
  /** Edges touching each id, heaviest first (ties: related first, then the other id). */
  adjacency: ReadonlyMap<string, readonly GraphEdge[]>;
}

/** The other end of `edge` seen from `id`. */
export function otherEnd(edge: GraphEdge, id: string): string {
  return edge.source === id ? edge.target : edge.source;
}

/** Whether `edge` stands for `kind`. */
export function hasKind(edge: GraphEdge, kind: EdgeKind): boolean {
  return edge.kinds.includes(kind);
}
