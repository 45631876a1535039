// Wall time and peak memory of a site build, for `npm run bench`: Daybook's own `npm run build`
// and the plain Astro 7 + MDX + Shiki baseline in bench/baseline, on the same journal.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { astroHeapFlag } from "../src/integration/astro-process/astro-heap.ts";
import { astroBuildEnv } from "../src/integration/astro-process/astro-build-env.ts";

export interface BuildFigures {
  ms: number;
  /** Largest resident set of any process in the build (GNU time's %M), when /usr/bin/time exists. */
  peakMb?: number;
  /**
   * CPU seconds of the build and every process it waited for, user and system (GNU time's %U and
   * %S), when /usr/bin/time exists: what a busy machine stretches less than wall time.
   */
  cpuS?: number;
  /** What the build printed, for its phases (build-phases.ts). */
  output: string;
}

const GNU_TIME = "/usr/bin/time";

function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): BuildFigures {
  const hasTime = statSync(GNU_TIME, { throwIfNoEntry: false }) !== undefined;
  const [command, ...rest] = hasTime ? [GNU_TIME, "-f", "peak-kb %M cpu-s %U %S", process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const result = spawnSync(command!, rest, { cwd, env: { ...env, ASTRO_TELEMETRY_DISABLED: "1" }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed in ${cwd}:\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`);
  const time = /peak-kb (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(result.stderr);
  const output = `${result.stdout}${result.stderr}`;
  return time ? { ms, peakMb: Number(time[1]) / 1024, cpuS: Number(time[2]) + Number(time[3]), output } : { ms, output };
}

/**
 * `npm run build` (scripts/build.ts) on `content`, output and caches under `work` (kept between
 * calls, so a second call is warm); `env` adds settings such as DAYBOOK_SHARE_IMAGES.
 */
export function daybookBuild(root: string, content: string, work: string, env: NodeJS.ProcessEnv = {}): BuildFigures {
  env = { ...process.env, ...env, DAYBOOK_CONTENT: content, DAYBOOK_OUT: path.join(work, "dist"), DAYBOOK_CACHE: path.join(work, "cache") };
  return timed(["scripts/build.ts"], root, env);
}

/**
 * `astro build` of bench/baseline on the same content, cold, with the process settings `npm run
 * build` gives Astro (its environment, file-system threads included, and its heap limit:
 * src/integration/astro-process/), so that the ratio is what Daybook's own work costs: both
 * make plain Astro faster or roomier too.
 */
export function baselineBuild(root: string, content: string, work: string): BuildFigures {
  const env = { ...astroBuildEnv(process.env), BASELINE_CONTENT: content, BASELINE_OUT: path.join(work, "dist"), BASELINE_CACHE: path.join(work, "cache") };
  return timed([astroHeapFlag(), path.join(root, "node_modules/astro/bin/astro.mjs"), "build"], path.join(root, "bench/baseline"), env);
}
