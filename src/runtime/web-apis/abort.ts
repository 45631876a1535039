/** DOM's AbortController and AbortSignal (with `abort`, `any` and `timeout` on the virtual clock). */
import { defineInspect, inspectFields, invalidThis, webidlClass } from "./define.ts";
import { DOMException } from "./dom-exception.ts";
import { dispatch, Event, EventTarget, signalHooks, stateOf } from "./events.ts";

interface SignalState {
  aborted: boolean;
  reason: unknown;
  algorithms: (() => void)[];
  handler: unknown;
  handlerInstalled: boolean;
}
const signals = new WeakMap<object, SignalState>();
let constructing = false;

function signalState(self: unknown): SignalState {
  const state = signals.get(self as object);
  if (!state) throw invalidThis("AbortSignal");
  return state;
}

function createSignal(): AbortSignal {
  constructing = true;
  try {
    return new AbortSignal();
  } finally {
    constructing = false;
  }
}

/** The standard's "signal abort": record the reason, run what depends on it, fire `abort`. */
function signalAbort(signal: AbortSignal, reason: unknown): void {
  const state = signalState(signal);
  if (state.aborted) return;
  state.aborted = true;
  state.reason = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
  const algorithms = state.algorithms.splice(0);
  for (const run of algorithms) run();
  const event = new Event("abort");
  dispatch(signal, event, stateOf(event));
}

export class AbortSignal extends EventTarget {
  constructor() {
    if (!constructing) throw Object.assign(new TypeError("Illegal constructor"), { code: "ERR_ILLEGAL_CONSTRUCTOR" });
    super();
    signals.set(this, { aborted: false, reason: undefined, algorithms: [], handler: null, handlerInstalled: false });
  }
  static abort(reason?: unknown): AbortSignal {
    const signal = createSignal();
    signalAbort(signal, reason);
    return signal;
  }
  static any(list: Iterable<unknown>): AbortSignal {
    const result = createSignal();
    const sources = [...list];
    for (const source of sources) signalState(source);
    const aborted = sources.find((source) => signalState(source).aborted);
    if (aborted) signalAbort(result, signalState(aborted).reason);
    else for (const source of sources) signalState(source).algorithms.push(() => signalAbort(result, signalState(source).reason));
    return result;
  }
  static timeout(milliseconds: unknown): AbortSignal {
    const delay = Number(milliseconds);
    if (!Number.isFinite(delay) || delay < 0) {
      throw Object.assign(new RangeError(`The value of "delay" is out of range. It must be >= 0 && <= 9007199254740991. Received ${String(milliseconds)}`), { code: "ERR_OUT_OF_RANGE" });
    }
    const setTimer = (globalThis as { setTimeout?: (run: () => void, ms: number) => unknown }).setTimeout;
    if (typeof setTimer !== "function") throw new DOMException("AbortSignal.timeout needs timers", "NotSupportedError");
    const signal = createSignal();
    setTimer(() => signalAbort(signal, new DOMException("The operation was aborted due to timeout", "TimeoutError")), delay);
    return signal;
  }
  get aborted(): boolean {
    return signalState(this).aborted;
  }
  get reason(): unknown {
    return signalState(this).reason;
  }
  throwIfAborted(): void {
    const state = signalState(this);
    if (state.aborted) throw state.reason;
  }
  get onabort(): unknown {
    return signalState(this).handler;
  }
  set onabort(value: unknown) {
    const state = signalState(this);
    state.handler = typeof value === "function" || (typeof value === "object" && value !== null) ? value : null;
    if (!state.handlerInstalled) {
      state.handlerInstalled = true;
      // An event handler attribute is one listener, registered where it was first set.
      this.addEventListener("abort", (event: unknown) => {
        const handler = state.handler;
        if (typeof handler === "function") Reflect.apply(handler, this, [event]);
      });
    }
  }
}
webidlClass(AbortSignal, "AbortSignal");
defineInspect(AbortSignal.prototype, function (depth, options, inspect) {
  return inspectFields(this, "AbortSignal", { aborted: this.aborted }, depth, options, inspect);
});

signalHooks.isSignal = (value) => signals.has(value as object);
signalHooks.aborted = (value) => signalState(value).aborted;
signalHooks.onAbort = (value, run) => void signalState(value).algorithms.push(run);

const controllers = new WeakMap<object, AbortSignal>();

export class AbortController {
  constructor() {
    controllers.set(this, createSignal());
  }
  get signal(): AbortSignal {
    const signal = controllers.get(this);
    if (!signal) throw invalidThis("AbortController");
    return signal;
  }
  abort(reason?: unknown): void {
    signalAbort(this.signal, reason);
  }
}
webidlClass(AbortController, "AbortController");
defineInspect(AbortController.prototype, function (depth, options, inspect) {
  return inspectFields(this, "AbortController", { signal: this.signal }, depth, options, inspect);
});
