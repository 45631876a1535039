/**
 * Runs snippet code three ways for the runtime tests: in real Node as the reference (its own
 * console and util.inspect, stacks trimmed to the snippet's lines by the same hook the runtime
 * installs, virtual time from fake-timers), in Daybook's runtime inside fresh vm contexts (as a
 * snippet host runs it, in a child process whose environment the test chooses), and through a
 * SnippetPool. Each run happens in a process of its own, so the environment (TZ, LANG) is the
 * test's, and nothing depends on the speed of the machine.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSnippetRuntime } from "../../src/integration/snippets/runtime-bundle.ts";
import { VIRTUAL_EPOCH } from "../../src/runtime/run-snippet.ts";
import { SNIPPET_SOURCE } from "../../src/runtime/snippet-source.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);
export type Env = Record<string, string>;

/** The environment Node runs in as the reference: the locale and zone the runtime pins. */
export const PINNED_ENV: Env = { TZ: "UTC", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" };
/** A machine (or reader) set to somewhere else entirely: German, New York time (daylight saving). */
export const FOREIGN_ENV: Env = { TZ: "America/New_York", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" };
/** And another: Turkish (its own case mapping and collation), India's half-hour offset. */
export const OTHER_FOREIGN_ENV: Env = { TZ: "Asia/Kolkata", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" };

function node(args: string[], env: Env, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { env, cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Runs `tasks` at most `limit` at a time, keeping their order. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

let workDir: string | undefined;
let preludeFile: string | undefined;
/** Written once: rewriting it while another case's Node reads it would hand that one an empty file. */
function referencePrelude(): string {
  if (preludeFile) return preludeFile;
  workDir = mkdtempSync(path.join(tmpdir(), "daybook-runtime-"));
  const prelude = path.join(workDir, "prelude.mjs");
  writeFileSync(
    prelude,
    `import { Console } from "node:console";
import { pathToFileURL } from "node:url";
import FakeTimers from ${JSON.stringify(pathToFileURL(require.resolve("@sinonjs/fake-timers")).href)};
import { installSnippetStacks } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "src/runtime/error-format.ts")).href)};
installSnippetStacks(globalThis, pathToFileURL(process.argv[1]).href);
// One stream, as the runtime has; warnings inline, as the runtime prints them.
globalThis.console = new Console({ stdout: process.stdout, stderr: process.stdout, colorMode: false });
process.emitWarning = (warning) => console.log("Warning: " + (typeof warning === "string" ? warning : warning.message));
const clock = FakeTimers.install({ now: ${VIRTUAL_EPOCH}, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date", "hrtime", "performance", "Temporal"] });
// Jump to the next timer whenever the code is only waiting (nothing else left to run), as the runtime does.
process.on("beforeExit", () => {
  if (clock.countTimers() > 0) setImmediate(() => clock.next());
});
`,
  );
  return (preludeFile = prelude);
}

/** What real Node prints for `code` (an ES module whose types Node strips, so top-level await works), stdout and stderr together. */
export async function runInNode(code: string, env: Env = PINNED_ENV): Promise<string> {
  const prelude = referencePrelude();
  const file = path.join(mkdtempSync(path.join(workDir!, "case-")), "snippet.mts");
  writeFileSync(file, code);
  return (await node(["--no-warnings", "--import", pathToFileURL(prelude).href, file], env)).replace(/\n$/, "");
}

/** The snippet host's loop (src/integration/snippets/snippet-host.ts) minus its walls: one fresh vm context per snippet. */
const VM_RUNNER = `
import vm from "node:vm";
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { runtime, sources, sourceName } = JSON.parse(text);
const script = new vm.Script("const __runner = " + runtime + ";\\n__runner", { filename: "daybook-runtime.js" });
const step = new vm.Script("__runner.step()");
let current;
process.on("unhandledRejection", (reason) => current?.unhandled(reason));
const results = [];
for (const js of sources) {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, { codeGeneration: { strings: false, wasm: false }, microtaskMode: "afterEvaluate" });
  const runner = script.runInContext(context);
  current = runner;
  new vm.Script("__runner.start(function () { return async function (require, exports, module) {" + js + "\\n}}, " + JSON.stringify(sourceName) + ")", { filename: sourceName }).runInContext(context);
  while (!runner.state.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step.runInContext(context);
  }
  results.push({ output: runner.state.output, error: runner.state.error });
}
process.stdout.write(JSON.stringify(results));
`;

let runtime: Promise<string> | undefined;

/** Daybook's runtime (the bundle snippet hosts evaluate) in a fresh vm context per snippet, in a Node process with `env`. */
export async function runInVmContexts(sources: string[], env: Env): Promise<{ output: string; error: string }[]> {
  runtime ??= bundleSnippetRuntime();
  const input = JSON.stringify({ runtime: await runtime, sources, sourceName: SNIPPET_SOURCE });
  return JSON.parse(await node(["--input-type=module", "--eval", VM_RUNNER], env, input)) as { output: string; error: string }[];
}

const POOL_RUNNER = `
import { SnippetPool } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "src/integration/snippets/snippet-pool.ts")).href)};
let text = "";
for await (const chunk of process.stdin) text += chunk;
const pool = new SnippetPool(2);
const results = await Promise.all(JSON.parse(text).map((js) => pool.run(js, 10000)));
await pool.close();
process.stdout.write(JSON.stringify(results));
`;

/** The same through a SnippetPool started by a Node process with `env` (its hosts get an empty environment). */
export async function runInPool(sources: string[], env: Env): Promise<{ output: string; error?: string }[]> {
  return JSON.parse(await node(["--input-type=module", "--eval", POOL_RUNNER], env, JSON.stringify(sources))) as { output: string; error?: string }[];
}

/** What a bare vm context (ECMAScript built-ins only, no Daybook runtime) says to `expression`, in a process with `env`. */
export async function evaluateBare(expression: string, env: Env): Promise<unknown> {
  const program = `import vm from "node:vm"; const context = vm.createContext(vm.constants.DONT_CONTEXTIFY); process.stdout.write(JSON.stringify(vm.runInContext(${JSON.stringify(expression)}, context)));`;
  return JSON.parse(await node(["--input-type=module", "--eval", program], env)) as unknown;
}
