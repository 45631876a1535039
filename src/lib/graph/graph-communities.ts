/**
 * Community detection for the tag graph: multi-level Louvain modularity optimisation with
 * a fixed visiting order (node index) and deterministic tie-breaking (stay put, else the
 * lowest community), so the same graph always yields the same clusters.
 */

/** An undirected weighted edge between node indices `a` and `b`. */
export interface WeightedEdge {
  a: number;
  b: number;
  w: number;
}

interface LevelGraph {
  adjacency: Map<number, number>[];
  /** Weight of links inside an aggregated node, counted from both ends. */
  inner: number[];
}

const EPSILON = 1e-12;

function degreeOf(graph: LevelGraph, i: number): number {
  let k = graph.inner[i] ?? 0;
  for (const w of graph.adjacency[i]!.values()) k += w;
  return k;
}

/** One Louvain pass: moves nodes between communities while modularity improves. */
function oneLevel(graph: LevelGraph): number[] {
  const n = graph.adjacency.length;
  const community = Array.from({ length: n }, (_, i) => i);
  const degree = community.map((i) => degreeOf(graph, i));
  const total = [...degree];
  const twoM = degree.reduce((sum, k) => sum + k, 0);
  if (twoM === 0) return community;
  for (let pass = 0, moved = true; moved && pass < 64; pass++) {
    moved = false;
    for (let i = 0; i < n; i++) {
      const own = community[i]!;
      const ki = degree[i]!;
      const links = new Map<number, number>();
      for (const [j, w] of graph.adjacency[i]!) {
        const c = community[j]!;
        links.set(c, (links.get(c) ?? 0) + w);
      }
      total[own]! -= ki;
      let best = own;
      let bestGain = (links.get(own) ?? 0) - (total[own]! * ki) / twoM;
      for (const [c, w] of links) {
        const gain = w - (total[c]! * ki) / twoM;
        if (gain > bestGain + EPSILON || (Math.abs(gain - bestGain) <= EPSILON && best !== own && c < best)) {
          best = c;
          bestGain = gain;
        }
      }
      total[best]! += ki;
      if (best !== own) {
        community[i] = best;
        moved = true;
      }
    }
  }
  return community;
}

/** Renumbers labels 0…c-1 in order of first appearance; returns the count. */
function compact(labels: number[]): number {
  const seen = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!seen.has(label)) seen.set(label, seen.size);
    labels[i] = seen.get(label)!;
  }
  return seen.size;
}

function aggregate(graph: LevelGraph, community: number[], count: number): LevelGraph {
  const adjacency = Array.from({ length: count }, () => new Map<number, number>());
  const inner = new Array<number>(count).fill(0);
  graph.adjacency.forEach((links, i) => {
    const ci = community[i]!;
    inner[ci]! += graph.inner[i] ?? 0;
    for (const [j, w] of links) {
      const cj = community[j]!;
      if (ci === cj) inner[ci]! += w;
      else adjacency[ci]!.set(cj, (adjacency[ci]!.get(cj) ?? 0) + w);
    }
  });
  return { adjacency, inner };
}

/**
 * Assigns each of `nodeCount` nodes a community. Communities are numbered from 0 by total
 * `nodeWeights` (heaviest first), then size, then lowest node index. A node without edges
 * is a community of its own.
 */
export function detectCommunities(nodeCount: number, edges: readonly WeightedEdge[], nodeWeights: readonly number[]): number[] {
  let graph: LevelGraph = {
    adjacency: Array.from({ length: nodeCount }, () => new Map<number, number>()),
    inner: new Array<number>(nodeCount).fill(0),
  };
  for (const { a, b, w } of edges) {
    if (a === b || w <= 0) continue;
    graph.adjacency[a]!.set(b, (graph.adjacency[a]!.get(b) ?? 0) + w);
    graph.adjacency[b]!.set(a, (graph.adjacency[b]!.get(a) ?? 0) + w);
  }
  const membership = Array.from({ length: nodeCount }, (_, i) => i);
  for (let level = 0; level < 32; level++) {
    const community = oneLevel(graph);
    const count = compact(community);
    if (count === graph.adjacency.length) break;
    for (let i = 0; i < nodeCount; i++) membership[i] = community[membership[i]!]!;
    graph = aggregate(graph, community, count);
  }
  return renumber(membership, nodeWeights);
}

function renumber(membership: readonly number[], nodeWeights: readonly number[]): number[] {
  const groups = new Map<number, { weight: number; size: number; first: number }>();
  membership.forEach((label, i) => {
    const group = groups.get(label) ?? { weight: 0, size: 0, first: i };
    group.weight += nodeWeights[i] ?? 0;
    group.size += 1;
    groups.set(label, group);
  });
  const order = [...groups].sort(([, x], [, y]) => y.weight - x.weight || y.size - x.size || x.first - y.first);
  const rank = new Map(order.map(([label], index) => [label, index]));
  return membership.map((label) => rank.get(label)!);
}
