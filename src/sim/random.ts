/**
 * Seeded pseudo-random numbers that are identical in every JavaScript engine.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state), seeded
 * through splitmix32 from an FNV-1a hash of the seed. Only integer operations and `+ - * /` are
 * used, plus `Math.sqrt` (IEEE correctly rounded); logarithms come from `ln` in `math.ts`. So a
 * seed gives the same numbers in Node and in every browser.
 */
import { ln } from "./math.ts";

/** A seeded stream of random numbers. Create one with {@link createRandom}. */
export interface Random {
  /** The seed this stream was created from (forks append `/label`). */
  readonly seed: string;
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** A whole number from `min` to `maxInclusive`, both included; both must be integers. */
  int(min: number, maxInclusive: number): number;
  /** A float in [a, b). */
  uniform(a: number, b: number): number;
  /** An exponentially distributed float with the given mean (e.g. inter-arrival times in ms). */
  exponential(mean: number): number;
  /** A normally distributed float (Marsaglia's polar method). */
  normal(mean: number, stdDev: number): number;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
  /** One element chosen uniformly; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates); the input is left unchanged. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent stream named `label`. It depends only on this stream's seed and the label,
   * never on how many numbers were drawn, so adding draws in one place never shifts another.
   */
  fork(label: string): Random;
}

/** Creates a random stream from a number or string seed; the same seed always gives the same numbers. */
export function createRandom(seed: number | string): Random {
  return new Sfc32(String(seed));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class Sfc32 implements Random {
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.seed = seed;
    let state = fnv1a(seed);
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(maxInclusive) || maxInclusive < min) {
      throw new RangeError(`int(${min}, ${maxInclusive}) needs two integers with min <= max`);
    }
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  exponential(mean: number): number {
    if (!(mean > 0)) throw new RangeError(`exponential(${mean}) needs a positive mean`);
    return -mean * ln(1 - this.next());
  }

  normal(mean: number, stdDev: number): number {
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    return mean + stdDev * u * Math.sqrt((-2 * ln(s)) / s);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() needs a non-empty array");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  fork(label: string): Random {
    return new Sfc32(`${this.seed}/${label}`);
  }
}
