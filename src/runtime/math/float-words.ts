/**
 * The two 32-bit halves of a double, as fdlibm's C code reads and writes them (`__HI`, `__LO`),
 * through one small buffer made when the bundle is evaluated. High words are signed, low words
 * unsigned, as in fdlibm.
 */
const doubles = new Float64Array(1);
const words = new Int32Array(doubles.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

export function highWord(x: number): number {
  doubles[0] = x;
  return words[HI]!;
}

export function lowWord(x: number): number {
  doubles[0] = x;
  return words[LO]! >>> 0;
}

export function fromWords(high: number, low: number): number {
  words[HI] = high;
  words[LO] = low;
  return doubles[0]!;
}

export function withHighWord(x: number, high: number): number {
  doubles[0] = x;
  words[HI] = high;
  return doubles[0]!;
}

/** `x` with its low word cleared (fdlibm's `__LO(x) = 0`). */
export function clearLowWord(x: number): number {
  doubles[0] = x;
  words[LO] = 0;
  return doubles[0]!;
}

const TWO_1023 = 8.98846567431158e307; // 2^1023
const TWO_M1022_53 = 2.0041683600089728e-292; // 2^-1022 · 2^53 = 2^-969

/** x · 2ⁿ without intermediate overflow or double rounding (musl's scalbn). */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO_1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO_1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Keep the final n below -53 so that the last step rounds only once in the subnormal range.
    y *= TWO_M1022_53;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWO_M1022_53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}
