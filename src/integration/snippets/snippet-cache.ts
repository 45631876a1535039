import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunResult } from "../../runtime/run-snippet.ts";
import type { Problem } from "../content/problem.ts";

/** A type problem as the cache keeps it: its line counted from its snippet's fence (`snippet`: the snippet's index in the check), or as it is when it is in no snippet. */
export type CachedProblem = Problem & { snippet?: number };

type Entry = RunResult | { problems: CachedProblem[] } | { js: string };

/**
 * Results of earlier runs, keyed by a hash of the snippet's JS, its timeout and everything
 * that can change its output (runtime and helper library sources, dependency versions).
 */
export class SnippetCache {
  readonly #file: string;
  readonly #entries: Record<string, Entry>;
  readonly #used = new Set<string>();

  constructor(file: string) {
    this.#file = file;
    this.#entries = readJson(file);
  }

  get(key: string): RunResult | undefined {
    return this.#read(key) as RunResult | undefined;
  }

  set(key: string, result: RunResult): void {
    this.#write(key, result);
  }

  /** A snippet's transpiled JavaScript (what its run is keyed by), so a warm check transpiles nothing. */
  getJs(key: string): string | undefined {
    return (this.#read(`js:${key}`) as { js: string } | undefined)?.js;
  }

  setJs(key: string, js: string): void {
    this.#write(`js:${key}`, { js });
  }

  /** Type-check results of a whole set of snippets (the check is one Program over all of them). */
  getTypecheck(key: string): CachedProblem[] | undefined {
    return (this.#read(`typecheck:${key}`) as { problems: CachedProblem[] } | undefined)?.problems;
  }

  setTypecheck(key: string, problems: CachedProblem[]): void {
    this.#write(`typecheck:${key}`, { problems });
  }

  #read(key: string): Entry | undefined {
    const hit = this.#entries[key];
    if (hit) this.#used.add(key);
    return hit;
  }

  #write(key: string, entry: Entry): void {
    this.#entries[key] = entry;
    this.#used.add(key);
  }

  /**
   * Writes the results used by this build only, so the cache never grows without bound; a dev
   * re-check of one entry keeps the rest (`pruneUnused: false`), or the next start would run them all.
   */
  save({ pruneUnused = true } = {}): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const kept = Object.fromEntries(Object.entries(this.#entries).filter(([key]) => !pruneUnused || this.#used.has(key)));
    writeFileSync(this.#file, JSON.stringify(kept));
  }
}

export function hashText(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 32);
}

/**
 * The shape of a stored result. Bump it when that shape changes, so results stored by an older
 * Daybook are recomputed instead of read wrongly. 2: results carry their figures' JSON texts. 3: and their declared controls.
 */
export const CACHE_FORMAT = 3;

/** Fingerprint of the code that runs snippets: change any of it and every result is recomputed. */
export function runtimeFingerprint(root: string): string {
  // Recursive: the runtime keeps its Web APIs, maths, locale and console in folders of their own;
  // src/figures is daybook/show (what a figure's line and data are).
  const sources = ["src/runtime", "src/sim", "src/figures", "src/integration/snippets"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => `${f}\0${readFileSync(path.join(root, dir, f), "utf8")}`),
  );
  const versions = ["sucrase", "node-inspect-extracted", "@sinonjs/fake-timers", "typescript", "esbuild", "web-streams-polyfill"].map((name) => {
    const manifest = JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string };
    return `${name}@${manifest.version}`;
  });
  return hashText(`format ${CACHE_FORMAT}`, ...sources, ...versions, process.version);
}

function readJson(file: string): Record<string, Entry> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, Entry>;
  } catch {
    return {};
  }
}
