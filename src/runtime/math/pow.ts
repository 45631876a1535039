/**
 * pow, ported from fdlibm's e_pow.c with JavaScript's special cases (`pow(±1, ±Infinity)` and
 * `pow(1, NaN)` are NaN): errors below one ulp (0.5 ulp or a little more in practice).
 *
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro,
 * a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved.
 */
import { clearLowWord, fromWords, highWord, lowWord, scalbn, withHighWord } from "./float-words.ts";

const { abs, sqrt } = Math;

const BP = [1, 1.5] as const;
const DP_H = [0, 5.84962487220764160156e-1] as const;
const DP_L = [0, 1.35003920212974897128e-8] as const;
const TWO53 = 9007199254740992;
const HUGE = 1e300;
const TINY = 1e-300;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const LG2 = 6.93147180559945286227e-1;
const LG2_H = 6.93147182464599609375e-1;
const LG2_L = -1.90465429995776804525e-9;
const OVT = 8.0085662595372944372e-17; // -(1024 - log2(ovfl + .5ulp))
const CP = 9.61796693925975554329e-1; // 2/(3 ln 2)
const CP_H = 9.61796700954437255859e-1;
const CP_L = -7.02846165095275826516e-9;
const IVLN2 = 1.44269504088896338700e0;
const IVLN2_H = 1.44269502162933349609e0;
const IVLN2_L = 1.92596299112661746887e-8;

export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return 1; // x ** ±0, even NaN ** 0
  if (x !== x || y !== y) return NaN;

  // When x < 0: 0 if y is not an integer, 1 if it is an odd one, 2 if an even one.
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if (j << (52 - k) >>> 0 === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (±1) ** ±Infinity
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return sqrt(x); // y = 0.5, x ≥ +0
  }

  let ax = abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is ±0, ±Infinity or ±1
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) z = NaN; // (-1) ** non-integer
      else if (yIsInt === 1) z = -z;
    }
    return z;
  }

  let n = (hx >>> 31) ^ 1; // 0 when x < 0
  if ((n | yIsInt) === 0) return NaN; // negative ** non-integer
  const s = (n | (yIsInt - 1)) === 0 ? -1 : 1; // negative ** odd integer

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: the result over- or underflows
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1 - x| ≤ 2^-20: log(x) by its series
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLowWord(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: 0 | 1;
    if (j <= 0x3988e) k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    // ss = sHi + sLo = (x - 1)/(x + 1) or (x - 1.5)/(x + 1.5)
    let u = ax - BP[k];
    let v = 1 / (ax + BP[k]);
    const ss = u * v;
    const sHi = clearLowWord(ss);
    let tHi = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tLo = ax - (tHi - BP[k]);
    const sLo = v * (u - sHi * tHi - sHi * tLo);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sLo * (sHi + ss);
    s2 = sHi * sHi;
    tHi = clearLowWord(3 + s2 + r);
    tLo = r - (tHi - 3 - s2);
    u = sHi * tHi;
    v = sLo * tHi + tLo * ss;
    const pHi = clearLowWord(u + v);
    const pLo = v - (pHi - u);
    const zHi = CP_H * pHi;
    const zLo = CP_L * pHi + pLo * CP + DP_L[k];
    // log2(ax) = n + DP_H + zHi + zLo
    const t = n;
    t1 = clearLowWord(zHi + zLo + DP_H[k] + t);
    t2 = zLo - (t1 - t - DP_H[k] - zHi);
  }

  // (y1 + y2)·(t1 + t2), with y1 = y to 32 bits
  const y1 = clearLowWord(y);
  const pLo = (y - y1) * t1 + y * t2;
  let pHi = y1 * t1;
  let z = pLo + pHi;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0 || pLo + OVT > z - pHi) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0 || pLo <= z - pHi) return s * TINY * TINY;
  }

  // 2 ** (pHi + pLo)
  const ij = j & 0x7fffffff;
  let k = (ij >> 20) - 0x3ff;
  n = 0;
  if (ij > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pHi -= t;
  }
  const t = clearLowWord(pLo + pHi);
  const u = t * LG2_H;
  const v = (pLo - (t - pHi)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tz = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tz) / (tz - 2) - (w + z * w);
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  z = j >> 20 <= 0 ? scalbn(z, n) : withHighWord(z, j);
  return s * z;
}
