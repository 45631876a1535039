import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./build-site.ts";
import { SIM_ENTRY } from "../../src/integration/snippets/snippet-typecheck.ts";

/** The line the harness writes to stderr just before Node prints its report of an uncaught error or unhandled rejection. */
export const NODE_CRASH_MARKER = "--- plain Node: uncaught ---";

export interface PlainNodeRun {
  /** stdout and stderr as one stream, in the order written (both go to the same file). */
  output: string;
  /** The output before NODE_CRASH_MARKER, and the crash report after it (undefined if Node did not crash). */
  printed: string;
  crash?: string;
  exitCode: number | null;
  timedOut: boolean;
}

/**
 * Runs a transpiled snippet (sucrase output, as the build runs it) in plain Node, with no
 * Daybook runtime: real timers, Node's own console, Intl, Math and Web APIs. The environment
 * holds only `env` (by default `TZ=UTC`, `LANG=en_US.UTF-8`). The code is wrapped in an async
 * function on its own first line, so top-level `await` works and line numbers are the
 * snippet's; `import … from "daybook/sim"` resolves to the library's source.
 */
export async function runInPlainNode(js: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<PlainNodeRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "daybook-plain-node-"));
  const file = path.join(dir, "snippet.cjs");
  const sim = JSON.stringify(path.join(ROOT, SIM_ENTRY));
  const prelude = [
    `process.on("uncaughtExceptionMonitor", () => require("node:fs").writeSync(2, ${JSON.stringify(`${NODE_CRASH_MARKER}\n`)}));`,
    `const __require = (specifier) => require(specifier === "daybook/sim" ? ${sim} : specifier);`,
    `const __module = { exports: {} };`,
    `(async function (require, exports, module) {`,
  ].join(" ");
  writeFileSync(file, `${prelude}${js}\n})(__require, __module.exports, __module);\n`);
  const log = path.join(dir, "output.txt");
  const fd = openSync(log, "w");
  try {
    const env = options.env ?? { TZ: "UTC", LANG: "en_US.UTF-8" };
    const { exitCode, timedOut } = await new Promise<{ exitCode: number | null; timedOut: boolean }>((resolve, reject) => {
      const child = spawn(process.execPath, [file], { cwd: dir, env, stdio: ["ignore", fd, fd] });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs ?? 30_000);
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code, timedOut });
      });
    });
    const output = readFileSync(log, "utf8").replace(/\n$/, "");
    const at = output.indexOf(NODE_CRASH_MARKER);
    const printed = (at < 0 ? output : output.slice(0, at)).replace(/\n$/, "");
    return { output, printed, ...(at >= 0 && { crash: output.slice(at + NODE_CRASH_MARKER.length + 1) }), exitCode, timedOut };
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
