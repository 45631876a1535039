import { createRequire } from "node:module";
import type ts from "typescript";

const require = createRequire(import.meta.url);
let loaded: typeof ts | undefined;

/**
 * The TypeScript compiler, loaded on first use: it takes about half a second to load, and a dev
 * server or build whose snippet type-checks all come from the cache never needs it (the dev
 * server type-checks in a thread of its own, see dev/typecheck-thread.ts).
 */
export function typescript(): typeof ts {
  return (loaded ??= require("typescript") as typeof ts);
}

/**
 * The compiler's version, from its package.json: a cache key needs it, and loading the compiler
 * for it took a build's main thread about 0.3 s (typescript.js is 9 MB).
 */
export function typescriptVersion(): string {
  return (require("typescript/package.json") as { version: string }).version;
}
