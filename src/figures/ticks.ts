/**
 * "Nice" round steps (1, 2 or 5 times a power of ten) for axes and histogram bins. Only + - * /
 * on exact powers of ten: Math.log10 and Math.pow may differ in the last bit between engines, and
 * a figure must come out byte for byte the same at build and in any browser.
 */

/** 10^n for a whole n from 0 to 300 (exact up to 22; beyond, the same double in every engine). */
function pow10(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p *= 10;
  return p;
}

/**
 * A step near `span / count`. For steps of 1 or more, `multiple` is the step (values are
 * `i * multiple`); below 1, `inverse` is 1/step as a whole number (values are `i / inverse`, so
 * 0.3 is 3/10, not 3 × 0.1 = 0.30000000000000004). `decimals` is how many a label needs.
 */
export interface Step {
  readonly multiple: number;
  readonly inverse: number;
  readonly decimals: number;
}

export function niceStep(span: number, count: number): Step {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return { multiple: 1, inverse: 1, decimals: 0 };
  let e = 0;
  if (raw >= 1) while (e < 300 && pow10(e + 1) <= raw) e++;
  else while (e > -300 && raw * pow10(-e) < 1) e--;
  const mantissa = e >= 0 ? raw / pow10(e) : raw * pow10(-e);
  // Thresholds at the geometric means (√2, √10, √50), as d3-array's tickIncrement uses.
  const factor = mantissa >= 7.0710678118654755 ? 10 : mantissa >= 3.1622776601683795 ? 5 : mantissa >= 1.4142135623730951 ? 2 : 1;
  if (e >= 0) return { multiple: factor * pow10(e), inverse: 1, decimals: 0 };
  const inverse = pow10(-e) / factor;
  return { multiple: 1, inverse, decimals: factor === 10 ? -e - 1 : -e };
}

/** The value of step index `i`. */
export const stepValue = (step: Step, i: number): number => (step.inverse > 1 ? i / step.inverse : i * step.multiple);

/** Step index at or below (`Math.floor`) or at or above (`Math.ceil`) `value`. */
export const stepIndex = (step: Step, value: number, round: (x: number) => number): number =>
  round(step.inverse > 1 ? value * step.inverse : value / step.multiple);

/** A domain widened to whole steps and the tick values inside it, about `count` of them. */
export function niceTicks(min: number, max: number, count: number): { min: number; max: number; ticks: number[]; step: Step } {
  // Equal values, or values differing only in their last digits (steps a double cannot count): widen.
  const size = Math.max(Math.abs(min), Math.abs(max));
  if (max - min <= size * 1e-12) {
    const pad = size === 0 ? 1 : size / 10;
    [min, max] = [min - pad, max + pad];
  }
  const step = niceStep(max - min, count);
  const first = stepIndex(step, min, Math.floor);
  const last = stepIndex(step, max, Math.ceil);
  if (!(last - first <= 100)) return { min, max, ticks: [min, max], step }; // cannot happen with finite spans; never loop long
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(stepValue(step, i) || 0);
  return { min: stepValue(step, first) || 0, max: stepValue(step, last) || 0, ticks, step };
}
