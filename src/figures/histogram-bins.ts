/** Counting values into round-edged bins, for `show.histogram`. */
import { niceStep, stepIndex, stepValue } from "./ticks.ts";

/** A bin: values `from <= v < to` (the last bin also takes `v === to`). */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** About `target` bins with round edges covering every value; default target: Sturges' rule. */
export function binValues(values: readonly number[], target?: number): Bin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // All equal, or too close together for a double to hold steps between them: one bin around them.
  const size = Math.max(Math.abs(min), Math.abs(max));
  if (max - min <= size * 1e-12) {
    const pad = size === 0 ? 0.5 : size / 20;
    return [{ from: min - pad, to: max + pad, count: values.length }];
  }
  // Sturges: ceil(log2 n) + 1, counted with integers (no Math.log2: see ticks.ts).
  let sturges = 1;
  for (let n = values.length - 1; n > 0; n = Math.floor(n / 2)) sturges++;
  const step = niceStep(max - min, target ?? sturges);
  const first = stepIndex(step, min, Math.floor);
  let last = stepIndex(step, max, Math.ceil);
  if (last === first) last += 1;
  if (!(last - first <= 100_000)) throw new RangeError("show.histogram: the values span too wide a range to bin; pass fewer bins or drop the outliers");
  const counts = new Array<number>(last - first).fill(0);
  for (const v of values) {
    const i = Math.min(stepIndex(step, v, Math.floor), last - 1) - first;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ from: stepValue(step, first + i) || 0, to: stepValue(step, first + i + 1) || 0, count }));
}
