/**
 * Argument reduction for the trigonometric functions: x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4,
 * exactly enough for any double (Payne–Hanek with 2/π's bits for huge x). Ported from FreeBSD's
 * msun (e_rem_pio2.c, k_rem_pio2.c).
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun
 * Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
 * freely granted, provided that this notice is preserved.
 */
import { fromWords, highWord, lowWord, scalbn } from "./float-words.ts";

const { floor, max } = Math;

/** The reduced argument: `y[0] + y[1]`. */
export type Reduced = [number, number];

const INVPIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417e0;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const TWO24 = 1.67772160000000000000e7;
const TWON24 = 5.96046447753906250000e-8;
const ROUNDER = 6755399441055744; // 1.5 · 2^52: adding and subtracting it rounds to an integer, ties to even

/** Returns n mod 8 (its sign kept) and writes the remainder into `y`. */
export function remPio2(x: number, y: Reduced): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x400f6a7a) {
    // |x| ≤ 5π/4
    if ((ix & 0xfffff) === 0x921fb) return medium(x, ix, y); // close to π/2 or π
    if (ix <= 0x4002d97c) return small(x, hx, 1, y); // |x| ≤ 3π/4
    return small(x, hx, 2, y);
  }
  if (ix <= 0x401c463b) {
    // |x| ≤ 9π/4
    if (ix <= 0x4015fdbc) {
      if (ix === 0x4012d97c) return medium(x, ix, y); // close to 3π/2
      return small(x, hx, 3, y);
    }
    if (ix === 0x401921fb) return medium(x, ix, y); // close to 2π
    return small(x, hx, 4, y);
  }
  if (ix < 0x413921fb) return medium(x, ix, y); // |x| < 2^20 · π/2
  if (ix >= 0x7ff00000) {
    y[0] = y[1] = x - x;
    return 0;
  }
  // Huge |x|: split it into three 24-bit pieces, scaled by 2^-e0.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  const tx = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]!) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  const n = kernelRemPio2(tx, y, e0, nx);
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

/** |x| within a few multiples of π/2 and not close to one: subtract n·π/2 in two pieces. */
function small(x: number, hx: number, n: number, y: Reduced): number {
  const sign = hx > 0 ? 1 : -1;
  const z = x - sign * n * PIO2_1;
  const tail = n * PIO2_1T;
  y[0] = z - sign * tail;
  y[1] = z - y[0] - sign * tail;
  return sign * n;
}

/** |x| < 2^20·π/2: n = round(x·2/π), then subtract n·π/2 in two, three or four pieces as needed. */
function medium(x: number, ix: number, y: Reduced): number {
  const fn = x * INVPIO2 + ROUNDER - ROUNDER;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T;
  const j = ix >> 20;
  y[0] = r - w;
  let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
  if (i > 16) {
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y[0] = r - w;
    i = j - ((highWord(y[0]) >> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y[0] = r - w;
    }
  }
  y[1] = r - y[0] - w;
  return n;
}

/** 2/π in 24-bit pieces: enough for any double's exponent. */
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c,
  0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7,
  0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** π/2 in pieces of 24 bits. */
const PIO2 = [
  1.57079625129699707031e0, 7.54978941586159635335e-8, 5.39030252995776476554e-15, 3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36, 2.73370053816464559624e-44,
  2.16741683877804819444e-51,
];

/** Payne–Hanek reduction of x = Σ tx[i]·2^(e0 - 24i) (k_rem_pio2.c, for doubles: jk = 4). */
function kernelRemPio2(tx: number[], y: Reduced, e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  const jv = max(0, ((e0 - 3) / 24) | 0);
  let q0 = e0 - 24 * (jv + 1);
  const f: number[] = [];
  const q: number[] = [];
  const iq: number[] = [];
  const fq: number[] = [];
  for (let i = 0, j = jv - jx; i <= jx + jk; i++, j++) f[i] = j < 0 ? 0 : IPIO2[j]!;
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let j = 0; j <= jx; j++) fw += tx[j]! * f[jx + i - j]!;
    q[i] = fw;
  }
  let jz = jk;
  let n: number;
  let ih: number;
  let z: number;
  for (;;) {
    // Distill q[] into iq[], reversed.
    z = q[jz]!;
    for (let i = 0, j = jz; j > 0; i++, j--) {
      const fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[j - 1]! + fw;
    }
    z = scalbn(z, q0);
    z -= 8 * floor(z * 0.125);
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      const i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1]! -= i << (24 - q0);
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const j = iq[i]!;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else {
          iq[i] = 0xffffff - j;
        }
      }
      if (q0 === 1) iq[jz - 1]! &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1]! &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    if (z !== 0) break;
    let j = 0;
    for (let i = jz - 1; i >= jk; i--) j |= iq[i]!;
    if (j !== 0) break;
    // Every bit so far was zero: take more terms of 2/π and start again.
    let k = 1;
    while (iq[jk - k] === 0) k++;
    for (let i = jz + 1; i <= jz + k; i++) {
      f[jx + i] = IPIO2[jv + i]!;
      let fw = 0;
      for (let j = 0; j <= jx; j++) fw += tx[j]! * f[jx + i - j]!;
      q[i] = fw;
    }
    jz += k;
  }
  if (z === 0) {
    // Chop off the zero terms.
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // Break z into 24-bit pieces if needed.
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
