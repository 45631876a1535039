import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SnippetPool } from "../../src/integration/snippets/snippet-pool.ts";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const pool = new SnippetPool({ size: 2 });
afterAll(() => pool.close());
const run = (ts: string, timeout = 2000) => pool.run(transpileSnippet(ts), timeout);

describe("running snippets in the worker pool", () => {
  it.each([
    ["prints like Node", "console.log({ a: [1, 'x'] }, new Map([[1, 2]]));", "{ a: [ 1, 'x' ] } Map(1) { 1 => 2 }"],
    ["seeds Math.random", "console.log(Math.random() === Math.random(), Math.random().toFixed(6));", "false 0.203375"],
    ["starts virtual time at a fixed date", "console.log(new Date().toISOString());", "2026-01-01T09:00:00.000Z"],
    ["advances virtual time instantly", "const t0 = Date.now();\nawait new Promise((r) => setTimeout(r, 60_000));\nconsole.log(Date.now() - t0);", "60000"],
    ["runs timers in time order", "setTimeout(() => console.log('b'), 20);\nsetTimeout(() => console.log('a'), 10);\nconsole.log('first');", "first\na\nb"],
    ["clears intervals", "let n = 0;\nconst id = setInterval(() => { if (++n === 3) { clearInterval(id); console.log(n); } }, 1000);", "3"],
    ["reports errors with the snippet line", "const x = 1;\n\nnull!.toString();", "TypeError: Cannot read properties of null (reading 'toString') (line 3)"],
    ["keeps output printed before an error", "console.log('before');\nthrow new RangeError('nope');", "before\nRangeError: nope (line 2)"],
    ["reports an unhandled rejection", "Promise.reject(new Error('lost'));\nconsole.log('after');", "after\nError: lost (line 1)"],
    ["reports a promise that never settles", "await new Promise(() => {});", "Error: the snippet never finished: it awaits a promise that nothing resolves"],
    ["stops an interval that is never cleared", "setInterval(() => {}, 1);", "RangeError: more than 100000 timers fired; is a setInterval never cleared? "],
    ["imports the helper library", "import { createRandom } from 'daybook/sim';\nconsole.log(typeof createRandom);", "function"],
    ["rejects other imports", "import fs from 'node:fs';\nconsole.log(fs);", "Error: Cannot find module 'node:fs': snippets can import daybook/sim, daybook/show (line 1)"],
  ])("%s", async (_name, code, expected) => {
    const result = await run(code);
    expect(result.output.trimEnd()).toBe(expected.trimEnd());
  });

  it("gives each snippet fresh globals", async () => {
    await run("(globalThis as any).leak = 42;");
    expect((await run("console.log(typeof (globalThis as any).leak);")).output).toBe("undefined");
  });

  it("stops an infinite loop at the timeout and keeps working afterwards", async () => {
    const started = Date.now();
    const result = await run("while (true) {}", 300);
    expect(result.error).toBe("Error: the snippet used more than 300 ms of CPU time and was stopped; if it needs longer, raise timeout=300 on its fence (at most 60000)");
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await run("console.log('alive');")).output).toBe("alive");
  });

  it("stops a memory bomb without crashing the build", async () => {
    const result = await run("const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1));", 20_000);
    expect(result.error).toMatch(/ran out of memory|more than 20000 ms of CPU time/);
    expect((await run("console.log(1 + 1);")).output).toBe("2");
  }, 30_000);
});

describe("checkSnippets", () => {
  const mdx = (output: string) => `---\ntitle: x\n---\n\n\`\`\`ts run\nconst n: number = 2;\nconsole.log(n * 21);\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n`;

  it("passes matching output and serves a rerun from the cache", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const first = await checkSnippets([{ path: "content/days/001.mdx", text: mdx("42") }], { root: ROOT, cacheFile });
    expect(first.problems).toEqual([]);
    expect(first.ran).toBe(1);
    const second = await checkSnippets([{ path: "content/days/001.mdx", text: mdx("42") }], { root: ROOT, cacheFile });
    expect(second.ran).toBe(0);
    expect(second.runs[0]!.result.output).toBe("42");
  });

  it("reports a mismatch with a diff at the output fence's line", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const { problems } = await checkSnippets([{ path: "content/days/001.mdx", text: mdx("41") }], { root: ROOT, cacheFile });
    expect(problems).toEqual([expect.objectContaining({ file: "content/days/001.mdx", line: 10, message: expect.stringContaining("- 41\n      + 42") })]);
  });

  it("maps type errors to the MDX file, line and column", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const text = "---\ntitle: x\n---\n\n```ts run\nconst n: number = 'two';\nconsole.log(n);\n```\n\n```output\ntwo\n```\n";
    const { problems } = await checkSnippets([{ path: "content/days/002.mdx", text }], { root: ROOT, cacheFile });
    expect(problems).toEqual([expect.objectContaining({ file: "content/days/002.mdx", line: 6, column: 7, message: expect.stringContaining("Type 'string' is not assignable to type 'number'") })]);
  });

  it("asks for the update command when the output fence is missing", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const { problems } = await checkSnippets([{ path: "a.mdx", text: "```ts run\nconsole.log(1);\n```\n" }], { root: ROOT, cacheFile });
    expect(problems).toEqual([expect.objectContaining({ line: 1, fix: expect.stringContaining("npm run snippets -- --update") })]);
  });

  it("reports a snippet that throws without `throws`, at the failing line", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const { problems } = await checkSnippets([{ path: "a.mdx", text: "intro\n\n```ts run\nconst a = 1;\nthrow new Error('bad ' + a);\n```\n\n```output\nError: bad 1 (line 2)\n```\n" }], { root: ROOT, cacheFile });
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: "the snippet ended in an error: Error: bad 1 (line 2)" })]);
  });
});

describe("what the snippets' type-check allows runs at build", () => {
  /** [library, code, output]: each passes the type-check, runs in the snippet host and prints its output. */
  const FEATURES: [string, string, string][] = [
    ["Object.groupBy and Map.groupBy (ES2024)", 'console.log(Object.groupBy([1, 2, 3], (n) => (n % 2 ? "odd" : "even")), Map.groupBy([1, 2], (n) => n > 1).get(true));', "[Object: null prototype] { odd: [ 1, 3 ], even: [ 2 ] } [ 2 ]"],
    ["Promise.withResolvers (ES2024)", "const { promise, resolve } = Promise.withResolvers<number>();\nresolve(7);\nconsole.log(await promise);", "7"],
    ["resizable and transferable ArrayBuffers (ES2024)", "const buffer = new ArrayBuffer(2, { maxByteLength: 8 });\nbuffer.resize(4);\nconsole.log(buffer.byteLength, buffer.transfer(1).byteLength, buffer.detached);", "4 1 true"],
    ["well-formed strings and the v flag (ES2024)", 'console.log("a\\uD800".isWellFormed(), /[\\p{L}--[a-z]]/v.test("A"));', "false true"],
    ["Set methods (ES2025)", "console.log(new Set([1, 2]).union(new Set([3])), new Set([1, 2]).isSubsetOf(new Set([1, 2, 3])));", "Set(3) { 1, 2, 3 } true"],
    ["iterator helpers (ES2025)", "console.log([1, 2, 3].values().map((n) => n * 2).filter((n) => n > 2).toArray(), Iterator.from([5, 6]).take(1).toArray());", "[ 4, 6 ] [ 5 ]"],
    ["Float16Array, Promise.try and RegExp.escape (ES2025)", 'console.log([...new Float16Array([1.5])], Math.f16round(1.337), await Promise.try(() => 3), RegExp.escape("a.b"));', "[ 1.5 ] 1.3369140625 3 \\x61\\.b"],
    ["Intl.DurationFormat (ES2025) and Intl.Locale's week info (ESNext)", 'console.log(new Intl.DurationFormat("en", { style: "short" }).format({ hours: 1, minutes: 2 }), new Intl.Locale("en-GB").getWeekInfo().firstDay);', "1 hr, 2 min 1"],
    ["using, await using and DisposableStack (ESNext)", '{\n  using first = { [Symbol.dispose]() { console.log("disposed"); } };\n  await using second = { async [Symbol.asyncDispose]() { console.log("disposed async"); } };\n  const stack = new DisposableStack();\n  stack.defer(() => console.log("deferred"));\n  stack.dispose();\n}\nconsole.log(new SuppressedError(1, 2, "both").message);', "deferred\ndisposed async\ndisposed\nboth"],
    ["Array.fromAsync and Error.isError (ESNext)", "console.log(await Array.fromAsync([Promise.resolve(1), 2]), Error.isError(new TypeError()), Error.isError({}));", "[ 1, 2 ] true false"],
    ["Uint8Array base64 and hex (ESNext)", 'console.log(Uint8Array.fromBase64("AQI="), new Uint8Array([1, 255]).toHex(), Uint8Array.fromHex("0aff").toBase64());', "Uint8Array(2) [ 1, 2 ] 01ff Cv8="],
    ["Map#getOrInsert (ESNext)", 'const counts = new Map<string, number>();\ncounts.set("a", counts.getOrInsert("a", 0) + 1);\nconsole.log(counts.get("a"), counts.getOrInsertComputed("bb", (key) => key.length));', "1 2"],
    ["Atomics.pause (ESNext)", 'Atomics.pause();\nconsole.log("paused");', "paused"],
    ["Temporal and Date#toTemporalInstant (ESNext)", 'const date = Temporal.PlainDate.from("2026-01-30").add({ days: 3 });\nconsole.log(date.toString(), date.dayOfWeek, new Date(0).toTemporalInstant().toString());', "2026-02-02 1 1970-01-01T00:00:00Z"],
  ];

  it("type-checks, runs and prints each newer ECMAScript feature the libraries declare", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const text = FEATURES.map(([, code, output]) => `\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n`).join("\n");
    const report = await checkSnippets([{ path: "content/days/001.mdx", text }], { root: ROOT, cacheFile });
    expect(report.problems).toEqual([]);
    expect(report.runs.map((r) => r.result.output)).toEqual(FEATURES.map(([, , output]) => output));
  });

  it.each([
    ["a decorator, which no engine runs", "function logged(value: Function, context: ClassMethodDecoratorContext) {}\nclass A {\n  @logged m() {}\n}", 3, "decorators can't run in a snippet"],
    ["an enum", "enum Colour { Red }\nconsole.log(Colour.Red);", 1, "enums can't run in a snippet"],
    ["a DOM global", "console.log(document.title);", 1, "`document` does not exist where snippets run"],
    ["a worker's own global", "postMessage('hi');", 1, "`postMessage` does not exist where snippets run"],
    ["SharedArrayBuffer, which a sandboxed worker lacks", "console.log(new SharedArrayBuffer(8).byteLength);", 1, "`SharedArrayBuffer` does not exist where snippets run"],
    ["a member of performance other than now()", 'performance.mark("start");', 1, "`performance.mark` does not exist where snippets run"],
  ])("refuses %s, at its line, and never runs it", async (_name, code, line, message) => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const report = await checkSnippets([{ path: "a.mdx", text: `\`\`\`ts run\n${code}\n\`\`\`\n` }], { root: ROOT, cacheFile });
    expect(report.problems).toEqual([expect.objectContaining({ file: "a.mdx", line: 1 + line, message: expect.stringContaining(message) })]);
    expect(report.runs).toEqual([]);
  });

  it("blames nothing on daybook/sim for a snippet's `using` (the compiler setup has Disposable)", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-cache-")), "snippets.json");
    const code = 'import { createRandom } from "daybook/sim";\nusing handle = { [Symbol.dispose]() { console.log("closed"); } };\nconsole.log(typeof createRandom);';
    const report = await checkSnippets([{ path: "a.mdx", text: `\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\nfunction\nclosed\n\`\`\`\n` }], { root: ROOT, cacheFile });
    expect(report.problems).toEqual([]);
  });
});
