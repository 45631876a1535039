import path from "node:path";
import { build } from "esbuild";
import { leanPrimordials } from "./lean-primordials.ts";

/**
 * The worker half of the browser runner as one classic script: the shared runtime, the
 * console formatter, fake timers and `daybook/sim`. Served at `/runner/worker.js` and loaded
 * by the page on a reader's first Run, then handed to the sandbox as text.
 */
export function bundleRunnerWorker(root = process.cwd()): Promise<string> {
  return bundleClassicScript(path.join(root, "src/client/snippets/worker-main.ts"));
}

/** The sandbox frame's own script, inlined into `/runner/sandbox.html` (see sandbox-page.ts). */
export function bundleSandboxFrame(root = process.cwd()): Promise<string> {
  return bundleClassicScript(path.join(root, "src/client/snippets/frame-main.ts"));
}

/** esbuild options for a minified classic script (an IIFE) for the browser, kept in memory. */
export const CLASSIC_SCRIPT_OPTIONS = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  write: false,
  logLevel: "silent",
} as const;

/**
 * An IIFE that keeps the strict mode of its ES module sources (esbuild writes "use strict" at
 * the top): a snippet sharing the worker's realm cannot walk `.caller` back into the runtime.
 */
async function bundleClassicScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    ...CLASSIC_SCRIPT_OPTIONS,
    // fake-timers reaches for Node's util only when `process` exists, which it never does in a worker.
    external: ["util"],
    // The console formatter starts in every run's fresh realm: see lean-primordials.ts.
    plugins: [leanPrimordials()],
  });
  const text = result.outputFiles[0]!.text;
  if (!text.startsWith('"use strict";')) throw new Error(`${entry} bundled without "use strict"; the sandbox relies on strict code`);
  return text;
}
