/** The seed every snippet's `Math.random` starts from, so output is the same on every run. */
export const SNIPPET_SEED = 20_261_118;

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for simulations, not for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
