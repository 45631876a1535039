// The program of one snippet host: a child process started by snippet-pool.ts with an empty
// environment under Node's permission model (no file reads or writes, no child processes,
// workers, addons, WASI or inspector). It reads no file: the pool hands it this code with
// `--eval` and the runtime over IPC. Each snippet runs in a fresh vm context that has only
// ECMAScript built-ins plus the runtime evaluated inside it, with code generation from
// strings and WebAssembly compilation disabled; nothing of this realm is handed in.
import vm from "node:vm";
import { randomBytes } from "node:crypto";
import { figureTexts } from "../../figures/figure-transport.ts";

export interface HostInit {
  type: "init";
  /** The runtime bundle (runtime-bundle.ts): an expression whose value is a ContextRunner factory call. */
  runtime: string;
  sourceName: string;
}

export interface HostTask {
  type: "run";
  id: number;
  js: string;
  timeout: number;
}

/** What a host says: it is ready for work (after its start-up), or a snippet's result. */
export type HostMessage = ({ type: "ready"; id?: undefined } | ({ type: "result" } & HostResult)) & {
  /** This host's CPU time so far (user + system, µs), so the pool can account for snippet CPU. */
  cpuMicros?: number;
};

export interface HostResult {
  id: number;
  output: string;
  error?: string;
  stopped?: true;
  /** The figures' JSON texts, cut to the transport bounds; checked again by the build (run-figures.ts). */
  figures?: string[];
  /** The declared controls' JSON text, cut to its bound; checked again by the build (input-controls.ts). */
  controls?: string;
}

/** The most a snippet may print, checked again here in case it tampered with the runtime's own cap. */
const MAX_RESULT_CHARS = 200_000;
/** The most characters of declared controls carried back (20 controls of a few 200-character strings fit many times over). */
const MAX_CONTROLS_CHARS = 200_000;
/** A runner that neither finishes nor waits after this many steps has been tampered with. */
const MAX_STEPS = 200_000;

interface RunnerState {
  done: boolean;
  waiting: boolean;
  output: unknown;
  error: unknown;
  figures: unknown;
  controls: unknown;
}

// The runner lives in a top-level lexical binding of the context's script scope: later scripts
// of the host can name it, snippet code cannot (the name is random and not a global property).
const RUNNER = `__daybook_${randomBytes(12).toString("hex")}`;
const CONTEXT_OPTIONS = { codeGeneration: { strings: false, wasm: false }, microtaskMode: "afterEvaluate" } as const;

let runtime: vm.Script | undefined;
let sourceName = "daybook-snippet.js";
let globalsPrologue = "";
const step = new vm.Script(`${RUNNER}.step()`, { filename: "daybook-host.js" });
let current: { unhandled(reason: unknown): void } | undefined;

// Rejections inside the context reach only this process's hook; hand them back to the runner.
process.on("unhandledRejection", (reason) => current?.unhandled(reason));

process.on("message", (message: HostInit | HostTask) => {
  if (message.type === "init") {
    sourceName = message.sourceName;
    runtime = new vm.Script(`const ${RUNNER} = ${message.runtime};\n${RUNNER}`, { filename: "daybook-runtime.js" });
    globalsPrologue = localGlobals();
    return say({ type: "ready" });
  }
  void run(message).then((result) => say({ type: "result", ...result }));
});

function say(message: HostMessage): void {
  const cpu = process.cpuUsage();
  process.send!({ ...message, cpuMicros: cpu.user + cpu.system });
}

function newContext(): { context: vm.Context; runner: { state: RunnerState; unhandled(reason: unknown): void } } {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, CONTEXT_OPTIONS);
  const runner = runtime!.runInContext(context) as { state: RunnerState; unhandled(reason: unknown): void };
  return { context, runner };
}

/**
 * Reading a global inside a vm context is slower than reading a local; binding every global
 * the runtime installed as a local of the snippet's enclosing function, on its first line,
 * restores full speed. The snippet's own declarations still shadow them; lines are unchanged.
 */
function localGlobals(): string {
  const { context } = newContext();
  const names = vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as unknown[];
  const skip = new Set(["undefined", "NaN", "Infinity", "eval", "globalThis", RUNNER]);
  const safe = names.filter((name): name is string => typeof name === "string" && /^[A-Za-z_$][\w$]*$/.test(name) && !skip.has(name));
  return safe.length ? `let ${safe.map((name) => `${name} = globalThis.${name}`).join(", ")};` : "";
}

async function run(task: HostTask): Promise<HostResult> {
  // The pool watches this process's CPU time and kills it when the snippet passes its timeout.
  let start: vm.Script;
  try {
    start = new vm.Script(`${RUNNER}.start(function () {${globalsPrologue} return async function (require, exports, module) {${task.js}\n}}, ${JSON.stringify(sourceName)})`, { filename: sourceName });
  } catch (error) {
    const text = `SyntaxError: ${(error as Error).message}`;
    return { id: task.id, output: text, error: text };
  }
  const { context, runner } = newContext();
  current = runner;
  try {
    start.runInContext(context);
    for (let steps = 0; !runner.state.done; steps++) {
      if (steps > MAX_STEPS || !runner.state.waiting) {
        const error = "Error: the snippet interfered with Daybook's runtime and was stopped";
        return { id: task.id, output: error, error, stopped: true };
      }
      // A real macrotask of this process between steps, so its unhandled-rejection hook runs.
      await new Promise((resolve) => setImmediate(resolve));
      step.runInContext(context);
    }
  } catch {
    const text = "Error: the snippet stopped Daybook's runtime";
    return { id: task.id, output: text, error: text, stopped: true };
  } finally {
    current = undefined;
  }
  return readResult(task.id, runner.state);
}

/** Only primitives cross back, and only within the caps (figure texts: run-figures.ts's bounds). */
function readResult(id: number, state: RunnerState): HostResult {
  const output = typeof state.output === "string" ? state.output.slice(0, MAX_RESULT_CHARS) : "";
  const error = typeof state.error === "string" && state.error ? state.error.slice(0, MAX_RESULT_CHARS) : undefined;
  const figures = figureTexts(typeof state.figures === "string" ? state.figures : "");
  const controls = typeof state.controls === "string" && state.controls ? state.controls.slice(0, MAX_CONTROLS_CHARS) : undefined;
  return { id, output, ...(error ? { error } : {}), ...(figures.length ? { figures } : {}), ...(controls ? { controls } : {}) };
}
