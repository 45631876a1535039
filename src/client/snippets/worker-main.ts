// Runs inside a classic Web Worker that the sandbox frame creates, from a blob: URL, for one
// run. Bundled on its own (see src/integration/snippets/runner-bundle.ts); it never touches the page.
//
// The snippet runs in this same realm, so nothing here trusts a global once snippet code exists:
// the built-ins used after that point were captured first (worker-natives.ts), the result goes
// back on a MessagePort that only this module's closure holds, and the worker's own channel to
// the frame (`postMessage`) is removed before the snippet loads. The frame listens only on the
// port, and the page decides what a reply means (status, timing, which run), so the most a
// snippet can do is shape its own output text, capped here, in the frame and in the page.
import {
  addListener,
  apply,
  channelPort1,
  channelPort2,
  closePort,
  createObjectURL,
  hasOwn,
  joinArray,
  NativeBlob,
  NativeMessageChannel,
  NativeURL,
  postOnPort,
  setPortHandler,
  sliceString,
} from "./worker-natives.ts";
import * as sim from "../../sim/index.ts";
import { installRealm } from "../../runtime/realm.ts";
import { runSnippet, type SnippetFunction, type SnippetHost } from "../../runtime/run-snippet.ts";
import { SHOWN_OUTPUT_CHARS, TRUNCATED_NOTE } from "./output-limit.ts";
import { MAX_FIGURE_CHARS } from "../../figures/figure-transport.ts";
import { MAX_INPUTS_CHARS, type WorkerReply, type WorkerStart, type WorkerStarted } from "./sandbox-protocol.ts";

const scope = globalThis as unknown as typeof globalThis & Record<string, unknown> & { Math: Math };

// The frame sends exactly one message: the snippet and the port its reply goes back on.
let started = false;
apply(addListener, scope, [
  "message",
  (event: MessageEvent<WorkerStart>) => {
    if (started) return;
    started = true;
    const port = event.ports[0];
    const js: unknown = event.data?.js;
    const inputs: unknown = event.data?.inputs;
    if (!port || typeof js !== "string") return;
    // The runtime is loaded (this listener runs only after the worker's script has): the run's
    // time limit starts now, in the frame.
    apply(postOnPort, port, [{ started: true } satisfies WorkerStarted]);
    void run(js, port, readInputs(inputs));
  },
]);

// Daybook's Web APIs replace the worker's, and every other native global goes (postMessage,
// importScripts, fetch, XMLHttpRequest, WebSocket, indexedDB, caches, navigator, self…), as do the
// members of the global's prototypes (addEventListener…): snippet code finds the same names as at
// build, and has no way to message the frame (the listener above was added with a captured copy).
installRealm(scope);

/**
 * A real macrotask of the worker: two round trips on a native MessageChannel made now, before any
 * snippet code exists (the global MessageChannel is Daybook's own, whose messages are virtual
 * tasks). Two, so that an unhandledrejection event queued by the task that just ran (a listener
 * that threw) fires first and ends the run, as the build's host reports it before its next step.
 */
function macrotaskChannel(): () => Promise<void> {
  const channel = new NativeMessageChannel();
  const sender: MessagePort = apply(channelPort2, channel, []);
  let wake: (() => void) | undefined;
  let bounces = 0;
  apply(setPortHandler, apply(channelPort1, channel, []), [
    () => {
      if (++bounces < 2) return apply(postOnPort, sender, [0]);
      const resume = wake;
      wake = undefined;
      resume?.();
    },
  ]);
  return () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      bounces = 0;
      apply(postOnPort, sender, [0]);
    });
}

/**
 * The reader's control values, read before any snippet code exists: own string values of a
 * null-prototype record (a `__proto__` key is just a name), at most the bounded text's worth.
 */
function readInputs(text: unknown): Record<string, string> {
  const values = Object.create(null) as Record<string, string>;
  if (typeof text !== "string" || text.length > MAX_INPUTS_CHARS) return values;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return values;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return values;
  for (const [name, value] of Object.entries(parsed)) if (typeof value === "string") values[name] = value;
  return values;
}

async function run(js: string, port: MessagePort, inputs: Record<string, string>): Promise<void> {
  let output: unknown;
  let failed = true;
  let figures: unknown = "";
  try {
    const { host, sourceName } = browserHost(js);
    const result = await runSnippet(js, host, sourceName, inputs);
    output = result.output;
    failed = hasOwn(result, "error");
    // The figures' JSON texts, one a line; the page checks them again (src/figures/run-figures.ts).
    if (hasOwn(result, "figures")) figures = apply(joinArray, result.figures, ["\n"]);
  } catch {
    output = "Error: the snippet runtime failed";
  }
  const text = typeof output === "string" ? output : "Error: the snippet's output could not be read";
  const shown = typeof figures === "string" ? apply(sliceString, figures, [0, MAX_FIGURE_CHARS]) : "";
  // Only primitives go into a fresh literal, so cloning the reply runs no snippet code.
  const reply: WorkerReply = { output: text.length > SHOWN_OUTPUT_CHARS ? `${apply(sliceString, text, [0, SHOWN_OUTPUT_CHARS])}\n${TRUNCATED_NOTE}` : text, failed, figures: shown };
  apply(postOnPort, port, [reply]);
  apply(closePort, port, []);
}

function browserHost(js: string): { host: SnippetHost; sourceName: string } {
  // The snippet becomes a blob: module; its first line shares the wrapper's line, so lines match the source.
  const source = `export default async function (require, exports, module) {${js}\n}`;
  const url: string = apply(createObjectURL, NativeURL, [new NativeBlob([source], { type: "text/javascript" })]);
  const host: SnippetHost = {
    global: scope,
    macrotask: macrotaskChannel(),
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
