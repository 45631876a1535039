/**
 * Snippets (TypeScript, run as readers' snippets run) whose output must be byte for byte the same
 * at build and in the browser: the realm's globals, its Web APIs' behaviour and printing, and the
 * bits of the deterministic Math functions on seeded inputs.
 */

/** Every global name, with what it is and how it is defined, plus what `globalThis` looks like. */
export const GLOBALS_PROBE = `
const g = globalThis as any;
const names: string[] = [];
for (let o = g; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) names.push(...Object.getOwnPropertyNames(o));
for (const name of [...new Set(names)].sort()) {
  const d = Object.getOwnPropertyDescriptor(g, name);
  console.log(name, typeof g[name], d ? [d.enumerable, d.writable, d.configurable, "get" in d].join() : "inherited");
}
console.log(Object.getOwnPropertySymbols(g).length, Object.prototype.toString.call(g), g.constructor === Object, Object.getPrototypeOf(g) === Object.prototype);
for (const name of ["XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "BroadcastChannel", "Worker", "navigator", "self", "postMessage", "addEventListener", "onmessage", "SharedArrayBuffer", "Request", "Response", "Headers"]) {
  if (name in g) console.log("present:", name);
}
`;

/** n seeded doubles in each of a few ranges, the Math functions' results folded into one FNV-1a hash per function. */
export function mathProbe(perRange: number): string {
  return `
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
let seed = 2026;
const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const any = () => { u32[0] = next() * 4294967296; u32[1] = next() * 4294967296; return f64[0]; };
const ranges: (() => number)[] = [() => next() * 2 - 1, () => (next() * 2 - 1) * 10, () => (next() * 2 - 1) * 1e3, () => (next() * 2 - 1) * 1e6, any, () => Math.sqrt(next()) * 1e300];
const inputs: number[] = [];
for (const range of ranges) for (let i = 0; i < ${perRange}; i++) inputs.push(range());
inputs.push(0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, Math.PI, Math.PI / 2, Math.PI / 4, 710, -745.2, 1e22);
const unary = ["exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "sqrt"] as const;
const hash = (values: number[]): string => {
  let h = 0x811c9dc5;
  for (const v of values) {
    f64[0] = v;
    for (const w of [u32[0]!, u32[1]!]) for (let s = 0; s < 32; s += 8) h = Math.imul(h ^ ((w >>> s) & 0xff), 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
};
for (const name of unary) console.log(name, hash(inputs.map((x) => Math[name](x))));
const ys = inputs.map((_, i) => (i % 3 === 0 ? inputs[(i * 7) % inputs.length]! : (next() * 2 - 1) * 40));
console.log("pow", hash(inputs.map((x, i) => Math.pow(x, ys[i]!))));
console.log("pow of |x|", hash(inputs.map((x, i) => Math.pow(Math.abs(x), ys[i]!))));
console.log("atan2", hash(inputs.map((x, i) => Math.atan2(ys[i]!, x))));
console.log("hypot", hash(inputs.map((x, i) => Math.hypot(x, ys[i]!))));
console.log("hypot3", hash(inputs.map((x, i) => Math.hypot(x, ys[i]!, i))));
console.log("sample", Math.exp(1), Math.sin(1e22), Math.cos(0.5), Math.tan(1.5), Math.pow(1.1, 10), Math.log10(1e-5), Math.cbrt(-27), Math.atan2(1, -1));
`;
}

/** Web APIs whose behaviour and printing must agree (crypto, fetch, code generation, channels, streams, Blob). */
export const API_PROBES: Record<string, string> = {
  crypto: `
console.log(crypto.randomUUID(), crypto.randomUUID());
console.log(crypto.getRandomValues(new Uint8Array(8)), crypto.getRandomValues(new Int32Array(2)), crypto.getRandomValues(new BigUint64Array(1)));
console.log(crypto, Object.prototype.toString.call(crypto), typeof (crypto as any).subtle, "subtle" in crypto, Object.keys(Crypto.prototype));
for (const bad of [() => crypto.getRandomValues(new Float64Array(1) as any), () => crypto.getRandomValues(new Uint8Array(65537)), () => (crypto.getRandomValues as any)(), () => new (Crypto as any)(), () => crypto.getRandomValues.call({}, new Uint8Array(1))]) {
  try { bad(); } catch (e: any) { console.log(e.name, e.message, e.code); }
}`,
  fetch: `
console.log(typeof fetch, fetch.name, fetch.length);
await fetch("https://example.com/").catch((e) => console.log(String(e), e instanceof TypeError));
await fetch("/relative", { method: "POST" }).catch((e) => console.log(String(e)));`,
  "eval and Function": `
const tries: [string, () => unknown][] = [
  ["eval", () => eval("1")],
  ["indirect eval", () => (0, eval)("1")],
  ["new Function", () => new Function("return 1")],
  ["Function()", () => Function("return 1")],
  ["constructor", () => (() => 1).constructor("return 1")],
  ["AsyncFunction", () => (async () => 1).constructor("return 1")],
  ["GeneratorFunction", () => function* () {}.constructor("yield 1")],
  ["AsyncGeneratorFunction", () => async function* () {}.constructor("yield 1")],
  ["prototype chain", () => (Object.getPrototypeOf(async function () {}.constructor) as any)("return 1")],
  ["subclass", () => new (class extends Function {})()],
  ["setTimeout string", () => (setTimeout as any)("1", 0)],
];
for (const [name, run] of tries) {
  try { console.log(name, "ran:", typeof run()); } catch (e: any) { console.log(name, e instanceof EvalError, String(e)); }
}
console.log((() => 1) instanceof Function, (async () => 1) instanceof Function, Function.prototype === Object.getPrototypeOf(() => 1), Function.name, Function.length, typeof Function.prototype.call);
console.log(async function af() {}, function* gf() {}, class K {}, Math.max);`,
  MessageChannel: `
const log: string[] = [];
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => log.push(\`port1 got \${JSON.stringify(e.data)} \${e.constructor.name} \${e.target === port1} \${e.ports.length}\`);
port2.onmessage = (e) => { log.push("port2 got " + e.data.n); if (e.data.n < 3) port2.postMessage({ n: e.data.n + 1 }); };
setTimeout(() => log.push("timeout 0"), 0);
port2.postMessage({ a: [1, { b: new Map([[1, 2]]) }] });
port1.postMessage({ n: 1 });
queueMicrotask(() => log.push("microtask"));
log.push("sync");
await new Promise((r) => setTimeout(r, 5));
const buffer = new ArrayBuffer(8);
const c2 = new MessageChannel();
c2.port2.onmessage = (e) => log.push(\`transferred \${e.data.byteLength} \${buffer.byteLength} \${buffer.detached}\`);
c2.port1.postMessage(buffer, [buffer]);
const c3 = new MessageChannel();
c3.port2.onmessage = (e) => { log.push("got a port"); e.ports[0]!.postMessage("through the moved port"); };
const c4 = new MessageChannel();
c4.port1.onmessage = (e) => log.push(e.data);
c3.port1.postMessage("take this", [c4.port2]);
const c5 = new MessageChannel();
c5.port2.addEventListener("message", (e) => log.push("listener " + (e as MessageEvent).data));
c5.port1.postMessage("queued until start");
setTimeout(() => c5.port2.start(), 20);
await new Promise((r) => setTimeout(r, 50));
for (const bad of [() => port1.postMessage(() => 1), () => port1.postMessage(1, [port1]), () => new (MessagePort as any)(), () => (port1.postMessage as any)()]) {
  try { bad(); } catch (e: any) { console.log(e.name, e.message); }
}
port1.close(); port2.close();
console.log(log.join("\\n"));
console.log(new MessageChannel(), port1, new MessageEvent("message", { data: 1 }).data, Object.prototype.toString.call(port1));
console.log(performance.now());`,
  streams: `
const rs = new ReadableStream<number>({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
const seen: unknown[] = [];
for await (const chunk of rs) seen.push(chunk);
const upper = new TransformStream<string, string>({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
const writer = upper.writable.getWriter();
void writer.write("a"); void writer.write("b"); void writer.close();
const reader = upper.readable.getReader();
for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push(r.value);
const sink: string[] = [];
await new ReadableStream<string>({ start(c) { c.enqueue("x"); c.enqueue("y"); c.close(); } }).pipeTo(new WritableStream({ write(chunk) { sink.push(chunk); } }));
const bytes = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
const byob = bytes.getReader({ mode: "byob" });
const read = await byob.read(new Uint8Array(8));
const [t1, t2] = new ReadableStream<number>({ start(c) { c.enqueue(7); c.close(); } }).tee();
console.log(seen, sink, read.value, (await t1.getReader().read()).value, (await t2.getReader().read()).value);
const aborted = new AbortController();
aborted.abort();
await new ReadableStream().pipeTo(new WritableStream(), { signal: aborted.signal }).catch((e) => console.log(String(e)));
await new ReadableStream({ start(c) { c.error(new RangeError("broken")); } }).getReader().read().catch((e) => console.log(String(e)));
console.log(rs, new WritableStream(), new TransformStream(), new CountQueuingStrategy({ highWaterMark: 2 }), new ByteLengthQueuingStrategy({ highWaterMark: 4 }).highWaterMark);
console.log(ReadableStream.name, TransformStream.name, Object.prototype.toString.call(rs), Object.keys(ReadableStream.prototype));`,
  Blob: `
const blob = new Blob(["héllo ", new Uint8Array([0x77, 0x6f]), "rld"], { type: "text/plain" });
console.log(await blob.text(), blob.size, (await blob.arrayBuffer()).byteLength, await blob.slice(1, 4).text());
const chunks: number[] = [];
for await (const chunk of new Blob([new Uint8Array(150_000)]).stream()) chunks.push((chunk as Uint8Array).length);
console.log(chunks, new Blob([]).stream());`,
  "an error thrown by a message listener ends the run before the next task": `
const c = new MessageChannel();
c.port1.onmessage = () => { throw new Error("from a listener"); };
c.port2.postMessage(0);
await new Promise((resolve) => { const later = new MessageChannel(); later.port1.onmessage = resolve; later.port2.postMessage(0); });
console.log("not reached");`,
  "structuredClone and printing": `
console.log(structuredClone(new Map([[1, { a: [1n, new Date(0)] }]])), new URL("https://a.b/c?d#e"), new TextEncoder().encode("hé"), new AbortController().signal, new DOMException("m", "AbortError").code);
console.log(typeof setTimeout, typeof performance.now, typeof queueMicrotask, typeof atob, btoa("hi"), [..."ab"].map((c) => c.charCodeAt(0)));`,
};
