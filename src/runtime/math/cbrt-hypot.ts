/**
 * cbrt, ported from FreeBSD's msun (s_cbrt.c: errors below 0.667 ulp), and hypot, computed as V8
 * computes it (scaled by the largest argument, squares summed with Kahan's compensation).
 *
 * cbrt: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro,
 * a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved. Optimized by Bruce D. Evans.
 */
import { fromWords, highWord, lowWord } from "./float-words.ts";

const { abs, sqrt } = Math;

const B1 = 715094163; // (1023 - 1023/3 - 0.03306235651)·2^20
const B2 = 696219795; // (1023 - 1023/3 - 54/3 - 0.03306235651)·2^20
const P0 = 1.87595182427177009643;
const P1 = -1.88497979543377169875;
const P2 = 1.621429720105354466140;
const P3 = -0.758397934778766047437;
const P4 = 0.145996192886612446982;

export function cbrt(x: number): number {
  let hx = highWord(x);
  const low = lowWord(x);
  const sign = hx & 0x80000000;
  hx &= 0x7fffffff;
  if (hx >= 0x7ff00000) return x + x; // NaN, ±Infinity
  let t: number;
  if (hx < 0x00100000) {
    // zero or subnormal
    if ((hx | low) === 0) return x;
    t = fromWords(0x43500000, 0) * x; // x·2^54
    t = fromWords(sign | (((highWord(t) & 0x7fffffff) / 3) | 0) + B2, 0);
  } else {
    t = fromWords(sign | ((hx / 3) | 0) + B1, 0);
  }
  // A polynomial gets cbrt to 23 bits.
  let r = t * t * (t / x);
  t = t * (P0 + r * (P1 + r * P2) + r * r * r * (P3 + r * P4));
  // Round t away from zero to 23 bits: add 2^31 to the low word, carry, and clear its low 30 bits.
  const sum = lowWord(t) + 0x80000000;
  t = fromWords(highWord(t) + (sum >= 0x100000000 ? 1 : 0), sum & 0xc0000000);
  // One Newton step to 53 bits, error < 0.667 ulp.
  const s = t * t;
  r = x / s;
  const w = t + t;
  r = (r - t) / (w + r);
  return t + t * r;
}

/** Math.hypot over already converted numbers. */
export function hypot(values: number[]): number {
  let max = 0;
  let nan = false;
  const absolute: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== value) {
      nan = true;
      absolute[i] = 0;
    } else {
      const a = abs(value);
      absolute[i] = a;
      if (a > max) max = a;
    }
  }
  if (max === Infinity) return Infinity;
  if (nan) return NaN;
  if (max === 0) return 0;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < absolute.length; i++) {
    const n = absolute[i]! / max;
    const summand = n * n - compensation;
    const preliminary = sum + summand;
    compensation = preliminary - sum - summand;
    sum = preliminary;
  }
  return sqrt(sum) * max;
}
