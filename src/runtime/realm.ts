/**
 * Prepares the realm a snippet runs in, before any snippet code exists: installs Daybook's own
 * pure implementations of the Web APIs snippets may use (the same code at build, inside a fresh
 * vm context that has only ECMAScript's built-ins, and in the browser worker, over its natives,
 * so behaviour and printing match), deterministic Math functions, seeded crypto, a refusing
 * fetch, guards on eval and the Function constructors, and the allocation budget; then removes
 * every other global, so both runtimes offer the same names. Nothing here reads a global that a
 * bare ECMAScript realm lacks, and nothing uses eval, `new Function` or WebAssembly compilation.
 */
import { AbortController, AbortSignal } from "./web-apis/abort.ts";
import { DEFAULT_ALLOCATION_LIMIT, installAllocationBudget } from "./web-apis/allocation-budget.ts";
import { atob, btoa } from "./web-apis/base64.ts";
import { Blob } from "./web-apis/blob.ts";
import { installCodeGenerationGuard } from "./web-apis/code-generation.ts";
import { createCrypto, Crypto, reseedCrypto } from "./web-apis/crypto.ts";
import { defineGlobal } from "./web-apis/define.ts";
import { DOMException } from "./web-apis/dom-exception.ts";
import { Event, EventTarget } from "./web-apis/events.ts";
import { ECMASCRIPT_GLOBALS, pruneGlobals } from "./web-apis/global-names.ts";
import { MessageChannel, MessageEvent, MessagePort } from "./web-apis/message-channel.ts";
import { fetch } from "./web-apis/network.ts";
import { queueMicrotask } from "./web-apis/queue-microtask.ts";
import { STREAM_GLOBALS } from "./web-apis/streams.ts";
import { structuredClone } from "./web-apis/structured-clone.ts";
import { TextDecoder, TextEncoder } from "./web-apis/text-encoding.ts";
import { URL } from "./web-apis/url.ts";
import { URLSearchParams } from "./web-apis/url-search-params.ts";
import { installMath } from "./math/install-math.ts";

export { allocatedBytes, chargeAllocation, DEFAULT_ALLOCATION_LIMIT } from "./web-apis/allocation-budget.ts";

export interface RealmOptions {
  /** Bytes of buffers a snippet may allocate in total (default 256 MiB). */
  allocationLimitBytes?: number;
}

/** The globals installRealm defines (replacing any native ones). */
export const REALM_GLOBALS = {
  URL,
  URLSearchParams,
  TextEncoder,
  TextDecoder,
  structuredClone,
  atob,
  btoa,
  queueMicrotask,
  EventTarget,
  Event,
  AbortController,
  AbortSignal,
  DOMException,
  Blob,
  Crypto,
  MessageChannel,
  MessagePort,
  MessageEvent,
  fetch,
  ...STREAM_GLOBALS,
} as const;

/** What the runtime (run-snippet.ts) adds for each run, after installRealm. */
export const RUNTIME_GLOBALS = ["console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"] as const;

/** The globals installRealm leaves (`crypto` is the one instance of Crypto); the runtime's own are added for each run. */
const REALM_NAMES: ReadonlySet<string> = new Set([...ECMASCRIPT_GLOBALS, ...Object.keys(REALM_GLOBALS), "crypto"]);

/** Every global a snippet finds, at build and in the browser. */
export const SNIPPET_GLOBALS: ReadonlySet<string> = new Set([...REALM_NAMES, ...RUNTIME_GLOBALS]);

/**
 * Installs the Web APIs and the allocation budget onto `global`, which must be the global object
 * of the realm this module was evaluated in. Call it once per realm, before snippet code runs.
 */
export function installRealm(global: typeof globalThis, options: RealmOptions = {}): void {
  for (const [name, value] of Object.entries(REALM_GLOBALS)) {
    // A minifier may have renamed the functions; a global's name is part of the API.
    if (typeof value === "function" && value.name !== name) Object.defineProperty(value, "name", { value: name });
    defineGlobal(global, name, value);
  }
  reseedCrypto();
  defineGlobal(global, "crypto", createCrypto());
  installMath(global.Math);
  installCodeGenerationGuard(global);
  installAllocationBudget(global, options.allocationLimitBytes ?? DEFAULT_ALLOCATION_LIMIT);
  pruneGlobals(global, REALM_NAMES);
}
