/** Maps data values to pixel positions. */

/** A linear map from `[d0, d1]` to `[r0, r1]`; a zero-width domain maps everything to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The smallest and largest of some numbers and of the axis's own `min`/`max` (which only widen it). */
export function extent(values: Iterable<number>, axis?: { readonly min?: number; readonly max?: number }): [number, number] {
  let min = axis?.min ?? Infinity;
  let max = axis?.max ?? -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [0, 1]; // no data at all
  return [min, max];
}
