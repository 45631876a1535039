import type { GraphModel } from "./graph-types.ts";

/** One cluster of the text alternative to the graph. */
export interface ClusterSummary {
  /** Community index (as in `data-community` and `/graph.json`). */
  community: number;
  /** Title of the cluster's heaviest tag. */
  label: string;
  /** Member tags, heaviest first (ties: title, then id); `count` is the number of entries. */
  tags: { id: string; title: string; count: number }[];
}

/** The clusters as lists of tags, heaviest cluster first: a text alternative to the graph. */
export function clusterSummary(model: GraphModel): ClusterSummary[] {
  return model.communities.map((c) => ({
    community: c.id,
    label: c.label,
    tags: c.tags.map((id) => {
      const node = model.byId.get(id)!;
      return { id, title: node.title, count: node.weight };
    }),
  }));
}
