/**
 * Label-collision pass: each label tries eight spots around its node (right first, or the
 * spot it prefers) and takes the one that overlaps placed labels and other nodes least.
 * Heavier nodes choose first. A label that cannot avoid another label is marked `minor`
 * (the stylesheet shows it on hover and focus only) and does not block later labels.
 */
import { estimateTextWidth, LABEL_FONT_SIZE } from "./graph-text-width.ts";

/** Where a label sits relative to its node. */
export type LabelDirection = "e" | "ne" | "n" | "nw" | "w" | "sw" | "s" | "se";

/** A placed label: baseline point, text anchor, and whether it is hidden until hover. */
export interface LabelPlacement {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  minor: boolean;
}

/** A node that needs a label. */
export interface LabelSubject {
  x: number;
  y: number;
  r: number;
  text: string;
  /** Higher chooses first (ties: input order). */
  priority: number;
  /** Spot to try first; the others follow by angular distance from it. */
  prefer?: LabelDirection;
}

/** Axis-aligned box. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const DIRECTIONS: readonly LabelDirection[] = ["e", "ne", "n", "nw", "w", "sw", "s", "se"];
const DEFAULT_ORDER: readonly LabelDirection[] = ["e", "w", "ne", "se", "nw", "sw", "n", "s"];
const GAP = 3;
const ASCENT = 0.78 * LABEL_FONT_SIZE;
const DESCENT = 0.24 * LABEL_FONT_SIZE;

/** The spots to try, nearest the preferred one first (ties in DEFAULT_ORDER's order). */
const ORDERS = new Map<LabelDirection | undefined, readonly LabelDirection[]>([
  [undefined, DEFAULT_ORDER],
  ...DIRECTIONS.map((prefer, at): [LabelDirection, readonly LabelDirection[]] => {
    const distance = (d: LabelDirection) => {
      const steps = Math.abs(DIRECTIONS.indexOf(d) - at);
      return Math.min(steps, 8 - steps);
    };
    return [prefer, [...DEFAULT_ORDER].sort((a, b) => distance(a) - distance(b))];
  }),
]);

/** The placement of a label in `direction` around a node. */
export function placeAt(node: { x: number; y: number; r: number }, direction: LabelDirection): LabelPlacement {
  const { x, y, r } = node;
  const d = r * 0.72 + GAP;
  const middle = y + (ASCENT - DESCENT) / 2;
  switch (direction) {
    case "e": return { x: x + r + GAP, y: middle, anchor: "start", minor: false };
    case "w": return { x: x - r - GAP, y: middle, anchor: "end", minor: false };
    case "n": return { x, y: y - r - GAP - DESCENT, anchor: "middle", minor: false };
    case "s": return { x, y: y + r + GAP + ASCENT, anchor: "middle", minor: false };
    case "ne": return { x: x + d, y: y - d, anchor: "start", minor: false };
    case "nw": return { x: x - d, y: y - d, anchor: "end", minor: false };
    case "se": return { x: x + d, y: y + d + ASCENT - DESCENT, anchor: "start", minor: false };
    case "sw": return { x: x - d, y: y + d + ASCENT - DESCENT, anchor: "end", minor: false };
  }
}

/** The box a label occupies, from its placement and text. */
export function labelBox(placement: LabelPlacement, text: string): Box {
  return boxOfWidth(placement, estimateTextWidth(text));
}

function boxOfWidth(placement: LabelPlacement, width: number): Box {
  const left = placement.anchor === "start" ? placement.x : placement.anchor === "end" ? placement.x - width : placement.x - width / 2;
  return { left, top: placement.y - ASCENT, right: left + width, bottom: placement.y + DESCENT };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Places every label; returns placements in input order. */
export function placeLabels(subjects: readonly LabelSubject[]): LabelPlacement[] {
  const circles: Box[] = subjects.map(({ x, y, r }) => ({ left: x - r, top: y - r, right: x + r, bottom: y + r }));
  const placed: Box[] = [];
  const result: LabelPlacement[] = new Array(subjects.length);
  const turn = subjects.map((_, i) => i).sort((a, b) => subjects[b]!.priority - subjects[a]!.priority || a - b);
  for (const i of turn) {
    const subject = subjects[i]!;
    let best: { placement: LabelPlacement; box: Box; clash: number; score: number } | undefined;
    // Every spot has the same text: measured once. (A page of a long journal lays out a local
    // graph for every page, so this loop runs about a hundred thousand times a build.)
    const width = estimateTextWidth(subject.text);
    const directions = ORDERS.get(subject.prefer)!;
    for (let rank = 0; rank < directions.length; rank++) {
      // A later spot scores at least rank * 4 and must score less to win: none can now.
      if (best && rank * 4 >= best.score) break;
      const placement = placeAt(subject, directions[rank]!);
      const box = boxOfWidth(placement, width);
      let clash = 0;
      for (const other of placed) clash += overlap(box, other);
      let covered = 0;
      for (let j = 0; j < circles.length; j++) if (j !== i) covered += overlap(box, circles[j]!);
      const score = clash * 10 + covered + rank * 4;
      if (!best || score < best.score) best = { placement, box, clash, score };
    }
    const chosen = best!;
    result[i] = { ...chosen.placement, minor: chosen.clash > 0 };
    if (chosen.clash === 0) placed.push(chosen.box);
  }
  return result;
}
