/** Moves a finished drawing into a viewBox that starts at (0, 0) and rounds every coordinate. */
import { labelBox, type LabelPlacement } from "./graph-labels.ts";

/** Rounds to one decimal place (no negative zero). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10 || 0;
}

interface Placed {
  title: string;
  x: number;
  y: number;
  r: number;
  label: LabelPlacement;
}

/**
 * Translates `nodes` (and their labels, in place) so the drawing has a `margin` on every
 * side, rounds coordinates to 0.1, and returns the whole-number size of the drawing.
 */
export function fitToView(nodes: Placed[], margin: number, minimum = { width: 120, height: 60 }): { width: number; height: number } {
  if (nodes.length === 0) return { ...minimum };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const box = labelBox(node.label, node.title); // hidden (minor) labels too: they show on hover
    left = Math.min(left, node.x - node.r, box.left);
    top = Math.min(top, node.y - node.r, box.top);
    right = Math.max(right, node.x + node.r, box.right);
    bottom = Math.max(bottom, node.y + node.r, box.bottom);
  }
  const dx = margin - left;
  const dy = margin - top;
  for (const node of nodes) {
    node.x = round1(node.x + dx);
    node.y = round1(node.y + dy);
    node.r = round1(node.r);
    node.label = { ...node.label, x: round1(node.label.x + dx), y: round1(node.label.y + dy) };
  }
  return {
    width: Math.max(minimum.width, Math.ceil(right - left + 2 * margin)),
    height: Math.max(minimum.height, Math.ceil(bottom - top + 2 * margin)),
  };
}
