/**
 * DOM's Event and EventTarget, for targets outside a document tree (no capture or bubble path:
 * the target is the whole path). Written here rather than taken from event-target-shim, which
 * chains its prototypes to the host's own Event when one exists (so it would differ between the
 * build and a browser), stamps events with the wall clock and prints warnings to the console.
 * A listener that throws does not stop the others: its error is rethrown as an unhandled
 * rejection, which the snippet runner reports, like Node's uncaught exception.
 */
import { defineInspect, invalidArgType, invalidThis, received, webidlClass } from "./define.ts";
import { DOMException } from "./dom-exception.ts";

interface EventState {
  type: string;
  bubbles: boolean;
  cancelable: boolean;
  composed: boolean;
  timeStamp: number;
  target: EventTarget | null;
  currentTarget: EventTarget | null;
  phase: number;
  canceled: boolean;
  stop: boolean;
  stopImmediate: boolean;
  inPassiveListener: boolean;
  dispatching: boolean;
  initialized: boolean;
}
const events = new WeakMap<object, EventState>();

function eventState(self: unknown): EventState {
  const state = events.get(self as object);
  if (!state) throw invalidThis("Event");
  return state;
}

/** Virtual time when the runtime has installed its clock (`performance.now`), so output stays deterministic. */
function now(): number {
  const performance = (globalThis as { performance?: { now?: () => number } }).performance;
  try {
    return typeof performance?.now === "function" ? performance.now() : 0;
  } catch {
    return 0;
  }
}

export class Event {
  declare static readonly NONE: 0;
  declare static readonly CAPTURING_PHASE: 1;
  declare static readonly AT_TARGET: 2;
  declare static readonly BUBBLING_PHASE: 3;
  constructor(type: unknown, init: unknown = {}) {
    if (arguments.length === 0) throw Object.assign(new TypeError('The "type" argument must be specified'), { code: "ERR_MISSING_ARGS" });
    const options = (init ?? {}) as { bubbles?: unknown; cancelable?: unknown; composed?: unknown };
    events.set(this, {
      type: `${type as string}`,
      bubbles: Boolean(options.bubbles),
      cancelable: Boolean(options.cancelable),
      composed: Boolean(options.composed),
      timeStamp: now(),
      target: null,
      currentTarget: null,
      phase: 0,
      canceled: false,
      stop: false,
      stopImmediate: false,
      inPassiveListener: false,
      dispatching: false,
      initialized: true,
    });
  }
  get type(): string {
    return eventState(this).type;
  }
  get target(): EventTarget | null {
    return eventState(this).target;
  }
  get srcElement(): EventTarget | null {
    return eventState(this).target;
  }
  get currentTarget(): EventTarget | null {
    return eventState(this).currentTarget;
  }
  composedPath(): EventTarget[] {
    const { currentTarget } = eventState(this);
    return currentTarget ? [currentTarget] : [];
  }
  get eventPhase(): number {
    return eventState(this).phase;
  }
  stopPropagation(): void {
    eventState(this).stop = true;
  }
  get cancelBubble(): boolean {
    return eventState(this).stop;
  }
  set cancelBubble(value: unknown) {
    if (value) eventState(this).stop = true;
  }
  stopImmediatePropagation(): void {
    const state = eventState(this);
    state.stop = state.stopImmediate = true;
  }
  get bubbles(): boolean {
    return eventState(this).bubbles;
  }
  get cancelable(): boolean {
    return eventState(this).cancelable;
  }
  get returnValue(): boolean {
    return !eventState(this).canceled;
  }
  set returnValue(value: unknown) {
    if (!value) cancel(eventState(this));
  }
  preventDefault(): void {
    cancel(eventState(this));
  }
  get defaultPrevented(): boolean {
    return eventState(this).canceled;
  }
  get composed(): boolean {
    return eventState(this).composed;
  }
  get isTrusted(): boolean {
    eventState(this);
    return false;
  }
  get timeStamp(): number {
    return eventState(this).timeStamp;
  }
  initEvent(type: unknown, bubbles = false, cancelable = false): void {
    const state = eventState(this);
    if (state.dispatching) return;
    Object.assign(state, { type: `${type as string}`, bubbles: Boolean(bubbles), cancelable: Boolean(cancelable), canceled: false, stop: false, stopImmediate: false, target: null });
  }
}

function cancel(state: EventState): void {
  if (state.cancelable && !state.inPassiveListener) state.canceled = true;
}

webidlClass(Event, "Event");
for (const [key, value] of Object.entries({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 })) {
  Object.defineProperty(Event, key, { value, writable: false, enumerable: true, configurable: false });
  Object.defineProperty(Event.prototype, key, { value, writable: false, enumerable: true, configurable: false });
}

defineInspect(Event.prototype, function (depth, options, inspect) {
  const state = eventState(this);
  const name = String((this.constructor as { name?: unknown } | undefined)?.name ?? "Event");
  if (depth < 0) return name;
  const fields = { type: state.type, defaultPrevented: state.canceled, cancelable: state.cancelable, timeStamp: state.timeStamp };
  return `${name} ${inspect(fields, { ...options, depth: Number.isInteger(options.depth) ? (options.depth as number) - 1 : options.depth })}`;
});

type Callback = ((event: Event) => unknown) | { handleEvent(event: Event): unknown };
interface Listener {
  type: string;
  callback: Callback;
  capture: boolean;
  once: boolean;
  passive: boolean;
  removed: boolean;
}
const targets = new WeakMap<object, Listener[]>();

function listenersOf(self: unknown): Listener[] {
  const list = targets.get(self as object);
  if (!list) throw invalidThis("EventTarget");
  return list;
}

function flatten(options: unknown): { capture: boolean; once: boolean; passive: boolean; signal: unknown } {
  if (typeof options !== "object" || options === null) return { capture: Boolean(options), once: false, passive: false, signal: undefined };
  const { capture, once, passive, signal } = options as Record<string, unknown>;
  return { capture: Boolean(capture), once: Boolean(once), passive: Boolean(passive), signal };
}

/** Abort hooks so `addEventListener(…, { signal })` works without a cycle between this file and abort.ts. */
export const signalHooks: {
  isSignal(value: unknown): boolean;
  aborted(signal: unknown): boolean;
  onAbort(signal: unknown, run: () => void): void;
} = { isSignal: () => false, aborted: () => false, onAbort: () => {} };

export class EventTarget {
  constructor() {
    targets.set(this, []);
  }
  addEventListener(type: unknown, callback: unknown, options?: unknown): void {
    const list = listenersOf(this);
    if (arguments.length < 2) throw Object.assign(new TypeError('The "type" and "listener" arguments must be specified'), { code: "ERR_MISSING_ARGS" });
    const { capture, once, passive, signal } = flatten(options);
    if (signal !== undefined && !signalHooks.isSignal(signal)) {
      throw Object.assign(new TypeError('The "options.signal" property must be an instance of AbortSignal.'), { code: "ERR_INVALID_ARG_TYPE" });
    }
    if (callback === null || callback === undefined) return;
    if (typeof callback !== "function" && typeof callback !== "object") {
      throw Object.assign(new TypeError('The "listener" argument must be an instance of EventListener.'), { code: "ERR_INVALID_ARG_TYPE" });
    }
    if (signal !== undefined && signalHooks.aborted(signal)) return;
    const name = `${type as string}`;
    if (list.some((l) => l.type === name && l.callback === callback && l.capture === capture)) return;
    const listener: Listener = { type: name, callback: callback as Callback, capture, once, passive, removed: false };
    list.push(listener);
    if (signal !== undefined) signalHooks.onAbort(signal, () => removeListener(list, listener));
  }
  removeEventListener(type: unknown, callback: unknown, options?: unknown): void {
    const list = listenersOf(this);
    const { capture } = flatten(options);
    const found = list.find((l) => l.type === `${type as string}` && l.callback === callback && l.capture === capture);
    if (found) removeListener(list, found);
  }
  dispatchEvent(event: unknown): boolean {
    listenersOf(this);
    const state = events.get(event as object);
    if (!state) throw invalidArgType(`The "event" argument must be an instance of Event. ${received(event)}`);
    if (state.dispatching || !state.initialized) throw new DOMException("The event is already being dispatched", "InvalidStateError");
    dispatch(this, event as Event, state);
    return !state.canceled;
  }
}

function removeListener(list: Listener[], listener: Listener): void {
  listener.removed = true;
  const index = list.indexOf(listener);
  if (index >= 0) list.splice(index, 1);
}

/** Dispatches at a target with no parents: capture listeners, then the others, all at AT_TARGET. */
export function dispatch(target: EventTarget, event: Event, state: EventState): void {
  state.dispatching = true;
  state.target = state.currentTarget = target;
  state.phase = 2;
  const list = listenersOf(target);
  const snapshot = [...list.filter((l) => l.capture), ...list.filter((l) => !l.capture)];
  for (const listener of snapshot) {
    if (state.stopImmediate) break;
    if (listener.removed || listener.type !== state.type) continue;
    if (listener.once) removeListener(list, listener);
    state.inPassiveListener = listener.passive;
    try {
      const { callback } = listener;
      if (typeof callback === "function") Reflect.apply(callback, target, [event]);
      else Reflect.apply(callback.handleEvent as (e: Event) => unknown, callback, [event]);
    } catch (error) {
      // Reported once the dispatch is over, as an unhandled rejection (the platform reports it too, and goes on).
      void Promise.reject(error);
    }
    state.inPassiveListener = false;
  }
  Object.assign(state, { dispatching: false, currentTarget: null, phase: 0, stop: false, stopImmediate: false });
}

/** For subclasses that need an event's internal state (AbortSignal fires its own events). */
export function stateOf(event: Event): EventState {
  return eventState(event);
}

webidlClass(EventTarget, "EventTarget");
defineInspect(EventTarget.prototype, function (depth, options, inspect) {
  listenersOf(this);
  const name = String((this.constructor as { name?: unknown } | undefined)?.name ?? "EventTarget");
  if (depth < 0) return name;
  return `${name} ${inspect({}, { ...options, depth: Number.isInteger(options.depth) ? (options.depth as number) - 1 : options.depth })}`;
});
