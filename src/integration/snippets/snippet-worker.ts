// One worker thread of the snippet pool. Each snippet gets a fresh vm context, so snippets
// share no globals; the thread itself is the sandbox boundary the pool can terminate.
import { parentPort } from "node:worker_threads";
import vm from "node:vm";
import * as sim from "../../sim/index.ts";
import { runSnippet, type SnippetFunction } from "../../runtime/run-snippet.ts";

export interface WorkerTask {
  id: number;
  js: string;
}

let onUnhandled: ((reason: unknown) => void) | undefined;
process.on("unhandledRejection", (reason) => onUnhandled?.(reason));

/** Web-platform globals a browser worker also has; a bare vm context has only the JS built-ins. */
const SHARED_GLOBALS = { URL, URLSearchParams, TextEncoder, TextDecoder, structuredClone, queueMicrotask, atob, btoa, AbortController };

/**
 * Reading a global inside a vm context goes through an interceptor and is several times slower
 * than a local (a simulation calling Math.random in a loop ran 3× slower than in plain Node).
 * Binding every global as a local of an enclosing scope, on the wrapper's first line, restores
 * full speed; the snippet's own declarations still shadow them, and lines are unchanged.
 */
function localGlobals(global: object): string {
  const skip = new Set(["undefined", "NaN", "Infinity", "eval", "globalThis"]);
  const names = Object.getOwnPropertyNames(global).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !skip.has(name));
  return `let ${names.map((name) => `${name} = globalThis.${name}`).join(", ")};`;
}

parentPort!.on("message", async (task: WorkerTask) => {
  const context = vm.createContext({ ...SHARED_GLOBALS });
  const global = vm.runInContext("globalThis", context) as Record<string, unknown> & { Math: Math };
  const result = await runSnippet(task.js, {
    global,
    modules: { "daybook/sim": sim },
    onUnhandledRejection: (handler) => (onUnhandled = handler),
    compile: (js, sourceName) =>
      new vm.Script(`(function () {${localGlobals(global)} return async function (require, exports, module) {${js}\n}})()`, { filename: sourceName }).runInContext(context) as SnippetFunction,
  });
  parentPort!.postMessage({ id: task.id, ...result });
});
