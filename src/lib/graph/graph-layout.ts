/**
 * Deterministic layout of the full tag graph, computed at build time: same model and options,
 * byte-identical result. Coordinates are rounded to 0.1 px in a viewBox starting at (0, 0).
 */
import { compareByWeight, compareIds } from "./graph-compare.ts";
import { fitToView } from "./graph-fit.ts";
import { simulate } from "./graph-force.ts";
import { placeLabels, type LabelPlacement } from "./graph-labels.ts";
import { hasKind, type GraphEdge, type GraphModel } from "./graph-types.ts";
import { hashString } from "./graph-random.ts";

/** A tag placed on the drawing. */
export interface LayoutNode {
  id: string;
  title: string;
  /** Entries using the tag. */
  weight: number;
  community: number;
  /** Centre and radius, px (0.1 precision). */
  x: number;
  y: number;
  r: number;
  label: LabelPlacement;
  /** Ids joined to this tag by a drawn edge, sorted. */
  neighbours: string[];
  /** True for the tags a local graph is centred on. */
  focus: boolean;
}

/** A drawn line between two tags. */
export interface LayoutEdge {
  source: string;
  target: string;
  /** Shared entries (0 when only related). */
  weight: number;
  /** Whether the pair is "related" (drawn dashed). */
  related: boolean;
}

/** Everything the SVG renderer needs. */
export interface GraphLayout {
  kind: "full" | "local";
  width: number;
  height: number;
  /** Heaviest first (ties: title, then id): the tab order of the SVG's links. */
  nodes: LayoutNode[];
  /** Sorted by source, then target. */
  edges: LayoutEdge[];
}

/** Tunables of `layoutGraph`; the defaults suit up to a few hundred tags. */
export interface LayoutOptions {
  /** Simulation steps (default 300). */
  iterations?: number;
  /** Each tag keeps its heaviest co-occurrence edges up to this many for drawing (default 4); related edges are always drawn. */
  edgesPerNode?: number;
  /** Changes the starting positions (default 0). */
  seed?: number;
}

/** Node radius: heavier tags are larger (area grows with weight); unused tags are smallest. */
export function nodeRadius(weight: number, maxWeight: number): number {
  return weight <= 0 || maxWeight <= 0 ? 3 : 4 + 12 * Math.sqrt(weight / maxWeight);
}

/** The edges worth drawing: every related edge plus each tag's heaviest co-occurrence edges. */
export function drawnEdges(model: GraphModel, edgesPerNode: number): GraphEdge[] {
  const keep = new Set<GraphEdge>(model.edges.filter((e) => hasKind(e, "related")));
  for (const list of model.adjacency.values()) {
    list.filter((e) => e.weight > 0).slice(0, edgesPerNode).forEach((e) => keep.add(e));
  }
  return model.edges.filter((e) => keep.has(e));
}

/** Neighbour lists (sorted ids) implied by a set of edges. */
export function neighbourLists(edges: readonly { source: string; target: string }[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const e of edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      const list = lists.get(a) ?? [];
      list.push(b);
      lists.set(a, list);
    }
  }
  for (const list of lists.values()) list.sort(compareIds);
  return lists;
}

/** Lays out the whole graph: force-directed, grouped by community, labels de-overlapped. */
export function layoutGraph(model: GraphModel, options: LayoutOptions = {}): GraphLayout {
  const { iterations = 300, edgesPerNode = 4, seed = 0 } = options;
  const nodes = model.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const maxWeight = nodes.reduce((max, n) => Math.max(max, n.weight), 0);
  const maxEdge = model.edges.reduce((max, e) => Math.max(max, e.weight), 1);
  const radii = nodes.map((n) => nodeRadius(n.weight, maxWeight));
  const links = model.edges.map((e) => {
    const a = index.get(e.source)!;
    const b = index.get(e.target)!;
    const base = e.weight > 0 ? 0.3 + 0.7 * (Math.log1p(e.weight) / Math.log1p(maxEdge)) : 0.3;
    return { a, b, strength: nodes[a]!.community === nodes[b]!.community ? base : base * 0.35 };
  });
  const { x, y } = simulate({
    radii,
    community: nodes.map((n) => n.community),
    seeds: nodes.map((n) => hashString(n.id, hashString(String(seed)))),
    links,
    iterations,
    spacing: 70,
  });
  const labels = placeLabels(nodes.map((n, i) => ({ x: x[i]!, y: y[i]!, r: radii[i]!, text: n.title, priority: n.weight })));
  const edges = drawnEdges(model, edgesPerNode);
  const neighbours = neighbourLists(edges);
  const placed: LayoutNode[] = nodes.map((n, i) => ({
    id: n.id,
    title: n.title,
    weight: n.weight,
    community: n.community,
    x: x[i]!,
    y: y[i]!,
    r: radii[i]!,
    label: labels[i]!,
    neighbours: neighbours.get(n.id) ?? [],
    focus: false,
  }));
  const { width, height } = fitToView(placed, 12);
  return {
    kind: "full",
    width,
    height,
    nodes: placed.sort(compareByWeight),
    edges: edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight, related: hasKind(e, "related") })),
  };
}
