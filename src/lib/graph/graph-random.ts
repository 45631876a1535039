/** Seeded, platform-independent randomness for the layout (never `Math.random`). */

/** 32-bit FNV-1a hash of a string: a stable seed per tag id. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Mulberry32, the same generator snippets get as their seeded `Math.random`. */
export { seededRandom } from "../../runtime/seeded-random.ts";
