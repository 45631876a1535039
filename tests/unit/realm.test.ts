/**
 * installRealm, tested where it runs at build: bundled by esbuild as an iife and evaluated inside
 * a fresh vm context that has only ECMAScript's built-ins and refuses code generation from
 * strings. Each probe runs there and, where Node has the API natively, in this process too:
 * Node's own behaviour (and `util.format`'s printing, against node-inspect-extracted's in the
 * realm) is the reference.
 */
import { build } from "esbuild";
import { format as hostFormat } from "node:util";
import vm from "node:vm";
import { beforeAll, describe, expect, test } from "vitest";

const MiB = 1024 * 1024;
let realmCode = "";
let inspectCode = "";

beforeAll(async () => {
  const bundle = (options: Parameters<typeof build>[0]) =>
    build({ bundle: true, format: "iife", platform: "neutral", mainFields: ["module", "main"], write: false, logLevel: "silent", ...options });
  const [realm, inspect] = await Promise.all([
    bundle({ entryPoints: ["src/runtime/realm.ts"], globalName: "DaybookRealm" }),
    bundle({ stdin: { contents: 'export { format, inspect } from "node-inspect-extracted";', resolveDir: process.cwd() }, globalName: "DaybookInspect" }),
  ]);
  realmCode = realm.outputFiles![0]!.text;
  inspectCode = inspect.outputFiles![0]!.text;
  (globalThis as Record<string, unknown>)["__hostFormat"] = hostFormat;
});

interface Realm {
  /** The context's global object. */
  global: Record<string, unknown>;
  /** Evaluates a script in the realm (microtasks it queued have run when this returns). */
  run(source: string): unknown;
  /** Runs a function body in the realm; returns its result through JSON. */
  probe(body: string): unknown;
}

const contextOptions = { codeGeneration: { strings: false, wasm: false }, microtaskMode: "afterEvaluate" } as const;

function createRealm(options = ""): Realm {
  const global = vm.createContext(vm.constants.DONT_CONTEXTIFY, contextOptions) as Record<string, unknown>;
  new vm.Script(realmCode).runInContext(global);
  new vm.Script(inspectCode).runInContext(global);
  new vm.Script(`DaybookRealm.installRealm(globalThis${options ? `, ${options}` : ""})`).runInContext(global);
  const run = (source: string) => new vm.Script(source).runInContext(global);
  return { global, run, probe: (body) => JSON.parse(run(wrap(body)) as string) };
}

/** Runs `body` as a function and returns `{ value }` or `{ threw }`, as JSON (bigints and undefined kept readable). */
function wrap(body: string): string {
  return `(() => {
    const format = typeof DaybookInspect === "object" ? DaybookInspect.format : globalThis.__hostFormat;
    const replacer = (key, value) => typeof value === "bigint" ? value + "n" : value === undefined ? "<undefined>" : value;
    let result;
    try { result = { value: (() => { ${body}\n })() }; }
    catch (error) { result = { threw: String(error?.name) + ": " + String(error?.message), ...(error?.code === undefined ? {} : { code: error.code }) }; }
    return JSON.stringify(result, replacer);
  })()`;
}

const hostProbe = (body: string): unknown => JSON.parse(vm.runInThisContext(wrap(body)) as string);

let shared: Realm;
beforeAll(() => {
  shared = createRealm();
});

/** Cases whose result must equal Node's native API's. */
const sameAsNode: Record<string, Record<string, string>> = {
  URLSearchParams: {
    "from a string": `return [...new URLSearchParams("a=1&b=x+y&c=%41%zz&&d&=e&é=ü")]`,
    "leading ?": `return new URLSearchParams("?a=1").toString()`,
    "from pairs": `return new URLSearchParams([["a", "1"], ["b", 2]]).toString()`,
    "from a record": `return new URLSearchParams({ a: 1, "b c": "d&e", ü: "~!'()*" }).toString()`,
    "from another": `return new URLSearchParams(new URLSearchParams("x=1&x=2")).getAll("x")`,
    "bad tuple": `return new URLSearchParams([["a"]])`,
    serialize: `return new URLSearchParams({ q: "a b+c/d?e=f&g#h%i\\u{1F600}*-._~" }).toString()`,
    "lone surrogate": `return new URLSearchParams({ a: "\\uD800" }).toString()`,
    "get, getAll, has": `const p = new URLSearchParams("a=1&a=2&b=3"); return [p.get("a"), p.get("z"), p.getAll("a"), p.has("b"), p.has("a", "2"), p.has("a", "9"), p.size]`,
    "set, delete": `const p = new URLSearchParams("a=1&b=2&a=3&c=4"); p.set("a", "x"); p.delete("c"); p.append("b", "5"); p.delete("b", "2"); return p.toString()`,
    sort: `const p = new URLSearchParams("c=1&a=2&b=3&a=1&\\u{1F600}=x&\\uFFFD=y"); p.sort(); return p.toString()`,
    forEach: `const out = []; new URLSearchParams("a=1&b=2").forEach((v, k, p) => out.push(k, v, p.size)); return out`,
    iterators: `const p = new URLSearchParams("a=1&b=2"); return [[...p.keys()], [...p.values()], [...p.entries()], [...p]]`,
    "live iterator": `const p = new URLSearchParams("a=1"); const it = p.keys(); p.append("b", "2"); return [...it]`,
    "tag and shape": `const p = new URLSearchParams(); return [Object.prototype.toString.call(p), Object.prototype.toString.call(p.keys()), typeof p[Symbol.iterator], p[Symbol.iterator] === p.entries]`,
    "missing arguments": `return new URLSearchParams().append("a")`,
  },
  URL: {
    "search params write back": `const u = new URL("https://a.b/c?x=1#f"); u.searchParams.append("y", "2 3"); u.searchParams.delete("x"); return [u.href, u.search]`,
    "search updates params": `const u = new URL("https://a.b/?a=1&b=2"); const p = u.searchParams; u.search = "?c=3"; return [[...p], p === u.searchParams]`,
    "href setter": `const u = new URL("https://a.b/?a=1"); u.href = "http://x.y/z?q=2"; return [u.host, [...u.searchParams]]`,
    "bad href setter": `const u = new URL("https://a.b/"); u.href = "nope"; return u.href`,
    "canParse and parse": `return [URL.canParse("nope"), URL.canParse("/x", "https://a.b"), URL.parse("nope"), URL.parse("/x", "https://a.b")?.href]`,
    "invalid URL": `return new URL("nope")`,
    "invalid base": `try { new URL("/x", "nope") } catch (e) { return [e.name, e.message, e.code, e.input, e.base] }`,
    "invalid input details": `try { new URL("http://[::1") } catch (e) { return [e.name, e.message, e.code, e.input] }`,
    JSON: `return JSON.stringify({ u: new URL("https://a.b/ü?q=ü#ü") })`,
    "string conversions": `const u = new URL("https://a.b"); return [String(u), u + "", u.toString(), u.toJSON()]`,
    tag: `return Object.prototype.toString.call(new URL("http://x"))`,
    "enumerable members": `return [Object.keys(URL.prototype).sort(), Object.keys(URL).filter((k) => k !== "createObjectURL" && k !== "revokeObjectURL").sort()]`,
    "no arguments": `return new URL()`,
    "clearing search and hash of an opaque path": `const u = new URL("data:space    ?query#frag"); u.hash = ""; const a = u.href; u.search = ""; return [a, u.href, u.pathname]`,
    "search params of an opaque path": `const u = new URL("sc:space ?a=1"); u.searchParams.delete("a"); return [u.href, u.pathname]`,
  },
  TextEncoder: {
    encode: `const e = new TextEncoder(); return [e.encoding, [...e.encode("hé€\\u{1F600}")], [...e.encode()], [...e.encode("\\uD800x\\uDC00")], [...e.encode(123)]]`,
    encodeInto: `const d = new Uint8Array(5); const r = new TextEncoder().encodeInto("a€\\u{1F600}", d); return [r.read, r.written, [...d]]`,
    "encodeInto exact": `const d = new Uint8Array(4); return [new TextEncoder().encodeInto("\\u{1F600}", d), [...d]]`,
    "encodeInto needs a Uint8Array": `return new TextEncoder().encodeInto("a", new Uint16Array(2))`,
    "result is a Uint8Array": `const r = new TextEncoder().encode("a"); return [r instanceof Uint8Array, r.constructor === Uint8Array, r.buffer.byteLength]`,
    tag: `return Object.prototype.toString.call(new TextEncoder())`,
  },
  TextDecoder: {
    "valid and invalid bytes": `return new TextDecoder().decode(new Uint8Array([0x68, 0xc3, 0xa9, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xc0, 0xaf, 0xe0, 0x80, 0x80, 0xf0, 0x9f]))`,
    "BOM dropped": `return [...new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))].map((c) => c.codePointAt(0))`,
    "BOM kept": `return [...new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))].map((c) => c.codePointAt(0))`,
    fatal: `return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0x61, 0xff]))`,
    "fatal on truncation": `return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xe2, 0x82]))`,
    stream: `const d = new TextDecoder(); const bytes = [0xef, 0xbb, 0xbf, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x61]; let s = ""; for (const b of bytes) s += d.decode(new Uint8Array([b]), { stream: true }); s += d.decode(); return [...s].map((c) => c.codePointAt(0))`,
    "stream ends truncated": `const d = new TextDecoder(); return [d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), d.decode(), d.decode(new Uint8Array([0x61]))]`,
    "BOM only at the start of a stream": `const d = new TextDecoder(); const a = d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { stream: true }); const b = d.decode(new Uint8Array([0xef, 0xbb, 0xbf]), { stream: true }); return [...(a + b + d.decode())].map((c) => c.codePointAt(0))`,
    "buffer sources": `const b = new Uint8Array([0x61, 0x62, 0x63, 0x64]); const d = new TextDecoder(); return [d.decode(b.buffer), d.decode(new DataView(b.buffer, 1, 2)), d.decode(b.subarray(2)), d.decode(new Uint16Array(b.buffer)), d.decode()]`,
    "not a buffer": `return new TextDecoder().decode("abc")`,
    attributes: `const d = new TextDecoder(" UTF8 ", { fatal: 1 }); return [d.encoding, d.fatal, d.ignoreBOM, Object.prototype.toString.call(d)]`,
    "unknown label": `return new TextDecoder("no-such-encoding")`,
    "UTF-16LE": `const d = new TextDecoder("utf-16"); return [d.encoding, d.decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x00, 0xdc, 0x62]))]`,
    "UTF-16BE": `const d = new TextDecoder("UTF-16BE"); return [d.encoding, d.decode(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0xd8, 0x3d, 0xde, 0x00, 0xd8, 0x00, 0x00, 0x62]))]`,
    "UTF-16 stream": `const d = new TextDecoder("utf-16le"); const bytes = [0x3d, 0xd8, 0x00, 0xde, 0x61, 0x00]; let s = ""; for (const b of bytes) s += d.decode(new Uint8Array([b]), { stream: true }); return [s + d.decode(), d.decode(new Uint8Array([0x3d, 0xd8]))]`,
    "UTF-16 fatal": `return new TextDecoder("utf-16le", { fatal: true }).decode(new Uint8Array([0x00, 0xdc]))`,
    "windows-1252": `const d = new TextDecoder("latin1"); return [d.encoding, new TextDecoder("ascii").encoding, d.decode(new Uint8Array([0x41, 0x80, 0x81, 0x8a, 0x9f, 0xa0, 0xe9, 0xff]))]`,
  },
  structuredClone: {
    "plain data": `const v = { a: [1, , 3], b: { c: "d" }, n: -0, big: 10n, u: undefined, nul: null, nan: NaN }; const c = structuredClone(v); return [c, Object.is(c.n, -0), 1 in c.a, c !== v]`,
    "cycles and sharing": `const o = { x: 1 }; o.self = o; const v = { o, again: o }; const c = structuredClone(v); return [c.o.self === c.o, c.again === c.o, c.o !== o]`,
    "maps, sets, dates, regexps": `const re = /a+/gi; re.lastIndex = 2; const c = structuredClone({ m: new Map([[{ k: 1 }, new Set([1, 2])]]), d: new Date(5), re }); return [[...c.m.keys()], [...c.m.values()].map((s) => [...s]), c.d.getTime(), c.re.source, c.re.flags, c.re.lastIndex]`,
    "boxed primitives": `const c = structuredClone([Object(1), Object("s"), Object(true), Object(2n)]); return c.map((x) => [typeof x, Object.prototype.toString.call(x), x.valueOf()])`,
    "views share their buffer": `const b = new ArrayBuffer(8); const v = [new Uint8Array(b, 2, 4), new Uint16Array(b), new DataView(b, 1, 3)]; v[0][0] = 7; const c = structuredClone(v); return [c[0].buffer === c[1].buffer, c[2].buffer === c[0].buffer, c[0].byteOffset, c[0].length, c[2].byteOffset, c[2].byteLength, [...c[0]], c[1].constructor.name, c[0].buffer !== b]`,
    "resizable buffer": `const c = structuredClone(new ArrayBuffer(2, { maxByteLength: 8 })); return [c.resizable, c.maxByteLength, c.byteLength]`,
    "detached buffer": `const b = new ArrayBuffer(8); b.transfer(); return structuredClone(b)`,
    transfer: `const b = new ArrayBuffer(4); new Uint8Array(b)[1] = 9; const u = new Uint8Array(b, 1, 2); const r = structuredClone({ u, b }, { transfer: [b] }); return [b.byteLength, b.detached, r.b.byteLength, r.u.byteOffset, r.u.buffer === r.b, r.u[0]]`,
    errors: `const e = new RangeError("boom", { cause: { x: 1 } }); const c = structuredClone(e); return [c instanceof RangeError, c.name, c.message, c.cause, Object.keys(c), c.stack === e.stack]`,
    "error names": `class MyError extends TypeError { constructor(m) { super(m); this.name = "MyError"; this.code = 5; } } const x = new Error("m"); x.name = "SyntaxError"; return [structuredClone(new MyError("m")), structuredClone(x), structuredClone(new AggregateError([1], "m"))].map((e) => [e.constructor.name, e.name, e.message, e.code])`,
    DOMException: `const c = structuredClone(new DOMException("m", "AbortError")); return [c instanceof DOMException, c.name, c.message, c.code]`,
    "class instances become plain objects": `class A { x = 1; get y() { return 2; } } const c = structuredClone(new A()); return [Object.getPrototypeOf(c) === Object.prototype, c]`,
    "getters are read, symbols skipped": `return structuredClone({ get a() { return 1; }, [Symbol("s")]: 2, b: 3 })`,
    "array extras": `const a = [1]; a.x = 2; const c = structuredClone(a); return [Array.isArray(c), c.length, c.x]`,
    "null prototype": `return Object.getPrototypeOf(structuredClone(Object.create(null))) === Object.prototype`,
    function: `return structuredClone({ f() {} })`,
    "arrow function": `return structuredClone(() => 1)`,
    class: `return structuredClone(class A {})`,
    symbol: `return structuredClone(Symbol("x"))`,
    "symbol object": `return structuredClone(Object(Symbol("x")))`,
    WeakMap: `return structuredClone(new WeakMap())`,
    WeakSet: `return structuredClone([new WeakSet()])`,
    WeakRef: `return structuredClone(new WeakRef({}))`,
    Promise: `return structuredClone(Promise.resolve())`,
    URL: `return structuredClone(new URL("http://x"))`,
    URLSearchParams: `return structuredClone(new URLSearchParams("a=1"))`,
    "Web API objects without state": `return [new EventTarget(), new Event("x"), new AbortController(), new TextEncoder()].map((x) => structuredClone(x))`,
    "error class": `return [structuredClone(1n), structuredClone("s"), structuredClone(undefined)]`,
  },
  "atob and btoa": {
    btoa: `return ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\\u00ff\\u00fe\\u0000", 123, null].map((s) => btoa(s))`,
    atob: `return ["", "Zg==", "Zg", "Zm8=", "Zm9v", " Zm 9v\\n", "Zm9vYmFy", "/+8=", "ab==", "YQ"].map((s) => atob(s))`,
    "atob invalid character": `try { atob("Zm9v!") } catch (e) { return [e.name, e.message, e.code, e instanceof DOMException, e instanceof Error] }`,
    "atob bad length": `try { atob("Zm9vY") } catch (e) { return [e.name, e.message, e.code] }`,
    "atob bad padding": `return ["Zg=", "Zg===", "=Zg=", "Zm9v="].map((s) => { try { return atob(s); } catch (e) { return e.name; } })`,
    "btoa outside Latin-1": `try { btoa("€") } catch (e) { return [e.name, e.message, e.code] }`,
    "missing argument": `return atob()`,
  },
  queueMicrotask: {
    "not a function": `return queueMicrotask(1)`,
    undefined: `return queueMicrotask()`,
  },
  "EventTarget and Event": {
    "listeners in order, once, duplicates": `const t = new EventTarget(); const log = []; const a = (e) => log.push("a", e.type, e.target === t, e.currentTarget === t, e.eventPhase); t.addEventListener("x", a); t.addEventListener("x", a); t.addEventListener("x", () => log.push("once"), { once: true }); t.addEventListener("x", { handleEvent(e) { log.push("object", this !== t); } }); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("other")); return log`,
    "remove during dispatch": `const t = new EventTarget(); const log = []; const b = () => log.push("b"); t.addEventListener("x", () => { log.push("a"); t.removeEventListener("x", b); }); t.addEventListener("x", b); t.dispatchEvent(new Event("x")); return log`,
    "after dispatch": `const t = new EventTarget(); const e = new Event("x"); t.dispatchEvent(e); return [e.target === t, e.currentTarget, e.eventPhase, e.composedPath().length]`,
    "during dispatch": `const t = new EventTarget(); let seen; t.addEventListener("x", (e) => { seen = [e.composedPath().length, e.composedPath()[0] === t]; }); t.dispatchEvent(new Event("x")); return seen`,
    preventDefault: `const t = new EventTarget(); t.addEventListener("x", (e) => e.preventDefault()); const a = new Event("x", { cancelable: true }); const b = new Event("x"); return [t.dispatchEvent(a), a.defaultPrevented, a.returnValue, t.dispatchEvent(b), b.defaultPrevented]`,
    passive: `const t = new EventTarget(); t.addEventListener("x", (e) => e.preventDefault(), { passive: true }); const a = new Event("x", { cancelable: true }); return [t.dispatchEvent(a), a.defaultPrevented]`,
    stopImmediatePropagation: `const t = new EventTarget(); const log = []; t.addEventListener("x", (e) => { log.push(1); e.stopImmediatePropagation(); }); t.addEventListener("x", () => log.push(2)); t.dispatchEvent(new Event("x")); return log`,
    "signal removes": `const t = new EventTarget(); const c = new AbortController(); const log = []; t.addEventListener("x", () => log.push(1), { signal: c.signal }); t.dispatchEvent(new Event("x")); c.abort(); t.dispatchEvent(new Event("x")); t.addEventListener("x", () => log.push(2), { signal: c.signal }); t.dispatchEvent(new Event("x")); return log`,
    "event init": `const e = new Event("x", { bubbles: 1, cancelable: "yes", composed: true }); return [e.type, e.bubbles, e.cancelable, e.composed, e.isTrusted, e.defaultPrevented, e.eventPhase, e.target, e.cancelBubble, typeof e.timeStamp]`,
    "event constants": `return [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE]`,
    "dispatch a non-event": `return new EventTarget().dispatchEvent({ type: "x" })`,
    "tags": `return [Object.prototype.toString.call(new Event("x")), Object.prototype.toString.call(new EventTarget())]`,
    "subclasses": `class Ping extends Event { constructor() { super("ping"); this.n = 1; } } class Bus extends EventTarget {} const b = new Bus(); let got; b.addEventListener("ping", (e) => (got = [e instanceof Ping, e.n, e.type])); b.dispatchEvent(new Ping()); return got`,
    "event without type": `return new Event()`,
  },
  "AbortController and AbortSignal": {
    "default reason": `const c = new AbortController(); const log = []; c.signal.addEventListener("abort", (e) => log.push(e.type, e.target === c.signal)); c.signal.onabort = () => log.push("handler"); c.abort(); c.abort(); const r = c.signal.reason; return [c.signal.aborted, log, r instanceof DOMException, r.name, r.message, r.code]`,
    "custom reason": `const c = new AbortController(); c.abort({ why: 1 }); try { c.signal.throwIfAborted(); } catch (e) { return [e, c.signal.reason === e]; }`,
    "not aborted": `const c = new AbortController(); c.signal.throwIfAborted(); return [c.signal.aborted, c.signal.reason, c.signal.onabort]`,
    "AbortSignal.abort": `const s = AbortSignal.abort(); const t = AbortSignal.abort(5); return [s.aborted, s.reason.name, t.reason]`,
    "AbortSignal.any": `const a = new AbortController(); const b = new AbortController(); const s = AbortSignal.any([a.signal, b.signal]); b.abort("b"); a.abort("a"); return [s.aborted, s.reason, AbortSignal.any([AbortSignal.abort(1)]).reason]`,
    "illegal constructor": `return new AbortSignal()`,
    "signal is an EventTarget": `const s = new AbortController().signal; return [s instanceof EventTarget, s instanceof AbortSignal, Object.prototype.toString.call(s), Object.prototype.toString.call(new AbortController())]`,
  },
  DOMException: {
    basics: `const e = new DOMException("m", "NotFoundError"); return [e.name, e.message, e.code, e instanceof Error, e instanceof DOMException, Object.prototype.toString.call(e), String(e), Object.keys(e)]`,
    defaults: `const e = new DOMException(); return [e.name, e.message, e.code]`,
    "options object": `const e = new DOMException("m", { name: "DataCloneError", cause: 1 }); return [e.name, e.code, e.cause]`,
    constants: `return [DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, DOMException.INDEX_SIZE_ERR, new DOMException().TIMEOUT_ERR]`,
    "unknown name": `return new DOMException("m", "Whatever").code`,
  },
  Blob: {
    parts: `const b = new Blob(["hé", new Uint8Array([1, 2]), new Uint16Array([3]).buffer, new Blob(["xy"]), 5], { type: "Text/Plain;Charset=UTF-8" }); return [b.size, b.type]`,
    "bad type": `return [new Blob([], { type: "a\\u00e9" }).type, new Blob([]).type, new Blob().size]`,
    slice: `const b = new Blob(["abcdef"], { type: "x/y" }); return [b.slice().size, b.slice().type, b.slice(1, 3).size, b.slice(-2).size, b.slice(4, 2).size, b.slice(0, 99, "A/B").type, b.slice(-99, -3).size]`,
    "not a sequence": `return new Blob("abc")`,
    tag: `return Object.prototype.toString.call(new Blob([]))`,
  },
};

describe("the realm's Web APIs behave like Node's", () => {
  for (const [api, cases] of Object.entries(sameAsNode)) {
    describe(api, () => {
      test.each(Object.entries(cases))("%s", (_name, body) => {
        expect(shared.probe(body)).toEqual(hostProbe(body));
      });
    });
  }
});

/** Where Daybook follows the standard (as browsers do) and Node does not. */
describe("where the realm follows the standard rather than Node", () => {
  test("Event's phase constants are on its prototype too (WebIDL constants)", () => {
    expect(shared.probe(`return new Event("x").AT_TARGET`)).toEqual({ value: 2 });
    expect(hostProbe(`return new Event("x").AT_TARGET`)).toEqual({ value: "<undefined>" });
  });
});

const urlInputs: [string, string?][] = [
  ["https://user:pw@a.b:8080/c?d=1#h"],
  ["HTTP://EXAMPLE.COM:80/./a/../b/%2e/c/%2E%2e/d"],
  ["https://example.com:443/"],
  ["http://example.com:0/"],
  ["https://a.b:65535/"],
  ["https://a.b:65536/"],
  ["https://a.b:/x"],
  ["https://a.b:1x/"],
  ["http://[::1]:3000/x"],
  ["http://[2001:db8:0:0:1:0:0:1]/"],
  ["http://[2001:DB8::0:1]/"],
  ["http://[::ffff:192.168.0.1]/"],
  ["http://[0:0:0:0:0:0:0:0]/"],
  ["http://[1:0:0:2:0:0:0:3]/"],
  ["http://[1::2::3]/"],
  ["http://[::127.0.0.1]/"],
  ["http://[1:2:3:4:5:6:7:8:9]/"],
  ["http://[zz]/"],
  ["http://[::1/"],
  ["http://192.168.0.1/"],
  ["http://0x7f.1/"],
  ["http://2130706433/"],
  ["http://0300.0250.0.1/"],
  ["http://1.2.3.4.5/"],
  ["http://256.256.256.256/"],
  ["http://4294967295/"],
  ["http://4294967296/"],
  ["http://1.2.3.09/"],
  ["http://foo.0x/"],
  ["http://münchen.de/"],
  ["http://xn--mnchen-3ya.de/"],
  ["http://ÉXAMPLE.com/"],
  ["http://ＥＸＡＭＰＬＥ．com/"],
  ["http://例え.テスト/"],
  ["http://a。b/"],
  ["http://faß.de/"],
  ["http://straße.de/ü"],
  ["http://xn--/"],
  ["http://xn--ls8h/"],
  ["http://a\u00adb/"],
  ["http://%41.com/"],
  ["http://%zz/"],
  ["http://a%2eb/"],
  ["http://a b/"],
  ["http://a<b/"],
  ["http://a^b/"],
  ["https://a.b/ä?ä#ä"],
  ["https://a.b/a b?c d#e f"],
  ["https://a.b/{}|\\^`[]"],
  ["https://a.b/?'\"<>`{}"],
  ["foo://a.b/?'\"<>"],
  ["https://a.b/#'\"<>`{} "],
  ["https://a.b\\c\\d"],
  ["https:a.b/c"],
  ["https:/a.b/c"],
  ["https:///a.b/c"],
  ["file:///C:/x/../y"],
  ["file:///C|/x"],
  ["file://localhost/etc/passwd"],
  ["file://host/share/x"],
  ["file:c:\\x\\y"],
  ["file:/x"],
  ["file:"],
  ["mailto:someone@example.com"],
  ["data:text/plain,hello world"],
  ["javascript:alert(1)"],
  ["blob:https://a.b/uuid"],
  ["blob:ftp://a.b/uuid"],
  ["urn:isbn:0451450523"],
  ["non-special://host:123/path"],
  ["non-special://host/p a t h"],
  ["sc://ñ/x"],
  ["sc://%/"],
  ["sc://a b/"],
  ["sc:///x"],
  ["sc://@/x"],
  ["sc:/.//p"],
  ["sc:\\../"],
  ["http://user@/x"],
  ["http://@host/"],
  ["http://a:b:c@host/"],
  ["http://user:p@ss@host/"],
  ["http://us er:pä$$@host/"],
  ["  https://a.b/ \t\n"],
  ["https://a\tb.c/\nd"],
  ["ws://a.b:80/"],
  ["wss://a.b:443/"],
  ["ftp://a.b:21/"],
  ["http://a.b/%"],
  ["http://a.b/%2"],
  ["http://a.b/%25"],
  ["http://a.b/\u{1F600}?\u{1F600}#\u{1F600}"],
  ["http://a.b/\uD800"],
  ["g", "https://a.b/c/d?e#f"],
  ["./g", "https://a.b/c/d?e#f"],
  ["../g", "https://a.b/c/d?e#f"],
  ["../../../g", "https://a.b/c/d?e#f"],
  ["/g", "https://a.b/c/d?e#f"],
  ["//g", "https://a.b/c/d?e#f"],
  ["?y", "https://a.b/c/d?e#f"],
  ["#s", "https://a.b/c/d?e#f"],
  ["", "https://a.b/c/d?e#f"],
  ["g?y#s", "https://a.b/c/d?e#f"],
  [";x", "https://a.b/c/d?e#f"],
  [".", "https://a.b/c/d?e#f"],
  ["..", "https://a.b/c/d?e#f"],
  ["g/../h", "https://a.b/c/d?e#f"],
  ["http:g", "https://a.b/c/d?e#f"],
  ["HTTPS:g", "https://a.b/c/d?e#f"],
  ["\\\\x\\y", "https://a.b/c/d?e#f"],
  ["c", "file:///C:/a/b"],
  ["/d", "file:///C:/a/b"],
  ["D:/e", "file:///C:/a/b"],
  ["//host/f", "file:///C:/a/b"],
  ["..", "file:///C:/"],
  ["#frag", "sc:opaque"],
  ["x", "sc:opaque"],
  ["x", "about:blank"],
  ["x", "nope"],
  ["x", "sc://host/a/b"],
  ["../x", "sc://host/a/b"],
];

const parts = `["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]`;

describe("URL parses like Node's (WHATWG URL, Ada)", () => {
  test.each(urlInputs)("%j (base %j)", (input, base) => {
    const body = `const u = new URL(${JSON.stringify(input)}${base === undefined ? "" : `, ${JSON.stringify(base)}`}); return ${parts}.map((k) => u[k])`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
  });
});

const setters: [string, string, string][] = [
  ["https://a.b/", "protocol", "http"],
  ["https://a.b/", "protocol", "ftp:"],
  ["https://a.b/", "protocol", "sc"],
  ["sc://x/", "protocol", "https"],
  ["http://u@a.b/", "protocol", "file"],
  ["https://a.b:80/", "protocol", "http"],
  ["https://a.b/", "username", "us er@:"],
  ["file:///x", "username", "u"],
  ["https://a.b/", "password", "p:w/é"],
  ["https://a.b/x", "host", "x.y:99"],
  ["https://a.b/x", "host", "x y"],
  ["https://a.b/x", "host", "[::1]"],
  ["https://a.b/x", "host", "münchen.de"],
  ["https://a.b/x", "hostname", "x.y:99"],
  ["https://a.b/x", "hostname", "c.d"],
  ["mailto:x", "host", "a.b"],
  ["https://a.b/", "port", "8080"],
  ["https://a.b:8080/", "port", ""],
  ["https://a.b/", "port", "99999"],
  ["https://a.b/", "port", "12ab"],
  ["https://a.b/", "port", "443"],
  ["file:///x", "port", "12"],
  ["https://a.b/", "pathname", "/a b/../c"],
  ["https://a.b/", "pathname", "x"],
  ["mailto:x", "pathname", "y"],
  ["sc://h/", "pathname", "a/b"],
  ["https://a.b/", "search", "a b"],
  ["https://a.b/?x", "search", "?"],
  ["https://a.b/?x", "search", ""],
  ["https://a.b/", "hash", "a b"],
  ["https://a.b/#x", "hash", "#"],
  ["https://a.b/#x", "hash", ""],
  ["https://a.b/", "href", "sc:x y#z"],
];

describe("URL setters work like Node's", () => {
  test.each(setters)("%s: set %s to %j", (url, key, value) => {
    const body = `const u = new URL(${JSON.stringify(url)}); u[${JSON.stringify(key)}] = ${JSON.stringify(value)}; return ${parts}.map((k) => u[k])`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
  });
});

const printed: Record<string, string> = {
  URL: `new URL("https://user:pw@a.b:8080/c?d=1#h")`,
  "nested URL": `{ u: new URL("http://x/"), arr: [new URLSearchParams("q=1")] }`,
  "URL past the depth": `{ a: { b: { c: new URL("http://x/"), d: new URLSearchParams("a=1") } } }`,
  "URL with %s": `"%s", new URL("http://x/y")`,
  URLSearchParams: `new URLSearchParams("a=1&b=x y")`,
  "empty URLSearchParams": `new URLSearchParams()`,
  "long URLSearchParams": `new URLSearchParams({ aaaaaaaaaaaaaaaaaaaa: "1", bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: "2", ccccccccccccccccccccccccc: "3" })`,
  "URLSearchParams iterators": `[new URLSearchParams("a=1&b=2").entries(), new URLSearchParams("a=1").keys(), new URLSearchParams("a=1").values()]`,
  "exhausted iterator": `(() => { const it = new URLSearchParams("a=1").keys(); it.next(); return it; })()`,
  TextEncoder: `new TextEncoder()`,
  TextDecoder: `new TextDecoder("utf-8", { fatal: true })`,
  "encoded bytes": `new TextEncoder().encode("hé")`,
  AbortController: `new AbortController()`,
  "aborted signal": `AbortSignal.abort()`,
  EventTarget: `new EventTarget()`,
  Blob: `new Blob(["abc"], { type: "Text/Plain" })`,
  "Blob slice": `[new Blob(["abc"]).slice(1)]`,
  "DOMException's first line": `(() => { try { atob("*"); } catch (e) { return e; } })()`,
  "typed arrays": `new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array(1)`,
  "typed array subclass": `new (class Bytes extends Uint8Array {})(2)`,
  buffers: `new ArrayBuffer(4), new ArrayBuffer(2, { maxByteLength: 4 }), new DataView(new ArrayBuffer(2))`,
  constructors: `[Uint8Array, ArrayBuffer, Float32Array, DataView]`,
  "structured clone": `structuredClone({ m: new Map([[1, new Set([2])]]), d: new Date(0), b: new Uint16Array([1]) })`,
  functions: `[atob, btoa, structuredClone, queueMicrotask]`,
  classes: `[URLSearchParams, TextEncoder, TextDecoder, Blob, Event, AbortController, AbortSignal]`,
  "an error with a code": `(() => { try { new URL("nope"); } catch (e) { return { name: e.name, message: e.message, code: e.code, input: e.input }; } })()`,
};

describe("printing matches Node's util.format", () => {
  test.each(Object.entries(printed))("%s", (_name, args) => {
    const body = `return format(${args}).split("\\n    at ")[0]`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
  });

  test("an Event prints its fields (timeStamp is virtual time: 0 until the runtime installs its clock)", () => {
    const body = `return format(new Event("x", { cancelable: true })).replace(/timeStamp: [\\d.]+/, "timeStamp: T").replace(/\\s+/g, " ")`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
    expect(shared.probe(`return new Event("x").timeStamp`)).toEqual({ value: 0 });
  });

  test("known differences: the URL class has no createObjectURL/revokeObjectURL (no blob: URLs); EventTarget has no Node-internal symbol", () => {
    expect(shared.probe(`return format(URL)`)).toEqual({ value: "[class URL] { parse: [Function: parse], canParse: [Function: canParse] }" });
    expect(shared.probe(`return format(EventTarget)`)).toEqual({ value: "[class EventTarget]" });
  });
});

/** The budget's error at a given limit. */
const budgetError = (limit = "256 MiB") => `RangeError: the snippet allocated more than ${limit} of buffers (Daybook's limit)`;

/**
 * Each stops at the budget. Cases that really allocate up to the limit run with a 16 MiB one
 * (sizes of 10 MiB); `hostBytes` is how much the host may really have allocated meanwhile.
 */
const overBudget: Record<string, { body: string; hostBytes: number; limitMiB?: number }> = {
  "new ArrayBuffer(2 ** 30)": { body: `new ArrayBuffer(2 ** 30)`, hostBytes: 32 * MiB },
  "new Uint8Array(2 ** 30)": { body: `new Uint8Array(2 ** 30)`, hostBytes: 32 * MiB },
  "new Float64Array(2 ** 27)": { body: `new Float64Array(2 ** 27)`, hostBytes: 32 * MiB },
  "a resizable buffer counts its maximum": { body: `new ArrayBuffer(0, { maxByteLength: 2 ** 30 })`, hostBytes: 32 * MiB },
  "1 MiB at a time": { body: `const keep = []; for (let i = 0; i < 1024; i++) keep.push(new Uint8Array(2 ** 20));`, hostBytes: 300 * MiB },
  "ArrayBuffer transfer growth": { body: `new ArrayBuffer(8).transfer(2 ** 30)`, hostBytes: 32 * MiB },
  "ArrayBuffer transferToFixedLength growth": { body: `new ArrayBuffer(8, { maxByteLength: 16 }).transferToFixedLength(2 ** 30)`, hostBytes: 32 * MiB },
  "new Uint8Array(bigArray)": { body: `new Uint8Array(new Array(2 ** 29))`, hostBytes: 32 * MiB },
  "new Float64Array(array-like)": { body: `new Float64Array({ length: 2 ** 28 })`, hostBytes: 32 * MiB },
  "Uint8Array.from(array-like)": { body: `Uint8Array.from({ length: 2 ** 30 })`, hostBytes: 32 * MiB },
  "Reflect.construct with a newTarget": { body: `Reflect.construct(Uint8Array, [2 ** 30], class extends Uint8Array {})`, hostBytes: 32 * MiB },
  "WebAssembly.Memory({ initial: 20000 })": { body: `new WebAssembly.Memory({ initial: 20000 })`, hostBytes: 32 * MiB },
  "WebAssembly.Memory grow": { body: `new WebAssembly.Memory({ initial: 1, maximum: 65536 }).grow(20000)`, hostBytes: 32 * MiB },
  "a shared memory's buffer constructor": { body: `const S = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }).buffer.constructor; new S(2 ** 30)`, hostBytes: 32 * MiB },
  "a Blob of a string": { body: `new Blob(["x".repeat(16 * 2 ** 20 + 1)])`, hostBytes: 32 * MiB, limitMiB: 16 },
  TextEncoder: { body: `new TextEncoder().encode("é".repeat(8 * 2 ** 20 + 1))`, hostBytes: 32 * MiB, limitMiB: 16 },
  "ArrayBuffer slice": { body: `const b = new ArrayBuffer(10 * 2 ** 20); b.slice(1)`, hostBytes: 64 * MiB, limitMiB: 16 },
  "ArrayBuffer slice with the species lookup falling back to the intrinsic": { body: `const b = new ArrayBuffer(10 * 2 ** 20); b.constructor = undefined; b.slice()`, hostBytes: 64 * MiB, limitMiB: 16 },
  "a resizable buffer's transfer": { body: `const b = new ArrayBuffer(10 * 2 ** 20, { maxByteLength: 10 * 2 ** 20 }); b.transferToFixedLength(); new ArrayBuffer(8).transfer(7 * 2 ** 20)`, hostBytes: 64 * MiB, limitMiB: 16 },
  "typed array slice": { body: `const a = new Uint8Array(10 * 2 ** 20); a.slice()`, hostBytes: 64 * MiB, limitMiB: 16 },
  "typed array map without species": { body: `const a = new Uint8Array(10 * 2 ** 20); a.constructor = undefined; a.map((x) => x)`, hostBytes: 64 * MiB, limitMiB: 16 },
  "typed array filter without species": { body: `const a = new Uint8Array(2 ** 20); a.constructor = undefined; a.filter(() => true); a.filter(() => true)`, hostBytes: 64 * MiB, limitMiB: 2.5 },
  "typed array toReversed": { body: `new Uint8Array(10 * 2 ** 20).toReversed()`, hostBytes: 64 * MiB, limitMiB: 16 },
  "typed array toSorted": { body: `new Uint8Array(10 * 2 ** 20).toSorted()`, hostBytes: 64 * MiB, limitMiB: 16 },
  "typed array with": { body: `new Uint8Array(10 * 2 ** 20).with(0, 1)`, hostBytes: 64 * MiB, limitMiB: 16 },
  "species-created subclass": { body: `class Big extends Uint8Array {} new Big(10 * 2 ** 20).map((x) => x)`, hostBytes: 64 * MiB, limitMiB: 16 },
  "new Uint16Array(typedArray)": { body: `new Uint16Array(new Uint8Array(6 * 2 ** 20))`, hostBytes: 64 * MiB, limitMiB: 16 },
  structuredClone: { body: `structuredClone(new ArrayBuffer(10 * 2 ** 20))`, hostBytes: 64 * MiB, limitMiB: 16 },
  "Uint8Array.fromBase64": { body: `(Uint8Array.fromBase64 ?? (() => new Uint8Array(2 ** 30)))("A".repeat(24 * 2 ** 20))`, hostBytes: 64 * MiB, limitMiB: 16 },
  "Blob contents": { body: `new Blob([new Uint8Array(10 * 2 ** 20)])`, hostBytes: 64 * MiB, limitMiB: 16 },
};

describe("the allocation budget", () => {
  test.each(Object.entries(overBudget))("stops %s", (_name, { body, hostBytes, limitMiB = 256 }) => {
    const realm = createRealm(limitMiB === 256 ? "" : `{ allocationLimitBytes: ${limitMiB} * 2 ** 20 }`);
    const before = process.memoryUsage();
    const result = realm.probe(`${body}; return "allocated"`);
    const after = process.memoryUsage();
    expect(result).toEqual({ threw: budgetError(Number.isInteger(limitMiB) ? `${limitMiB} MiB` : `${limitMiB * MiB} bytes`) });
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(hostBytes);
    expect(after.rss - before.rss).toBeLessThan(hostBytes + 64 * MiB);
    expect(Number(realm.run(`DaybookRealm.allocatedBytes()`))).toBeLessThanOrEqual(limitMiB * MiB);
  });

  test("a Blob's copies count: the promise rejects with the budget's error", () => {
    const realm = createRealm(`{ allocationLimitBytes: 16 * 2 ** 20 }`);
    realm.run(`const b = new Blob([new Uint8Array(5 * 2 ** 20)]); b.arrayBuffer().then(() => b.bytes()).then((x) => (globalThis.out = x), (e) => (globalThis.out = String(e)))`);
    expect(realm.global["out"]).toBe(budgetError("16 MiB"));
  });

  test("an iterable is counted once its values are known", () => {
    const realm = createRealm(`{ allocationLimitBytes: 2 ** 20 }`);
    const body = `function* values() { for (let i = 0; i < 2 ** 20 + 1; i++) yield i; } new Uint8Array(values())`;
    expect(realm.probe(body)).toEqual({ threw: budgetError("1 MiB") });
    expect(realm.probe(`return [...new Uint8Array(new Set([1, 2, 300]))]`)).toEqual({ value: [1, 2, 44] });
  });

  test("counts every allocation, cumulatively and exactly; views cost nothing", () => {
    const realm = createRealm();
    const steps = [
      [`new Uint8Array(10)`, 10],
      [`new ArrayBuffer(5, { maxByteLength: 20 })`, 20],
      [`new Float64Array(3)`, 24],
      [`new BigInt64Array([1n, 2n])`, 16],
      [`new Uint16Array([1, 2, 3])`, 6],
      [`new Int32Array(new Uint8Array(2))`, 2 + 8],
      [`const b = new ArrayBuffer(8); new DataView(b); new Uint8Array(b, 2); new Float32Array(b); new Uint8Array(b).subarray(1)`, 8],
      [`new Uint8Array(8).slice(2)`, 8 + 6],
      [`new Uint8Array(8).slice(-3, 100)`, 8 + 3],
      [`new ArrayBuffer(8).slice(2, 4)`, 8 + 2],
      [`new Uint32Array(2).map((x) => x)`, 8 + 8],
      [`new Uint8Array([1, 2, 3]).filter((x) => x > 1)`, 3 + 2],
      [`new Int8Array(4).toReversed()`, 4 + 4],
      [`Uint8Array.from([1, 2])`, 2],
      [`Float32Array.of(1, 2)`, 8],
      [`const b = new ArrayBuffer(4); b.transfer(4); new ArrayBuffer(4).transfer(10)`, 4 + 4 + 6],
      [`const r = new ArrayBuffer(2, { maxByteLength: 8 }); r.resize(8); r.transfer()`, 8],
      [`new WebAssembly.Memory({ initial: 1 }).grow(2)`, 3 * 65536],
      [`structuredClone(new Uint8Array(7))`, 7 + 7],
      [`new TextEncoder().encode("hé")`, 3],
      [`new Blob(["ab", new Uint8Array(3)]).slice(1)`, 3 + 5],
      [`typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64("AAAA") : DaybookRealm.chargeAllocation(3)`, 3],
      [`typeof Uint8Array.fromHex === "function" ? Uint8Array.fromHex("abcd") : DaybookRealm.chargeAllocation(2)`, 2],
      [`DaybookRealm.chargeAllocation(1000)`, 1000],
    ] as const;
    let expected = 0;
    for (const [code, bytes] of steps) {
      const before = Number(realm.run(`DaybookRealm.allocatedBytes()`));
      realm.run(`{ ${code} }`);
      expected += bytes;
      expect([code, Number(realm.run(`DaybookRealm.allocatedBytes()`)) - before]).toEqual([code, bytes]);
    }
    expect(Number(realm.run(`DaybookRealm.allocatedBytes()`))).toBe(expected);
  });

  test("chargeAllocation counts other bytes against the same budget", () => {
    const realm = createRealm(`{ allocationLimitBytes: 100 }`);
    expect(realm.probe(`DaybookRealm.chargeAllocation(60); DaybookRealm.chargeAllocation(60)`)).toEqual({ threw: budgetError("100 bytes") });
    expect(realm.probe(`new Uint8Array(41)`)).toEqual({ threw: budgetError("100 bytes") });
    expect(realm.probe(`return new Uint8Array(40).length`)).toEqual({ value: 40 });
    expect(realm.probe(`DaybookRealm.chargeAllocation(-1)`)).toMatchObject({ threw: expect.stringMatching(/^RangeError/) });
  });

  test("invalid lengths still throw the natives' own errors", () => {
    for (const body of [`new ArrayBuffer(-1)`, `new Uint8Array(-1)`, `new ArrayBuffer(4, { maxByteLength: 2 })`, `new Uint8Array(1n)`, `new ArrayBuffer(8).slice(Symbol())`]) {
      expect(shared.probe(body)).toEqual(hostProbe(body));
    }
  });
});

const bufferConstructors = ["ArrayBuffer", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];

describe("wrapped constructors stay transparent", () => {
  test.each(bufferConstructors)("%s", (name) => {
    const body = `
      const C = ${name};
      const one = C === ArrayBuffer ? 8 : C.name.startsWith("Big") ? [1n] : [1];
      class Sub extends C { extra() { return "sub"; } }
      const sub = new Sub(one);
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, ${JSON.stringify(name)});
      return [
        typeof C, C.name, C.length, C.prototype.constructor === C, new C(one) instanceof C, new C(one).constructor === C,
        Object.prototype.toString.call(new C(one)), Object.prototype.toString.call(C), C[Symbol.species] === C,
        descriptor.enumerable, descriptor.writable, descriptor.configurable,
        sub instanceof Sub, sub instanceof C, sub.extra(), Object.getPrototypeOf(Sub) === C, Sub.name, sub.constructor === Sub,
        Reflect.construct(C, [one], Sub) instanceof Sub,
        (() => { try { C(one); return "called"; } catch (e) { return e.constructor === TypeError; } })(),
        C === ArrayBuffer ? ArrayBuffer.isView(new DataView(new C(2))) : [Object.getPrototypeOf(C) === Object.getPrototypeOf(Int8Array), C.BYTES_PER_ELEMENT, ArrayBuffer.isView(new C(1)), C.from(one) instanceof C, Sub.from(one) instanceof Sub, Sub.of(...one) instanceof Sub],
        Function.prototype.toString.call(C).includes("[native code]"),
        // node-inspect-extracted does not know Float16Array yet (it prints it as an object).
        C.name === "Float16Array" || format(new C(one)),
        C.name === "Float16Array" || format(sub),
      ];`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
  });

  test("Symbol.species: subclass results, an overridden species, and subarray views", () => {
    const body = `
      class Sub extends Uint8Array {}
      class Plain extends Uint8Array { static get [Symbol.species]() { return Uint8Array; } }
      const s = new Sub([3, 1, 2]);
      const p = new Plain([3, 1, 2]);
      class Buf extends ArrayBuffer {}
      return [
        s.map((x) => x) instanceof Sub, s.filter(() => true) instanceof Sub, s.slice(1) instanceof Sub, s.subarray(1) instanceof Sub, s.subarray(1).buffer === s.buffer,
        p.map((x) => x).constructor === Uint8Array, p.slice().constructor.name,
        s.toSorted().constructor === Uint8Array, [...s.toSorted()],
        new Buf(4).slice(1) instanceof Buf, new Buf(4).slice(1).byteLength,
      ];`;
    expect(shared.probe(body)).toEqual(hostProbe(body));
  });

  test("where there is no SharedArrayBuffer global (a browser worker), a shared memory's buffer constructor is wrapped all the same", () => {
    const global = vm.createContext(vm.constants.DONT_CONTEXTIFY, contextOptions) as Record<string, unknown>;
    new vm.Script("delete globalThis.SharedArrayBuffer").runInContext(global);
    new vm.Script(realmCode).runInContext(global);
    new vm.Script("DaybookRealm.installRealm(globalThis)").runInContext(global);
    const body = `const S = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer.constructor; return [S.name, typeof SharedArrayBuffer, (() => { try { new S(2 ** 30); } catch (e) { return e.message; } })()]`;
    expect(JSON.parse(new vm.Script(wrap(body)).runInContext(global) as string)).toEqual({ value: ["SharedArrayBuffer", "undefined", budgetError().replace("RangeError: ", "")] });
  });

  test("installs over a realm's own natives (as in the browser worker)", () => {
    const global = vm.createContext(vm.constants.DONT_CONTEXTIFY, contextOptions) as Record<string, unknown>;
    new vm.Script(`globalThis.URL = class URL { native() {} }; globalThis.Blob = function Blob() {}; globalThis.structuredClone = () => "native";`).runInContext(global);
    new vm.Script(realmCode).runInContext(global);
    new vm.Script("DaybookRealm.installRealm(globalThis)").runInContext(global);
    const body = `return [typeof URL.prototype.native, new URL("https://a.b/c").pathname, new Blob(["ab"]).size, structuredClone(1), Object.getOwnPropertyDescriptor(globalThis, "URL").enumerable]`;
    expect(JSON.parse(new vm.Script(wrap(body)).runInContext(global) as string)).toEqual({ value: ["undefined", "/c", 2, 1, false] });
  });

  test("SharedArrayBuffer is gone (a sandboxed browser worker has none); Atomics stays", () => {
    expect(shared.probe(`return [typeof SharedArrayBuffer, "SharedArrayBuffer" in globalThis, typeof Atomics, typeof Atomics.add]`)).toEqual({ value: ["undefined", false, "object", "function"] });
  });
});

describe("nothing installed belongs to the host realm", () => {
  /** Every object reachable from the installed globals, their prototypes, accessors, and sample return values. */
  function reachable(realm: Realm): Set<object> {
    const samples = realm.run(`[
      new URL("https://u:p@x/y?z#w"), new URL("https://x").searchParams, new URLSearchParams("a=1").entries(),
      new TextEncoder(), new TextEncoder().encode("x"), new TextEncoder().encodeInto("a", new Uint8Array(2)), new TextDecoder(),
      structuredClone({ a: new Map([[1, new Set([new Date(0), /x/g, new Uint8Array(2), new DataView(new ArrayBuffer(1))])]]), e: new RangeError("x") }),
      new Blob(["x"]), new Blob(["x"]).slice(), new Blob(["x"]).text(), new Blob(["x"]).arrayBuffer(), new Blob(["x"]).bytes(),
      AbortSignal.abort(), AbortSignal.any([]), new AbortController(), new Event("x"), new EventTarget(), new DOMException("m", "AbortError"),
      ...[() => atob("*"), () => btoa("€"), () => new ArrayBuffer(2 ** 40), () => new URL("x"), () => new TextDecoder("x"), () => structuredClone(() => 1),
        () => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([255])), () => queueMicrotask(1), () => new AbortSignal(),
        () => new EventTarget().dispatchEvent(1), () => new Blob(1), () => URL.prototype.href, () => DaybookRealm.chargeAllocation(2 ** 40)]
        .map((f) => { try { f(); } catch (e) { return e; } }),
      new ArrayBuffer(2).slice(1), new ArrayBuffer(2).transfer(), new Uint8Array(2).map((x) => x), new Uint8Array(2).toSorted(),
      new WebAssembly.Memory({ initial: 1 }), DaybookRealm, DaybookInspect,
      crypto, crypto.randomUUID(), crypto.getRandomValues(new Uint8Array(2)), (() => { const p = fetch("https://x"); p.catch(() => {}); return p; })(), Math, Function, eval, (async () => {}).constructor, (function* () {}).constructor,
      new MessageChannel(), new MessageEvent("message", { data: 1 }), new ReadableStream(), new WritableStream(), new TransformStream(), new Blob(["x"]).stream(),
      new ReadableStream().getReader(), new WritableStream().getWriter(), new ReadableStream({ type: "bytes" }).getReader({ mode: "byob" }), new CountQueuingStrategy({ highWaterMark: 1 }),
      ...[() => eval("1"), () => new Function(""), () => crypto.getRandomValues(new Float64Array(1)), () => new MessageChannel().port1.postMessage(() => 1), () => new MessagePort()]
        .map((f) => { try { f(); } catch (e) { return e; } }),
    ]`) as object;
    const seen = new Set<object>();
    const queue: unknown[] = [samples, ...Object.keys(REALM_NAMES).map((name) => realm.global[name])];
    for (const name of ["ArrayBuffer", "Uint8Array", "Float64Array", "WebAssembly"]) queue.push(realm.global[name]);
    while (queue.length) {
      const value = queue.pop();
      if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
      seen.add(value);
      queue.push(Reflect.getPrototypeOf(value));
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
        queue.push(descriptor.value, descriptor.get, descriptor.set);
      }
    }
    return seen;
  }
  const REALM_NAMES = Object.fromEntries(
    [
      "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "structuredClone", "atob", "btoa", "queueMicrotask", "EventTarget", "Event", "AbortController", "AbortSignal", "DOMException", "Blob",
      "Crypto", "MessageChannel", "MessagePort", "MessageEvent", "fetch", "ReadableStream", "WritableStream", "TransformStream", "ReadableStreamDefaultReader", "ReadableByteStreamController",
      "CountQueuingStrategy", "ByteLengthQueuingStrategy",
    ].map((n) => [n, true]),
  );

  test("the realm has every API, as non-enumerable, writable, configurable globals", () => {
    const body = `return ${JSON.stringify(Object.keys(REALM_NAMES))}.map((name) => { const d = Object.getOwnPropertyDescriptor(globalThis, name); return [name, typeof d.value, d.enumerable, d.writable, d.configurable]; })`;
    expect(shared.probe(body)).toEqual({ value: Object.keys(REALM_NAMES).map((name) => [name, "function", false, true, true]) });
  });

  test("every reachable object's prototype chain ends in the realm's own Object.prototype, every function's in its Function.prototype", () => {
    const realm = createRealm();
    const objects = reachable(realm);
    expect(objects.size).toBeGreaterThan(400);
    const realmObject = realm.run("Object.prototype");
    const realmFunction = realm.run("Function");
    let nullPrototype = 0;
    for (const value of objects) {
      // Host-realm objects would be instances of this process's Object or Function.
      const candidate: unknown = value;
      expect(candidate instanceof Object || candidate instanceof Function).toBe(false);
      let chain: object = value;
      for (let next = Reflect.getPrototypeOf(chain); next !== null; next = Reflect.getPrototypeOf(chain)) chain = next;
      // Only null-prototype objects (Array.prototype[Symbol.unscopables]) stop elsewhere.
      if (chain === value && chain !== realmObject) nullPrototype++;
      else expect(chain).toBe(realmObject);
      if (typeof value === "function") expect((value as { constructor?: unknown }).constructor).toBe(realmFunction);
    }
    expect(nullPrototype).toBeLessThanOrEqual(1);
  });

  test("a constructor's constructor is the realm's Function guard, which refuses code from strings", () => {
    const realm = createRealm();
    const fn = realm.run(`new URL("https://x").constructor.constructor`);
    expect(fn).toBe(realm.run("Function"));
    expect(fn).not.toBe(Function);
    for (const path of [`new URL("https://x")`, `new TextEncoder().encode("x")`, `new Blob([])`, `AbortSignal.abort().reason`, `structuredClone({})`, `new Event("x")`]) {
      expect(realm.probe(`return ${path}.constructor.constructor("return 1")()`)).toEqual({ threw: "EvalError: snippets cannot compile code from strings (eval and new Function are disabled)" });
    }
  });

  test("the bundle evaluates where eval and new Function throw (no library generates code)", () => {
    const realm = createRealm();
    expect(realm.probe(`return eval("1")`)).toMatchObject({ threw: expect.stringMatching(/^EvalError/) });
    expect(realm.probe(`return new Function("return 1")()`)).toMatchObject({ threw: expect.stringMatching(/^EvalError/) });
    expect(realm.probe(`return [typeof DaybookRealm.installRealm, new URL("../b", "https://x/a/c").href]`)).toEqual({ value: ["function", "https://x/b"] });
  });
});

describe("what runs later: microtasks, promises, timers", () => {
  test("queueMicrotask runs callbacks in order with promise jobs", () => {
    const realm = createRealm();
    realm.run(`globalThis.log = []; queueMicrotask(() => log.push(1)); Promise.resolve().then(() => log.push(2)); queueMicrotask(() => { log.push(3); queueMicrotask(() => log.push(5)); }); Promise.resolve().then(() => log.push(4)); log.push(0);`);
    expect(realm.run(`JSON.stringify(log)`)).toBe("[0,1,2,3,4,5]");
  });

  test("Blob reads its contents as text, bytes and an ArrayBuffer", () => {
    const realm = createRealm();
    realm.run(`const b = new Blob(["\\uFEFFhé", new Uint8Array([0xff, 0x21])]); Promise.all([b.text(), b.bytes(), b.arrayBuffer(), b.slice(4).text()]).then(([t, bytes, buffer, tail]) => (globalThis.out = [t, [...bytes], buffer.byteLength, buffer instanceof ArrayBuffer, tail]))`);
    expect(JSON.stringify(realm.global["out"])).toBe(JSON.stringify(["hé\uFFFD!", [0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xff, 0x21], 8, true, "é\uFFFD!"]));
  });

  test("AbortSignal.timeout aborts on the realm's own setTimeout (the runtime's virtual clock)", () => {
    const realm = createRealm();
    realm.run(`globalThis.timers = []; globalThis.setTimeout = (run, ms) => timers.push([run, ms]); globalThis.signal = AbortSignal.timeout(50);`);
    expect(realm.run(`[signal.aborted, timers[0][1]].join()`)).toBe("false,50");
    realm.run(`timers[0][0]()`);
    expect(realm.probe(`return [signal.aborted, signal.reason.name, signal.reason.message, signal.reason.code]`)).toEqual({ value: [true, "TimeoutError", "The operation was aborted due to timeout", 23] });
  });

  test("a listener that throws does not stop the others; its error surfaces as an unhandled rejection", async () => {
    const realm = createRealm();
    const reasons: unknown[] = [];
    const onRejection = (reason: unknown) => reasons.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      realm.run(`globalThis.log = []; const t = new EventTarget(); t.addEventListener("x", () => { throw new Error("boom"); }); t.addEventListener("x", () => log.push("second")); t.dispatchEvent(new Event("x"));`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(realm.run(`log.join()`)).toBe("second");
    expect(reasons.map(String)).toEqual(["Error: boom"]);
  });
});
