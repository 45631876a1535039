/**
 * The ECMAScript globals a snippet's realm keeps. installRealm removes every other global it did
 * not install itself, so a browser worker's own natives (XMLHttpRequest, WebSocket, indexedDB,
 * caches, navigator, importScripts, self, postMessage…) and anything an engine adds ahead of the
 * other are gone from both runtimes, and a snippet sees the same names at build and in a tab.
 * (SharedArrayBuffer is removed by the allocation budget: a sandboxed worker has none.)
 */
export const ECMASCRIPT_GLOBALS: readonly string[] = [
  "AggregateError", "Array", "ArrayBuffer", "AsyncDisposableStack", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array",
  "Boolean", "DataView", "Date", "DisposableStack", "Error", "EvalError", "FinalizationRegistry", "Float16Array", "Float32Array",
  "Float64Array", "Function", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "Iterator", "JSON", "Map", "Math",
  "NaN", "Number", "Object", "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Set", "String",
  "SuppressedError", "Symbol", "SyntaxError", "Temporal", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array",
  "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "WebAssembly", "decodeURI", "decodeURIComponent", "encodeURI",
  "encodeURIComponent", "escape", "eval", "globalThis", "isFinite", "isNaN", "parseFloat", "parseInt", "undefined", "unescape",
];

const { deleteProperty, getPrototypeOf, ownKeys } = Reflect;

/**
 * Deletes every global of `global` not named in `keep`, and empties the prototypes between the
 * global object and Object.prototype (a worker's EventTarget.prototype, WorkerGlobalScope.prototype…),
 * so names resolve, and `globalThis` prints, as on the build's plain global object.
 * Returns the names that could not be deleted.
 */
export function pruneGlobals(global: object, keep: ReadonlySet<string>): string[] {
  const stuck: string[] = [];
  for (const key of ownKeys(global)) {
    if (typeof key === "string" && keep.has(key)) continue;
    if (!deleteProperty(global, key)) stuck.push(String(key));
  }
  for (let proto = getPrototypeOf(global); proto !== null && proto !== Object.prototype; proto = getPrototypeOf(proto)) {
    for (const key of ownKeys(proto)) if (!deleteProperty(proto, key)) stuck.push(String(key));
  }
  return stuck;
}
