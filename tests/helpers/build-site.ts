import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withAstroLock } from "./astro-lock.ts";

export interface BuildOptions {
  /** Content folder (holding days/ and tags/), relative to the project root or absolute. */
  content: string;
  base?: string;
  site?: string;
  /** Pins the build date so fixtures do not age. */
  today?: string;
  /** Extra variables for the build's environment (e.g. `TZ`, `LANG`), over the test runner's own. */
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The pinned build date for the sample journal in content/: its newest entry, Day 23, is dated 2026-11-25. */
export const SAMPLE_TODAY = "2026-11-25";

/** Runs `npm run build`'s script exactly as an author would, into a fresh temporary folder. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-build-"));
  const outDir = path.join(work, "dist");
  const env = {
    ...cleanEnv(),
    ...options.env,
    DAYBOOK_CONTENT: options.content,
    DAYBOOK_OUT: outDir,
    DAYBOOK_CACHE: path.join(work, "cache"),
    DAYBOOK_TODAY: options.today ?? "2026-11-23",
    DAYBOOK_BASE: options.base ?? "",
    DAYBOOK_SITE: options.site ?? "",
    ASTRO_TELEMETRY_DISABLED: "1",
    FORCE_COLOR: "0",
  };
  const { code, output } = await runAstroScript(["scripts/build.ts"], env);
  return { code, output, outDir };
}

/** The build date and base path of {@link buildWithCache}. */
export const REBUILD = { today: "2026-11-23", base: "/journal/" } as const;

/**
 * `npm run build` of `content` into `out`, keeping what a build reuses in `cache` (tests that build
 * a journal again, as an author or a CI deploy does), under a base path; returns its log.
 */
export async function buildWithCache(content: string, out: string, cache: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { code, output } = await runAstroScript(["scripts/build.ts"], {
    ...cleanEnv(),
    ...env,
    DAYBOOK_CONTENT: content,
    DAYBOOK_OUT: out,
    DAYBOOK_CACHE: cache,
    DAYBOOK_TODAY: REBUILD.today,
    DAYBOOK_BASE: REBUILD.base,
    DAYBOOK_SITE: "",
    ASTRO_TELEMETRY_DISABLED: "1",
    FORCE_COLOR: "0",
  });
  if (code !== 0) throw new Error(`the build failed (exit code ${code}):\n${output}`);
  return output;
}

/** The test runner's environment minus what Vitest adds (MODE, DEV, BASE_URL…), which would leak into Astro. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const leaked = /^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.test(key)));
}

/** {@link runNode} for a script that runs Astro on this checkout (build, check): one at a time (see astro-lock.ts). */
export function runAstroScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return withAstroLock(() => runNode(args, env));
}

export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
