import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { acquireAstroLock, releaseAstroLock } from "./astro-lock.ts";
import { ROOT, cleanEnv } from "./build-site.ts";

export interface DevServer {
  origin: string;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A real `astro dev` (what `npm run dev` runs) on a free port, for tests and the benchmark; `cwd`
 * is the Astro project (the benchmark also starts its plain-Astro baseline, bench/baseline).
 * No `--ignore-lock`: Astro 7 runs one dev server per project and refuses the next, which is what
 * keeps a test from starting beside the author's own `npm run dev`; two beside each other share
 * the project's .astro/ folder and overwrite each other's content modules.
 */
export async function startDevServer(env: NodeJS.ProcessEnv, timeoutMs = 120_000, cwd = ROOT): Promise<DevServer> {
  // Held until the server stops: no build of this checkout runs beside it (see astro-lock.ts).
  const locked = cwd === ROOT;
  if (locked) await acquireAstroLock();
  let released = false;
  const release = () => {
    if (locked && !released) releaseAstroLock();
    released = true;
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--port", "0", "--host", "127.0.0.1"], {
    cwd,
    env: { ...cleanEnv(), DAYBOOK_TODAY: "2026-11-23", ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev server did not start:\n${log}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the dev server exited with ${code}:\n${log}`)));
  }).catch((error: unknown) => {
    child.kill();
    release();
    throw error;
  });
  child.once("exit", release);
  return {
    origin,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
