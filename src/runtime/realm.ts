/**
 * Prepares the realm a snippet runs in, before any snippet code exists: installs Daybook's own
 * pure implementations of the Web APIs snippets may use (the same code at build, inside a fresh
 * vm context that has only ECMAScript's built-ins, and in the browser worker, over its natives,
 * so behaviour and printing match) and the allocation budget. Nothing here reads a global that a
 * bare ECMAScript realm lacks, and nothing uses eval, `new Function` or WebAssembly compilation.
 */
import { AbortController, AbortSignal } from "./web-apis/abort.ts";
import { DEFAULT_ALLOCATION_LIMIT, installAllocationBudget } from "./web-apis/allocation-budget.ts";
import { atob, btoa } from "./web-apis/base64.ts";
import { Blob } from "./web-apis/blob.ts";
import { defineGlobal } from "./web-apis/define.ts";
import { DOMException } from "./web-apis/dom-exception.ts";
import { Event, EventTarget } from "./web-apis/events.ts";
import { queueMicrotask } from "./web-apis/queue-microtask.ts";
import { structuredClone } from "./web-apis/structured-clone.ts";
import { TextDecoder, TextEncoder } from "./web-apis/text-encoding.ts";
import { URL } from "./web-apis/url.ts";
import { URLSearchParams } from "./web-apis/url-search-params.ts";

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
} as const;

/**
 * Installs the Web APIs and the allocation budget onto `global`, which must be the global object
 * of the realm this module was evaluated in. Call it once per realm, before snippet code runs.
 */
export function installRealm(global: typeof globalThis, options: RealmOptions = {}): void {
  for (const [name, value] of Object.entries(REALM_GLOBALS)) defineGlobal(global, name, value);
  installAllocationBudget(global, options.allocationLimitBytes ?? DEFAULT_ALLOCATION_LIMIT);
}
