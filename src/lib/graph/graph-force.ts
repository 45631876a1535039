/**
 * Seeded force-directed placement (Fruchterman–Reingold with cooling) plus a pull toward each
 * community's centre, stronger repulsion between communities, and a collision force so
 * circles do not overlap. A fixed number of iterations and no `Math.random`: the same input
 * always gives the same positions. Repulsion is all-pairs, O(n²) per iteration, which takes
 * well under a second for a few hundred tags (see `npm run bench`).
 */
import { seededRandom } from "./graph-random.ts";

/** What the simulation needs to know about the graph (nodes by index). */
export interface ForceInput {
  radii: readonly number[];
  community: readonly number[];
  /** A stable seed per node (e.g. a hash of its id), for its starting point. */
  seeds: readonly number[];
  /** Springs between nodes; `strength` in (0, 1]. */
  links: readonly { a: number; b: number; strength: number }[];
  iterations: number;
  /** Ideal distance between linked nodes, px. */
  spacing: number;
}

// cos and sin of the golden angle (2.39996… rad), written out so no trig is evaluated.
const GOLDEN_COS = -0.7373688780783197;
const GOLDEN_SIN = 0.6754902942615238;

/** Community centres on a sunflower spiral, heaviest community in the middle. */
function startingPoints(input: ForceInput): { x: Float64Array; y: Float64Array } {
  const n = input.radii.length;
  const k = input.spacing;
  const sizes: number[] = [];
  for (const c of input.community) sizes[c] = (sizes[c] ?? 0) + 1;
  const centres: { x: number; y: number; spread: number }[] = [];
  let before = 0;
  let cos = 1;
  let sin = 0;
  for (let c = 0; c < sizes.length; c++) {
    const size = sizes[c] ?? 0;
    const distance = k * 1.1 * Math.sqrt(before + size / 2);
    centres.push({ x: distance * cos, y: distance * sin, spread: k * 0.6 * Math.sqrt(size) });
    before += size;
    [cos, sin] = [cos * GOLDEN_COS - sin * GOLDEN_SIN, sin * GOLDEN_COS + cos * GOLDEN_SIN];
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const random = seededRandom(input.seeds[i]!);
    let u = 0;
    let v = 0;
    do {
      u = random() * 2 - 1;
      v = random() * 2 - 1;
    } while (u * u + v * v > 1);
    const centre = centres[input.community[i]!]!;
    x[i] = centre.x + u * centre.spread;
    y[i] = centre.y + v * centre.spread;
  }
  return { x, y };
}

/** Runs the simulation; returns positions by node index (centred near the origin). */
export function simulate(input: ForceInput): { x: Float64Array; y: Float64Array } {
  const n = input.radii.length;
  const { x, y } = startingPoints(input);
  const k = input.spacing;
  const k2 = k * k;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const communities = input.community.reduce((max, c) => Math.max(max, c), -1) + 1;
  const cx = new Float64Array(communities);
  const cy = new Float64Array(communities);
  const members = new Float64Array(communities);
  for (const c of input.community) members[c]! += 1;
  const start = k * 2;
  // Big (heavy) nodes push harder, so hubs get room for their labels.
  const largest = input.radii.reduce((max, r) => Math.max(max, r), 1);
  const mass = input.radii.map((r) => 0.7 + r / largest);
  // Like Fruchterman–Reingold's frame: nobody leaves a disc sized for n nodes at `spacing`.
  const frame = k * 0.62 * Math.sqrt(n) + k;
  for (let it = 0; it < input.iterations; it++) {
    const progress = it / input.iterations;
    const temperature = start * (1 - progress) * (1 - progress) + 0.5;
    fx.fill(0);
    fy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = x[i]! - x[j]!;
        let dy = y[i]! - y[j]!;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-6) {
          dx = 0.1 * (((i + j) % 5) - 2) + 0.05;
          dy = 0.1 * ((i % 3) - 1) + 0.05;
          d2 = dx * dx + dy * dy;
        }
        const d = Math.sqrt(d2);
        let f = ((k2 * mass[i]! * mass[j]!) / d) * (input.community[i] === input.community[j] ? 1 : 1.6);
        const room = input.radii[i]! + input.radii[j]! + 8;
        if (d < room) f += (room - d) * 4;
        fx[i]! += (dx / d) * f;
        fy[i]! += (dy / d) * f;
        fx[j]! -= (dx / d) * f;
        fy[j]! -= (dy / d) * f;
      }
    }
    for (const { a, b, strength } of input.links) {
      const dx = x[a]! - x[b]!;
      const dy = y[a]! - y[b]!;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d === 0) continue;
      const f = (d / k) * strength;
      fx[a]! -= dx * f;
      fy[a]! -= dy * f;
      fx[b]! += dx * f;
      fy[b]! += dy * f;
    }
    cx.fill(0);
    cy.fill(0);
    for (let i = 0; i < n; i++) {
      cx[input.community[i]!]! += x[i]!;
      cy[input.community[i]!]! += y[i]!;
    }
    for (let i = 0; i < n; i++) {
      const c = input.community[i]!;
      const size = members[c]!;
      // Pull toward the community's centre (clusters stay together) and the origin (loose parts stay near).
      fx[i]! -= (x[i]! - cx[c]! / size) * 0.6 + x[i]! * 0.08;
      fy[i]! -= (y[i]! - cy[c]! / size) * 0.6 + y[i]! * 0.08;
    }
    for (let i = 0; i < n; i++) {
      const length = Math.sqrt(fx[i]! * fx[i]! + fy[i]! * fy[i]!);
      if (length === 0) continue;
      const step = Math.min(length, temperature) / length;
      x[i]! += fx[i]! * step;
      y[i]! += fy[i]! * step;
      const distance = Math.sqrt(x[i]! * x[i]! + y[i]! * y[i]!);
      if (distance > frame) {
        x[i]! *= frame / distance;
        y[i]! *= frame / distance;
      }
    }
  }
  return { x, y };
}
