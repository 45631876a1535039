/**
 * Layout of a local graph (an entry's or a tag's neighbourhood, about a dozen tags): the focus
 * tags in the centre (one in the middle, several on a small inner ring) and their neighbours
 * on an outer ring, grouped by the focus tag they are most linked to. Deterministic.
 */
import { compareByWeight, compareIds } from "./graph-compare.ts";
import { fitToView } from "./graph-fit.ts";
import { placeLabels, type LabelDirection } from "./graph-labels.ts";
import { neighbourLists, nodeRadius, type GraphLayout, type LayoutNode } from "./graph-layout.ts";
import { hasKind, otherEnd, type GraphModel } from "./graph-types.ts";
import { neighbourhood } from "./graph-query.ts";

/** Label spot pointing away from the centre for a point at `angle` (radians, y down). */
function outward(angle: number): LabelDirection {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  if (cos > 0.38) return sin < -0.38 ? "ne" : sin > 0.38 ? "se" : "e";
  if (cos < -0.38) return sin < -0.38 ? "nw" : sin > 0.38 ? "sw" : "w";
  return sin < 0 ? "n" : "s";
}

/** Point on a circle, angle 0 at the top, clockwise. */
function onRing(radius: number, turn: number): { x: number; y: number; angle: number } {
  const angle = -Math.PI / 2 + turn * 2 * Math.PI;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle), angle };
}

/**
 * What a local graph is drawn from: the tags around `tagIds` and the edges between them, with
 * each neighbour's focus tag. Plain data, so a page can carry it in its props (and its
 * incremental-build key) and draw the graph only when it is rendered.
 */
export interface LocalGraphInput {
  /** The focus tags, in the order asked for. */
  focus: string[];
  /** Focus tags first, then neighbours (heaviest edge first). */
  nodes: { id: string; title: string; weight: number; community: number }[];
  /** Every edge between two chosen tags, sorted by source, then target. */
  edges: { source: string; target: string; weight: number; related: boolean }[];
  /** Per neighbour, in `nodes` order: its id and the index in `focus` of the focus tag it shares its heaviest edge with. */
  anchors: [string, number][];
}

/** The input of `layoutLocalInput`: the neighbourhood of `tagIds` (at most `limit` tags, default 12). */
export function localGraphInput(model: GraphModel, tagIds: readonly string[], options: { limit?: number } = {}): LocalGraphInput {
  const hood = neighbourhood(model, tagIds, options);
  const focus = new Set(hood.focus);
  const anchors: [string, number][] = [];
  for (const node of hood.nodes) {
    if (focus.has(node.id)) continue;
    const edges = (model.adjacency.get(node.id) ?? []).filter((e) => focus.has(otherEnd(e, node.id)));
    anchors.push([node.id, hood.focus.indexOf(otherEnd(edges[0]!, node.id))]);
  }
  return {
    focus: hood.focus,
    nodes: hood.nodes.map(({ id, title, weight, community }) => ({ id, title, weight, community })),
    edges: hood.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight, related: hasKind(e, "related") })),
    anchors,
  };
}

/** Lays out the neighbourhood of `tagIds` (at most `limit` tags, default 12). */
export function layoutLocalGraph(model: GraphModel, tagIds: readonly string[], options: { limit?: number } = {}): GraphLayout {
  return layoutLocalInput(localGraphInput(model, tagIds, options));
}

/** Lays out a local graph from its input alone (no model needed). */
export function layoutLocalInput(hood: LocalGraphInput): GraphLayout {
  const focus = new Set(hood.focus);
  const maxWeight = hood.nodes.reduce((max, n) => Math.max(max, n.weight), 0);
  const others = hood.nodes.filter((n) => !focus.has(n.id));
  // Each neighbour sits next to the focus tag it shares the heaviest edge with.
  const anchor = new Map(hood.anchors);
  others.sort((a, b) => anchor.get(a.id)! - anchor.get(b.id)! || compareByWeight(a, b));
  const inner = hood.focus.length > 1 ? 36 + 14 * hood.focus.length : 0;
  const outer = Math.max(inner + 110, (others.length * 46) / (2 * Math.PI));
  const spots = new Map<string, { x: number; y: number; prefer: LabelDirection }>();
  hood.focus.forEach((id, i) => {
    const turn = hood.focus.length > 1 ? i / hood.focus.length : 0.5;
    const point = onRing(inner, turn);
    spots.set(id, { x: point.x, y: point.y, prefer: hood.focus.length > 1 ? outward(point.angle) : "s" });
  });
  others.forEach((node, i) => {
    const point = onRing(outer, (i + 0.5) / others.length);
    spots.set(node.id, { x: point.x, y: point.y, prefer: outward(point.angle) });
  });
  const neighbours = neighbourLists(hood.edges);
  const placed: LayoutNode[] = hood.nodes.map((n) => {
    const spot = spots.get(n.id)!;
    return {
      id: n.id,
      title: n.title,
      weight: n.weight,
      community: n.community,
      x: spot.x,
      y: spot.y,
      r: nodeRadius(n.weight, maxWeight) + (focus.has(n.id) ? 2 : 0),
      label: { x: 0, y: 0, anchor: "start", minor: false },
      neighbours: neighbours.get(n.id) ?? [],
      focus: focus.has(n.id),
    };
  });
  const labels = placeLabels(
    placed.map((n) => ({ x: n.x, y: n.y, r: n.r, text: n.title, priority: n.focus ? 1e9 : n.weight, prefer: spots.get(n.id)!.prefer })),
  );
  placed.forEach((n, i) => (n.label = { ...labels[i]!, minor: false }));
  const { width, height } = fitToView(placed, 8);
  return {
    kind: "local",
    width,
    height,
    nodes: placed.sort((a, b) => Number(b.focus) - Number(a.focus) || compareByWeight(a, b)),
    edges: hood.edges
      .map((e) => ({ ...e }))
      .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target)),
  };
}
