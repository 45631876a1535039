/**
 * What installRealm adds for "one output everywhere", tested in a codegen-free vm context as at
 * build: the exact set of globals (anything else a realm had is removed, as a browser worker's
 * natives are), seeded crypto without `subtle`, a refusing fetch, eval and the Function
 * constructors refusing with one message while staying transparent, and the allocation budget
 * covering streams, Blob streams and MessageChannel clones.
 */
import { build } from "esbuild";
import vm from "node:vm";
import { beforeAll, describe, expect, test } from "vitest";
import { ECMASCRIPT_GLOBALS } from "../../src/runtime/web-apis/global-names.ts";

let realmCode = "";
beforeAll(async () => {
  const bundle = await build({ entryPoints: ["src/runtime/realm.ts"], bundle: true, format: "iife", globalName: "DaybookRealm", platform: "neutral", mainFields: ["module", "main"], write: false, logLevel: "silent" });
  realmCode = bundle.outputFiles[0]!.text;
});

const contextOptions = { codeGeneration: { strings: false, wasm: false }, microtaskMode: "afterEvaluate" } as const;

/** A fresh realm; `before` runs in it first (natives a browser worker would have). */
function createRealm(options = "", before = "") {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, contextOptions);
  const run = (source: string): unknown => new vm.Script(source).runInContext(context);
  if (before) run(before);
  // A script's var is a global installRealm cannot delete, so the tests keep their handle on the bundle.
  run(`${realmCode}\nvar __realm = DaybookRealm;`);
  run(`__realm.installRealm(globalThis${options ? `, ${options}` : ""})`);
  const probe = (body: string): unknown => JSON.parse(run(`(() => { try { return JSON.stringify({ value: (() => { ${body}\n })() }); } catch (e) { return JSON.stringify({ threw: e.name + ": " + e.message }); } })()`) as string);
  return { context, run, probe };
}

const REALM_API = [
  "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "structuredClone", "atob", "btoa", "queueMicrotask", "EventTarget", "Event", "AbortController", "AbortSignal",
  "DOMException", "Blob", "Crypto", "crypto", "MessageChannel", "MessagePort", "MessageEvent", "fetch", "ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
  "ReadableStreamBYOBRequest", "ReadableStreamDefaultController", "ReadableByteStreamController", "WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController",
  "TransformStream", "TransformStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy",
];

describe("the realm's globals", () => {
  test("exactly ECMAScript's (less SharedArrayBuffer) and Daybook's Web APIs", () => {
    const { run } = createRealm();
    const names = (JSON.parse(run(`JSON.stringify(Object.getOwnPropertyNames(globalThis).filter((n) => n !== "__realm" && n !== "DaybookRealm"))`) as string) as string[]).sort();
    expect(names).toEqual([...new Set([...ECMASCRIPT_GLOBALS, ...REALM_API])].sort());
    const present = new Set(names);
    for (const name of ["SharedArrayBuffer", "console"]) expect([name, present.has(name)]).toEqual([name, false]);
  });

  test("a worker's natives are removed, and the members of the global's own prototypes", () => {
    const { probe } = createRealm(
      "",
      `for (const name of ["XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "BroadcastChannel", "Worker", "navigator", "self", "postMessage", "onmessage"]) globalThis[name] = function () {};
       const scope = Object.create(Object.create(Object.prototype, { addEventListener: { value() {}, configurable: true } }), { [Symbol.toStringTag]: { value: "DedicatedWorkerGlobalScope", configurable: true } });
       Object.setPrototypeOf(globalThis, scope);`,
    );
    expect(probe(`return ["XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "BroadcastChannel", "Worker", "navigator", "self", "postMessage", "onmessage", "addEventListener"].filter((n) => n in globalThis)`)).toEqual({ value: [] });
    expect(probe(`return Object.prototype.toString.call(globalThis)`)).toEqual({ value: "[object Object]" });
  });

  test("installed over a realm's own natives (as in a worker), the realm's versions win", () => {
    const { probe } = createRealm("", `globalThis.fetch = () => "native"; globalThis.crypto = { subtle: {} }; globalThis.MessageChannel = function MessageChannel() {}; globalThis.ReadableStream = function ReadableStream() {};`);
    expect(probe(`return [typeof crypto.subtle, typeof new MessageChannel().port1.postMessage, typeof new ReadableStream().getReader, fetch.name]`)).toEqual({ value: ["undefined", "function", "function", "fetch"] });
  });

  test("functions keep their names even if a minifier renamed them", () => {
    const { probe } = createRealm();
    expect(probe(`return ${JSON.stringify(REALM_API)}.filter((n) => n !== "crypto" && globalThis[n].name !== n)`)).toEqual({ value: [] });
  });
});

describe("crypto", () => {
  test("seeded: every realm draws the same values, in order", () => {
    const body = `return [crypto.randomUUID(), [...crypto.getRandomValues(new Uint8Array(6))], [...crypto.getRandomValues(new Uint16Array(2))], crypto.randomUUID()]`;
    const first = createRealm().probe(body) as { value: unknown[] };
    expect(createRealm().probe(body)).toEqual(first);
    expect(first.value[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.value[0]).not.toBe(first.value[3]);
  });

  test("fills views in place without allocating, with Node's errors, and has no subtle", () => {
    const { probe } = createRealm();
    expect(probe(`const buffer = new ArrayBuffer(8); const view = new Uint8Array(buffer, 2, 4); const before = __realm.allocatedBytes(); const same = crypto.getRandomValues(view) === view; return [same, new Uint8Array(buffer)[0], new Uint8Array(buffer)[7], view.some((b) => b !== 0), __realm.allocatedBytes() - before]`)).toEqual({ value: [true, 0, 0, true, 0] });
    expect(probe(`return ["subtle" in crypto, typeof SubtleCrypto, typeof CryptoKey, Object.prototype.toString.call(crypto), crypto instanceof Crypto]`)).toEqual({ value: [false, "undefined", "undefined", "[object Crypto]", true] });
    const errors = `return [() => crypto.getRandomValues(new Float32Array(1)), () => crypto.getRandomValues(new DataView(new ArrayBuffer(1))), () => crypto.getRandomValues(new Uint8Array(65537)), () => crypto.getRandomValues(), () => new Crypto(), () => Crypto.prototype.randomUUID.call({})].map((f) => { try { f(); return "no error"; } catch (e) { return [e.name, e.message, e.code]; } })`;
    const host = new Function(errors.replace("() => new Crypto()", "() => new globalThis.crypto.constructor()"))() as unknown[];
    const ours = (probe(errors) as { value: unknown[] }).value;
    // Node's own messages; Node's ERR_INVALID_THIS for a foreign `this` reads the same.
    expect(ours).toEqual(host.map((e, i) => (i === 5 ? ["TypeError", 'Value of "this" must be of type Crypto', "ERR_INVALID_THIS"] : e)));
  });
});

describe("fetch", () => {
  test("rejects with one TypeError, whatever it is asked", async () => {
    const { run } = createRealm();
    run(`globalThis.out = []; for (const args of [["https://example.com"], ["/x", { method: "POST" }], []]) fetch(...args).then(() => out.push("resolved"), (e) => out.push(e instanceof TypeError, e.message));`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(JSON.parse(run(`JSON.stringify([out, fetch.name, fetch.length, typeof fetch("x").catch(() => {})])`) as string)).toEqual([[true, "snippets have no network access", true, "snippets have no network access", true, "snippets have no network access"], "fetch", 1, "object"]);
  });
});

describe("eval and the Function constructors", () => {
  const message = "EvalError: snippets cannot compile code from strings (eval and new Function are disabled)";

  test("every route refuses with the same EvalError", () => {
    const { probe } = createRealm();
    for (const route of [
      `eval("1")`,
      `(0, eval)("1")`,
      `globalThis.eval("1")`,
      `new Function("return 1")`,
      `Function("return 1")`,
      `(() => 1).constructor("return 1")`,
      `(async () => 1).constructor("return 1")`,
      `(function* () {}).constructor("yield 1")`,
      `(async function* () {}).constructor("yield 1")`,
      `Object.getPrototypeOf(async function () {}.constructor)("return 1")`,
      `Reflect.getPrototypeOf((async function* () {}).constructor).prototype.constructor("1")`,
      `Reflect.construct(Function, ["return 1"])`,
      `new (class extends Function {})()`,
      `Function.prototype.constructor.call(null, "1")`,
      `Function.apply(null, ["1"])`,
      `new URL("https://x").constructor.constructor("return 1")()`,
    ]) {
      expect([route, probe(route)]).toEqual([route, { threw: message }]);
    }
  });

  test("functions, classes and their prototypes behave as before", () => {
    const { probe } = createRealm();
    const body = `
      class A {} function f(a, b) {} const g = async () => {}; function* h() {}
      const AsyncFunction = g.constructor, GeneratorFunction = h.constructor;
      return [
        f instanceof Function, A instanceof Function, g instanceof Function, h instanceof Function, g instanceof AsyncFunction, h instanceof GeneratorFunction,
        Function.prototype === Object.getPrototypeOf(f), Function.prototype.constructor === Function, f.constructor === Function, A.constructor === Function,
        Object.getPrototypeOf(AsyncFunction) === Function, Object.getPrototypeOf(GeneratorFunction) === Function, AsyncFunction.prototype === Object.getPrototypeOf(g),
        Function.name, Function.length, AsyncFunction.name, GeneratorFunction.name, typeof Function.prototype.bind, f.bind(null).constructor === Function,
        Object.getOwnPropertyDescriptor(AsyncFunction.prototype, "constructor").writable, Object.getOwnPropertyDescriptor(Function.prototype, "constructor").writable,
        Object.getOwnPropertyDescriptor(globalThis, "eval").enumerable, eval.name, eval.length,
      ];`;
    expect(probe(body)).toEqual({ value: [true, true, true, true, true, true, true, true, true, true, true, true, true, "Function", 1, "AsyncFunction", "GeneratorFunction", "function", true, false, true, false, "eval", 1] });
  });
});

describe("the allocation budget covers what this adds", () => {
  test("Blob streams count each chunk they copy out", () => {
    const { run } = createRealm();
    run(`const blob = new Blob([new Uint8Array(150000)]); globalThis.before = __realm.allocatedBytes(); globalThis.sizes = []; (async () => { for await (const c of blob.stream()) sizes.push(c.length); globalThis.after = __realm.allocatedBytes(); })();`);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(JSON.parse(run(`JSON.stringify([sizes, after - before])`) as string)).toEqual([[65536, 65536, 18928], 150000]);
        resolve();
      }, 20),
    );
  });

  test("a message's clone counts, and a message past the limit is refused when posted", () => {
    const { probe } = createRealm(`{ allocationLimitBytes: 1000 }`);
    expect(probe(`const { port1 } = new MessageChannel(); const data = new Uint8Array(400); const before = __realm.allocatedBytes(); port1.postMessage(data); return __realm.allocatedBytes() - before`)).toEqual({ value: 400 });
    expect(probe(`const { port1 } = new MessageChannel(); port1.postMessage(new Uint8Array(300)); return "posted"`)).toEqual({ threw: "RangeError: the snippet allocated more than 1000 bytes of buffers (Daybook's limit)" });
  });

  test("byte streams allocate through the budget", () => {
    const { run } = createRealm(`{ allocationLimitBytes: 4096 }`);
    run(`globalThis.result = []; const stream = new ReadableStream({ type: "bytes", autoAllocateChunkSize: 8192, pull(c) { c.byobRequest.view[0] = 1; c.byobRequest.respond(1); } }); stream.getReader().read().then((r) => result.push("read", r.value.length), (e) => result.push(e.name, e.message));`);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(JSON.parse(run(`JSON.stringify(result)`) as string)).toEqual(["RangeError", "the snippet allocated more than 4096 bytes of buffers (Daybook's limit)"]);
        resolve();
      }, 20),
    );
  });
});
