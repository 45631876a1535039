/**
 * Replaces the Math functions whose results V8 does not fix bit for bit (their last bit differs
 * between Node's and Chromium's builds for a few percent of inputs) with this folder's ports of
 * fdlibm, so a snippet prints the same digits at build and in every reader's browser. The exact
 * functions (sqrt, fround, abs, floor, ceil, round, trunc, sign, clz32, imul, max, min,
 * f16round, sumPrecise) stay native, and so does pow: it is V8's own code, the same as the `**`
 * operator (which no script can replace) and the same in Node and Chromium on every input tried,
 * so replacing it would only make `Math.pow(x, y)` and `x ** y` disagree (fdlibm's pow printed
 * `10 ** -5` as 0.000009999999999999999).
 */
import { cbrt, hypot } from "./cbrt-hypot.ts";
import { exp, expm1, log, log10, log1p, log2 } from "./exp-log.ts";
import { acosh, asinh, atanh, cosh, sinh, tanh } from "./hyperbolic.ts";
import { acos, asin, atan, atan2 } from "./inverse-trig.ts";
import { cos, sin, tan } from "./trig.ts";

/** The replacements, as methods (named, with Math's lengths, not constructors); arguments converted as Math converts them. */
export const DETERMINISTIC_MATH = {
  exp: (x: unknown) => exp(+(x as number)),
  expm1: (x: unknown) => expm1(+(x as number)),
  log: (x: unknown) => log(+(x as number)),
  log1p: (x: unknown) => log1p(+(x as number)),
  log2: (x: unknown) => log2(+(x as number)),
  log10: (x: unknown) => log10(+(x as number)),
  sin: (x: unknown) => sin(+(x as number)),
  cos: (x: unknown) => cos(+(x as number)),
  tan: (x: unknown) => tan(+(x as number)),
  asin: (x: unknown) => asin(+(x as number)),
  acos: (x: unknown) => acos(+(x as number)),
  atan: (x: unknown) => atan(+(x as number)),
  atan2(y: unknown, x: unknown): number {
    const first = +(y as number);
    return atan2(first, +(x as number));
  },
  sinh: (x: unknown) => sinh(+(x as number)),
  cosh: (x: unknown) => cosh(+(x as number)),
  tanh: (x: unknown) => tanh(+(x as number)),
  asinh: (x: unknown) => asinh(+(x as number)),
  acosh: (x: unknown) => acosh(+(x as number)),
  atanh: (x: unknown) => atanh(+(x as number)),
  cbrt: (x: unknown) => cbrt(+(x as number)),
  hypot(_a: unknown, _b: unknown): number {
    const values: number[] = [];
    // Every argument is converted first (valueOf runs for each), as Math.hypot does.
    for (let i = 0; i < arguments.length; i++) values[i] = +(arguments[i] as number);
    return hypot(values);
  },
};

/** Installs the replacements onto `math` (a realm's Math) with the attributes of its own methods. */
export function installMath(math: object): void {
  for (const [name, fn] of Object.entries(DETERMINISTIC_MATH)) {
    Object.defineProperty(math, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
}
