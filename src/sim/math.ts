/** Math that gives the same bits in every JavaScript engine, built from `+ - * /` only. */

/**
 * Natural logarithm using only `+ - * /`, so it gives the same bits in every engine
 * (`Math.log` may differ in the last bit between engines). Accurate to a few ulps.
 */
export function ln(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let exponent = 0;
  // Scale x into [sqrt(1/2), sqrt(2)] by exact powers of two, counting them in `exponent`.
  for (; x >= 4294967296; exponent += 32) x /= 4294967296;
  for (; x >= 2; exponent += 1) x /= 2;
  for (; x < 2.3283064365386963e-10; exponent -= 32) x *= 4294967296;
  for (; x < 1; exponent -= 1) x *= 2;
  if (x > Math.SQRT2) {
    x /= 2;
    exponent += 1;
  }
  // ln(x) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), with |s| <= 0.172 the series converges fast.
  const s = (x - 1) / (x + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let k = 1; k <= 29; k += 2) {
    sum += term / k;
    term *= s2;
  }
  return 2 * sum + exponent * Math.LN2;
}
