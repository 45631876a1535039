// Runs inside a classic Web Worker that the sandbox frame creates, from a blob: URL, for one
// run. Bundled on its own (see src/integration/snippets/runner-bundle.ts); it never touches the page.
//
// The snippet runs in this same realm, so nothing here trusts a global once snippet code exists:
// the built-ins used after that point were captured first (worker-natives.ts), the result goes
// back on a MessagePort that only this module's closure holds, and the worker's own channel to
// the frame (`postMessage`) is removed before the snippet loads. The frame listens only on the
// port, and the page decides what a reply means (status, timing, which run), so the most a
// snippet can do is shape its own output text, capped here, in the frame and in the page.
import { addListener, apply, closePort, createObjectURL, deleteProperty, hasOwn, NativeBlob, NativeURL, postOnPort, sliceString } from "./worker-natives.ts";
import * as sim from "../../sim/index.ts";
import { installRealm } from "../../runtime/realm.ts";
import { runSnippet, type SnippetFunction, type SnippetHost } from "../../runtime/run-snippet.ts";
import { SHOWN_OUTPUT_CHARS, TRUNCATED_NOTE } from "./output-limit.ts";
import type { WorkerReply, WorkerStart } from "./sandbox-protocol.ts";

const scope = globalThis as unknown as typeof globalThis & Record<string, unknown> & { Math: Math; onmessage: ((event: MessageEvent<WorkerStart>) => void) | null };

installRealm(scope);

// The frame sends exactly one message: the snippet and the port its reply goes back on.
scope.onmessage = (event) => {
  scope.onmessage = null;
  const port = event.ports[0];
  const js: unknown = event.data?.js;
  if (!port || typeof js !== "string") return;
  closeWorkerChannel();
  void run(js, port);
};

/** With `postMessage` gone from the global and its prototypes, snippet code has no way to message the frame. */
function closeWorkerChannel(): void {
  for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o)) {
    if (hasOwn(o, "postMessage")) deleteProperty(o, "postMessage");
  }
}

async function run(js: string, port: MessagePort): Promise<void> {
  let output: unknown;
  let failed = true;
  try {
    const { host, sourceName } = browserHost(js);
    const result = await runSnippet(js, host, sourceName);
    output = result.output;
    failed = hasOwn(result, "error");
  } catch {
    output = "Error: the snippet runtime failed";
  }
  const text = typeof output === "string" ? output : "Error: the snippet's output could not be read";
  // Only primitives go into a fresh literal, so cloning the reply runs no snippet code.
  const reply: WorkerReply = { output: text.length > SHOWN_OUTPUT_CHARS ? `${apply(sliceString, text, [0, SHOWN_OUTPUT_CHARS])}\n${TRUNCATED_NOTE}` : text, failed };
  apply(postOnPort, port, [reply]);
  apply(closePort, port, []);
}

function browserHost(js: string): { host: SnippetHost; sourceName: string } {
  // The snippet becomes a blob: module; its first line shares the wrapper's line, so lines match the source.
  const source = `export default async function (require, exports, module) {${js}\n}`;
  const url: string = apply(createObjectURL, NativeURL, [new NativeBlob([source], { type: "text/javascript" })]);
  const host: SnippetHost = {
    global: scope,
    modules: { "daybook/sim": sim },
    onUnhandledRejection: (handler) =>
      apply(addListener, scope, [
        "unhandledrejection",
        (event: PromiseRejectionEvent) => {
          event.preventDefault();
          handler(event.reason);
        },
      ]),
    compile: async () => ((await import(/* @vite-ignore */ url)) as { default: SnippetFunction }).default,
  };
  return { host, sourceName: url };
}
