/**
 * HTML's MessageChannel, MessagePort and MessageEvent within one realm. A message is cloned when
 * it is posted (so the sender's errors are thrown there, and its buffers count against the
 * budget) and delivered as a task of its own: a zero-delay timer on the runtime's virtual clock,
 * so it arrives after the microtasks of the current task and in the order it was posted, at
 * build and in the browser alike. As in browsers, a port receives nothing until it is started:
 * setting `onmessage` starts it, `addEventListener("message", …)` needs `start()`.
 */
import { defineInspect, inspectFields, invalidThis, webidlClass } from "./define.ts";
import { DOMException } from "./dom-exception.ts";
import { dispatch, Event, EventTarget, stateOf } from "./events.ts";
import { registerPlatformObject, structuredClone } from "./structured-clone.ts";

interface Pending {
  data: unknown;
  ports: MessagePort[];
}

interface PortState {
  partner: MessagePort | null;
  started: boolean;
  closed: boolean;
  /** Messages that arrived before the port was started. */
  queue: Pending[];
  handlers: Record<string, unknown>;
}
const ports = new WeakMap<object, PortState>();
let constructing = false;

function portState(self: unknown): PortState {
  const state = ports.get(self as object);
  if (!state) throw invalidThis("MessagePort");
  return state;
}

function createPort(): MessagePort {
  constructing = true;
  try {
    return new MessagePort();
  } finally {
    constructing = false;
  }
}

/** Queues one task on the realm's timers (the runtime's virtual clock), read when needed. */
function queueTask(run: () => void): void {
  const setTimer = (globalThis as { setTimeout?: (run: () => void, ms: number) => unknown }).setTimeout;
  if (typeof setTimer !== "function") throw new DOMException("MessagePort needs timers", "NotSupportedError");
  setTimer(run, 0);
}

function deliverLater(port: MessagePort, message: Pending): void {
  queueTask(() => {
    const state = ports.get(port)!;
    if (state.closed) return;
    const event = new MessageEvent("message", { data: message.data, ports: message.ports });
    dispatch(port, event, stateOf(event));
  });
}

function receive(port: MessagePort, message: Pending): void {
  const state = ports.get(port)!;
  if (state.closed) return;
  if (state.started) deliverLater(port, message);
  else state.queue.push(message);
}

function transferList(options: unknown): unknown[] {
  if (options === undefined || options === null) return [];
  if (typeof options !== "object") throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': The provided value cannot be converted to a sequence.");
  if (Symbol.iterator in options) return [...(options as Iterable<unknown>)];
  const transfer = (options as { transfer?: unknown }).transfer;
  return transfer === undefined ? [] : [...(transfer as Iterable<unknown>)];
}

export class MessagePort extends EventTarget {
  constructor() {
    if (!constructing) throw Object.assign(new TypeError("Illegal constructor"), { code: "ERR_ILLEGAL_CONSTRUCTOR" });
    super();
    ports.set(this, { partner: null, started: false, closed: false, queue: [], handlers: {} });
  }
  postMessage(message: unknown, transfer?: unknown): void {
    const state = portState(this);
    if (arguments.length === 0) throw Object.assign(new TypeError('The "message" argument must be specified'), { code: "ERR_MISSING_ARGS" });
    const list = transferList(transfer);
    const moved: MessagePort[] = [];
    const others: unknown[] = [];
    for (const item of list) {
      if (!ports.has(item as object)) others.push(item);
      else if (item === this) throw new DOMException("Transfer list contains source port", "DataCloneError");
      else if (moved.includes(item as MessagePort)) throw new DOMException("Transfer list contains duplicate", "DataCloneError");
      else if (ports.get(item as object)!.closed) throw new DOMException("MessagePort in transfer list is already detached", "DataCloneError");
      else moved.push(item as MessagePort);
    }
    const data = structuredClone(message, { transfer: others });
    // Each transferred port hands its entanglement (and unread messages) to a fresh port, and is closed.
    const fresh = moved.map((old) => {
      const oldState = ports.get(old)!;
      const port = createPort();
      const newState = ports.get(port)!;
      newState.partner = oldState.partner;
      newState.queue = oldState.queue;
      if (oldState.partner) ports.get(oldState.partner)!.partner = port;
      Object.assign(oldState, { partner: null, closed: true, queue: [] });
      return port;
    });
    if (state.partner && !state.closed) receive(state.partner, { data, ports: fresh });
  }
  start(): void {
    const state = portState(this);
    if (state.started || state.closed) return;
    state.started = true;
    for (const message of state.queue.splice(0)) deliverLater(this, message);
  }
  close(): void {
    const state = portState(this);
    state.closed = true;
    state.queue = [];
    if (state.partner) ports.get(state.partner)!.partner = null;
    state.partner = null;
  }
  get onmessage(): unknown {
    return portState(this).handlers["message"] ?? null;
  }
  set onmessage(value: unknown) {
    setHandler(this, "message", value);
    this.start();
  }
  get onmessageerror(): unknown {
    return portState(this).handlers["messageerror"] ?? null;
  }
  set onmessageerror(value: unknown) {
    setHandler(this, "messageerror", value);
  }
}
webidlClass(MessagePort, "MessagePort");
defineInspect(MessagePort.prototype, function (depth, options, inspect) {
  portState(this);
  return inspectFields(this, "MessagePort", {}, depth, options, inspect);
});
registerPlatformObject((value) => ports.has(value), null);

/** An event handler attribute: one listener, registered where the handler was first set. */
function setHandler(port: MessagePort, type: string, value: unknown): void {
  const state = portState(port);
  const installed = type in state.handlers;
  state.handlers[type] = typeof value === "function" || (typeof value === "object" && value !== null) ? value : null;
  if (installed) return;
  port.addEventListener(type, (event: unknown) => {
    const handler = state.handlers[type];
    if (typeof handler === "function") Reflect.apply(handler, port, [event]);
  });
}

const channels = new WeakMap<object, [MessagePort, MessagePort]>();

export class MessageChannel {
  constructor() {
    const port1 = createPort();
    const port2 = createPort();
    ports.get(port1)!.partner = port2;
    ports.get(port2)!.partner = port1;
    channels.set(this, [port1, port2]);
  }
  get port1(): MessagePort {
    return channelPorts(this)[0];
  }
  get port2(): MessagePort {
    return channelPorts(this)[1];
  }
}
function channelPorts(self: unknown): [MessagePort, MessagePort] {
  const found = channels.get(self as object);
  if (!found) throw invalidThis("MessageChannel");
  return found;
}
webidlClass(MessageChannel, "MessageChannel");
defineInspect(MessageChannel.prototype, function (depth, options, inspect) {
  return inspectFields(this, "MessageChannel", { port1: this.port1, port2: this.port2 }, depth, options, inspect);
});

interface MessageEventFields {
  data: unknown;
  origin: string;
  lastEventId: string;
  source: unknown;
  ports: readonly MessagePort[];
}
const messageEvents = new WeakMap<object, MessageEventFields>();

function fields(self: unknown): MessageEventFields {
  const found = messageEvents.get(self as object);
  if (!found) throw invalidThis("MessageEvent");
  return found;
}

export class MessageEvent extends Event {
  constructor(type: unknown, init: unknown = {}) {
    if (arguments.length === 0) throw Object.assign(new TypeError('The "type" argument must be specified'), { code: "ERR_MISSING_ARGS" });
    super(type, init);
    const options = (init ?? {}) as Partial<MessageEventFields>;
    const list = options.ports === undefined ? [] : [...(options.ports as Iterable<MessagePort>)];
    messageEvents.set(this, {
      data: options.data === undefined ? null : options.data,
      origin: options.origin === undefined ? "" : `${options.origin}`,
      lastEventId: options.lastEventId === undefined ? "" : `${options.lastEventId}`,
      source: options.source ?? null,
      ports: Object.freeze(list),
    });
  }
  get data(): unknown {
    return fields(this).data;
  }
  get origin(): string {
    return fields(this).origin;
  }
  get lastEventId(): string {
    return fields(this).lastEventId;
  }
  get source(): unknown {
    return fields(this).source;
  }
  get ports(): readonly MessagePort[] {
    return fields(this).ports;
  }
}
webidlClass(MessageEvent, "MessageEvent");
