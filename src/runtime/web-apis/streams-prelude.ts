/**
 * Evaluated just before web-streams-polyfill (streams.ts imports it first): the polyfill takes
 * `globalThis.DOMException` when it loads, which is the browser's own in a worker and missing at
 * build, so Daybook's DOMException is put there first and both runtimes get the same one.
 */
import { defineGlobal } from "./define.ts";
import { DOMException } from "./dom-exception.ts";

defineGlobal(globalThis, "DOMException", DOMException);
