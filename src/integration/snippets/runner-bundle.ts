import path from "node:path";
import { build } from "esbuild";

/**
 * The worker half of the browser runner as one classic script: the shared runtime, the
 * console formatter, fake timers and `daybook/sim`. Served at `/runner/worker.js` and loaded
 * by the page on a reader's first Run, then handed to the sandbox as text.
 */
export async function bundleRunnerWorker(root = process.cwd()): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, "src/client/snippets/worker-main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    // fake-timers reaches for Node's util only when `process` exists, which it never does in a worker.
    external: ["util"],
  });
  return result.outputFiles[0]!.text;
}
