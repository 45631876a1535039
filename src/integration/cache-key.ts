import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * What a kept cache is only valid for: Daybook's own source (the files below, not the journal
 * in content/: a new entry is exactly what a warm build is for), the lock file (Astro, resvg,
 * TypeScript and every other dependency) and the Node version that builds.
 */
export const CACHE_KEY_SOURCES = ["src", "scripts", "astro.config.mjs", "daybook.config.ts", "package.json", "tsconfig.json"];
const LOCK_FILE = "package-lock.json";

export interface CacheKey {
  node: string;
  lock: string;
  source: string;
  /** All three in one string, e.g. `daybook-node-v26.10.0-lock-1a2b3c4d5e6f-src-9f8e7d6c5b4a`. */
  key: string;
}

export function cacheKey(root: string): CacheKey {
  const lock = sha256(readFileSync(path.join(root, LOCK_FILE)));
  const source = createHash("sha256");
  for (const file of CACHE_KEY_SOURCES.flatMap((entry) => filesUnder(root, entry)).sort()) {
    source.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  }
  const short = (hex: string) => hex.slice(0, 12);
  const parts = { node: process.version, lock: short(lock), source: short(source.digest("hex")) };
  return { ...parts, key: `daybook-node-${parts.node}-lock-${parts.lock}-src-${parts.source}` };
}

/** Files at `entry` (a file or a folder, walked), as paths relative to root with `/`. */
function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
