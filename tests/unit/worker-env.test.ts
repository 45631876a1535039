import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const WORKER_ENV = path.join(SRC, "integration/worker-env.ts");
const scratch = mkdtempSync(path.join(tmpdir(), "daybook-compile-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a worker started with workerEnv() sees, from a process of its own with the compile cache on or off. */
function fromAWorker(cache: string | undefined): { main?: string; worker?: string; env?: string } {
  const script = `
    import module from "node:module";
    import { Worker } from "node:worker_threads";
    ${cache ? `module.enableCompileCache(${JSON.stringify(cache)});` : ""}
    const { workerEnv } = await import(${JSON.stringify(WORKER_ENV)});
    const code = 'const { parentPort } = require("node:worker_threads"); parentPort.postMessage({ dir: require("node:module").getCompileCacheDir(), env: process.env.NODE_COMPILE_CACHE })';
    const worker = new Worker(code, { eval: true, execArgv: [], env: workerEnv() });
    worker.once("message", (seen) => {
      console.log(JSON.stringify({ main: module.getCompileCacheDir(), worker: seen.dir, env: seen.env }));
      void worker.terminate();
    });`;
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env })) as { main?: string; worker?: string; env?: string };
}

describe("the build's worker threads", () => {
  it("use the compile cache of the process that starts them, and none when it has none", () => {
    const on = fromAWorker(path.join(scratch, "cache"));
    expect(on.main).toMatch(new RegExp(`^${path.join(scratch, "cache").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(on.worker).toBe(on.main);
    const off = fromAWorker(undefined);
    expect(off).toEqual({});
  });

  it("are all started with workerEnv()", () => {
    const files = readdirSync(path.join(SRC, "integration"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const starts = files.flatMap((file) => [...readFileSync(path.join(SRC, "integration", file), "utf8").matchAll(/new Worker\(([^;]*)\);/g)].map((m) => ({ file, call: m[1]! })));
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(starts.filter((s) => !s.call.includes("env: workerEnv()"))).toEqual([]);
  });
});
