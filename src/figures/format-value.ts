/** Numbers as text for figures and their tables: fixed rules, never the reader's locale. */
import type { Step } from "./ticks.ts";

/** A tick label: as many decimals as the step needs; `k`, `M`, `G` for whole thousands and up. */
export function formatTick(value: number, step: Step): string {
  // Past a thousand G, a mantissa and exponent (toExponential's digits are fixed by the spec).
  if (step.inverse === 1 && step.multiple >= 1e12) return value.toExponential();
  const units: [number, string][] = [[1e9, "G"], [1e6, "M"], [1e3, "k"]];
  for (const [size, suffix] of units) {
    if (step.inverse === 1 && step.multiple >= size) return `${trim((value / size).toFixed(step.multiple >= size * 10 ? 0 : 1))}${suffix}`;
  }
  return noNegativeZero(value.toFixed(Math.min(step.decimals, 20)));
}

/** A data value: whole numbers as they are, others to 6 significant digits (`toPrecision`, locale-free). */
export function formatValue(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return noNegativeZero(String(value));
  return noNegativeZero(String(Number(value.toPrecision(6))));
}

const trim = (text: string): string => (text.includes(".") ? text.replace(/\.?0+$/, "") : text);
const noNegativeZero = (text: string): string => (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text);
