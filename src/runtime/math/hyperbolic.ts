/**
 * sinh, cosh, tanh, asinh, acosh and atanh, ported from fdlibm (e_sinh.c, e_cosh.c, s_tanh.c,
 * s_asinh.c, e_acosh.c, e_atanh.c), built on this folder's exp, expm1, log and log1p.
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun
 * Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
 * freely granted, provided that this notice is preserved.
 */
import { exp, expm1, log, log1p } from "./exp-log.ts";
import { highWord, lowWord, withHighWord } from "./float-words.ts";

const { abs, sqrt } = Math;
const LN2 = 6.93147180559945286227e-1;

export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x;
    const t = expm1(abs(x));
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(abs(x)); // |x| < log(MAX_VALUE)
  if (ix <= 0x408633ce) {
    // up to the overflow threshold: exp(|x|/2)² without overflowing first
    const w = exp(0.5 * abs(x));
    return h * w * w;
  }
  return x * 1e307;
}

export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) return x * x;
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2
    const t = expm1(abs(x));
    const w = 1 + t;
    if (ix < 0x3c800000) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22
    const t = exp(abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(abs(x));
  if (ix <= 0x408633ce) {
    const w = exp(0.5 * abs(x));
    return 0.5 * w * w;
  }
  return Infinity;
}

export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, or NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x;
    if (ix >= 0x3ff00000) {
      z = 1 - 2 / (expm1(2 * abs(x)) + 2);
    } else {
      const t = expm1(-2 * abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return jx >= 0 ? z : -z;
}

export function asinh(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  let w: number;
  if (ix > 0x41b00000) {
    // |x| > 2^28
    w = log(abs(x)) + LN2;
  } else if (ix > 0x40000000) {
    // 2 < |x| ≤ 2^28
    const t = abs(x);
    w = log(2 * t + 1 / (sqrt(x * x + 1) + t));
  } else {
    const t = x * x;
    w = log1p(abs(x) + t / (1 + sqrt(1 + t)));
  }
  return hx > 0 ? w : -w;
}

export function acosh(x: number): number {
  const hx = highWord(x);
  if (hx < 0x3ff00000) return NaN; // x < 1
  if (hx >= 0x41b00000) return hx >= 0x7ff00000 ? x + x : log(x) + LN2; // x > 2^28
  if (((hx - 0x3ff00000) | lowWord(x)) === 0) return 0;
  if (hx > 0x40000000) return log(2 * x - 1 / (x + sqrt(x * x - 1))); // 2 < x ≤ 2^28
  const t = x - 1;
  return log1p(t + sqrt(2 * t + t * t));
}

export function atanh(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (x !== x || ix > 0x3ff00000 || (ix === 0x3ff00000 && lowWord(x) !== 0)) return NaN; // |x| > 1
  if (ix === 0x3ff00000) return x > 0 ? Infinity : -Infinity;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  x = withHighWord(x, ix);
  const t = ix < 0x3fe00000 ? 0.5 * log1p(x + x + (x + x) * x / (1 - x)) : 0.5 * log1p((x + x) / (1 - x));
  return hx >= 0 ? t : -t;
}
