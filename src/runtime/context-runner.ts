// Evaluated inside each snippet's own vm context by the build's snippet host (bundled on its
// own, see src/integration/snippets/runtime-bundle.ts). Everything a snippet can reach —
// console, timers, Date, the Web APIs, daybook/sim, daybook/show — is created here, in the snippet's realm,
// so no object of the build's realm is ever within its reach.
import * as sim from "../sim/index.ts";
import { installRealm } from "./realm.ts";
import { runSnippet, type SnippetFunction } from "./run-snippet.ts";

/** What the host reads after each step: own data properties holding primitives only. */
export interface RunnerState {
  done: boolean;
  /** The runtime is waiting for the host's next step. */
  waiting: boolean;
  output: string;
  error: string;
  /** The figures' JSON texts, one a line (JSON text holds no raw line break). */
  figures: string;
  /** The declared controls' JSON text, or "". */
  controls: string;
}

/** The handle the host keeps; the snippet never sees it (it lives in a closure and a lexical binding). */
export interface ContextRunner {
  state: RunnerState;
  /** Starts the snippet; `factory` returns its function once the runtime has set up its globals. */
  start(factory: () => SnippetFunction, sourceName: string): void;
  /** Ends the current wait for a macrotask; the host then lets the context's microtasks run. */
  step(): void;
  /** The host saw a promise of this context rejected with nobody handling it. */
  unhandled(reason: unknown): void;
}

export function createContextRunner(): ContextRunner {
  const global = globalThis as unknown as Record<string, unknown> & { Math: Math };
  installRealm(globalThis);
  const rejections: ((reason: unknown) => void)[] = [];
  let wake: (() => void) | undefined;
  const state: RunnerState = Object.assign(Object.create(null) as RunnerState, { done: false, waiting: false, output: "", error: "", figures: "", controls: "" });
  return {
    state,
    start(factory, sourceName) {
      void runSnippet(
        "",
        {
          global,
          modules: { "daybook/sim": sim },
          // Only the host process hears of unhandled rejections; it passes them back through unhandled().
          onUnhandledRejection: (handler) => rejections.push(handler),
          compile: () => factory(),
          macrotask: () =>
            new Promise<void>((resolve) => {
              state.waiting = true;
              wake = resolve;
            }),
        },
        sourceName,
      ).then(
        (result) => {
          state.output = result.output;
          state.error = result.error ?? "";
          state.figures = (result.figures ?? []).join("\n");
          state.controls = result.controls ?? "";
          state.done = true;
        },
        (reason: unknown) => {
          state.output = `Error: the snippet broke Daybook's runtime (${typeof reason})`;
          state.error = state.output;
          state.done = true;
        },
      );
    },
    step() {
      const resume = wake;
      wake = undefined;
      state.waiting = false;
      resume?.();
    },
    unhandled(reason) {
      for (const handler of rejections) handler(reason);
    },
  };
}
