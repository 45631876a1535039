/**
 * The snippet console and error printing against Node itself: each case runs in real Node (the
 * reference: its own console and util.inspect, with stacks trimmed to the snippet's lines by the
 * hook the runtime installs) and in Daybook's runtime, in vm contexts and through a SnippetPool,
 * and all three must print the same bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { captureConsole, MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from "../../src/runtime/console-capture.ts";
import { formatTime } from "../../src/runtime/console/format-time.ts";
import { getStringWidth } from "../../src/runtime/console/string-width.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { inBatches, PINNED_ENV, runInNode, runInPool, runInVmContexts } from "./runtime-harness.ts";

/** Cases whose output must be Node's, byte for byte. The code is JavaScript that is also TypeScript. */
const sameAsNode: Record<string, string> = {
  // Errors: Node's structure, the snippet's lines only.
  "a logged error": `console.log(new Error("boom"));`,
  "an error from a nested call": `function inner() {\n  throw new TypeError("bad input");\n}\nfunction outer() { inner(); }\ntry { outer(); } catch (e) { console.log(e); }`,
  "an error's stack printed directly": `const e = new RangeError("too far");\nconsole.log(e.stack);\nconsole.log(String(e));`,
  "a cause chain": `function load() { throw new Error("disk full"); }\nfunction save() {\n  try { load(); } catch (e) { throw new Error("save failed", { cause: e }); }\n}\ntry { save(); } catch (e) { console.log(e); }`,
  "a cause that is not an error": `console.log(new Error("timed out", { cause: "deadline" }));\nconsole.log(new Error("retry", { cause: { attempts: 3, last: 503 } }));`,
  "extra own properties": `const e = Object.assign(new Error("no such order"), { code: "E_NOT_FOUND", status: 404 });\nconsole.log(e);\nconsole.log({ e });`,
  "errors nested in objects, arrays, maps": `const e = new Error("inner");\nconsole.log({ result: e, list: [e, 1] });\nconsole.log(new Map([["k", new TypeError("v")]]));`,
  "Promise.allSettled reasons": `const results = await Promise.allSettled([Promise.reject(new Error("nope")), Promise.resolve(1)]);\nconsole.log(results);`,
  "an AggregateError": `const a = new Error("primary down");\nconst b = new Error("replica down");\nconsole.log(new AggregateError([a, b], "all replicas failed"));`,
  "Promise.any's AggregateError (no snippet frame)": `try {\n  await Promise.any([Promise.reject(new Error("a")), Promise.reject(new Error("b"))]);\n} catch (e) { console.log(e); }`,
  "an error after await": `async function fetchUser() {\n  await null;\n  throw new Error("late");\n}\ntry { await fetchUser(); } catch (e) { console.log(e); }`,
  "an engine TypeError": `try {\n  const x: any = null;\n  x.name;\n} catch (e) { console.log(e); }`,
  "error subclasses": `class DbError extends Error {\n  constructor(m) { super(m); this.name = "DbError"; }\n}\nclass Unnamed extends Error {}\nconsole.log(new DbError("locked"));\nconsole.log(new Unnamed("who"));`,
  "an error without message": `console.log(new Error());\nconsole.log([new Error()]);`,
  "deep recursion": `function down(n) { if (n === 0) throw new Error("bottom"); return down(n - 1); }\ntry { down(30); } catch (e) { console.log(e); }`,
  "errors through %s, %o, dir, error, warn": `const e = new Error("fmt");\nconsole.log("%s", e);\nconsole.log("%o", { e });\nconsole.dir(e);\nconsole.error(e);\nconsole.warn("warned:", e);`,
  "a stackless error": `const e = new Error("bare");\ne.stack = "Error: bare";\nconsole.log(e, [e]);`,
  // console.table
  "table of objects": `console.table([{ a: 1, b: "x" }, { a: 2, c: true }]);`,
  "table of arrays": `console.table([[1, 2], [3, 4, 5]]);`,
  "table with columns": `console.table([{ a: 1, b: 2, c: 3 }, { a: 4, c: 6 }], ["c", "a", "missing"]);`,
  "table of an object of objects": `console.table({ alice: { age: 30, city: "Oslo" }, bob: { age: 25 } });`,
  "table of primitives": `console.table([1, "two", null, undefined, 5n]);\nconsole.table({ x: 1, y: "y" });`,
  "table mixing primitives and objects": `console.table([1, { a: 2 }, [3]]);`,
  "table of a Map and a Set": `console.table(new Map([["a", { n: 1 }], ["b", 2]]));\nconsole.table(new Set(["x", { y: 1 }]));`,
  "table cells one level deep": `console.table([{ nested: { deep: { deeper: 1 } }, list: [1, 2, 3, 4, 5], big: { a: 1, b: 2, c: 3 } }]);`,
  "table widths of wide characters": `console.table([{ name: "東京", v: "é" }, { name: "🚀 launch", v: "x\\u0301" }, { name: "tab\\there", v: "" }]);`,
  "table of non-objects and empties": `console.table(5);\nconsole.table("text");\nconsole.table(null);\nconsole.table([]);\nconsole.table({});`,
  "table with rows of columns missing": `console.table([{ a: 1 }, {}, { b: 2 }], ["a"]);\nconsole.table([1, 2], ["a"]);`,
  "table with a wrong columns argument": `try { console.table([{ a: 1 }], "a" as any); } catch (e) { console.log(e.name, e.code, e.message); }`,
  "table of typed arrays": `console.table([new Uint8Array([1, 2, 3, 4])]);\nconsole.table(new Uint8Array([7, 8]));`,
  // console.dir, group, assert, count
  "dir with options": `const o = { a: { b: { c: { d: 1 } } }, s: "str" };\nconsole.dir(o);\nconsole.dir(o, { depth: 0 });\nconsole.dir(o, { depth: null });\nconsole.dir("text");\nconsole.dirxml(o, 1);`,
  "dir ignores custom inspectors": `const custom = { [Symbol.for("nodejs.util.inspect.custom")]: () => "custom!" };\nconsole.log(custom);\nconsole.dir(custom);`,
  "groups indent": `console.log("top");\nconsole.group("A");\nconsole.log("in A");\nconsole.group();\nconsole.warn({ multi: "line".repeat(20), more: ["x".repeat(30), "y".repeat(30)] });\nconsole.groupEnd();\nconsole.groupCollapsed("B", 1);\nconsole.table([{ x: 1 }]);\nconsole.groupEnd();\nconsole.groupEnd();\nconsole.groupEnd();\nconsole.log("bottom");`,
  assert: `console.assert(true, "never");\nconsole.assert(1 > 2);\nconsole.assert(false, "math is %s", "hard", 42);\nconsole.assert(0, { a: 1 });\nconsole.assert(null, 5, "x");`,
  "count and countReset": `console.count();\nconsole.count();\nconsole.count("jobs");\nconsole.count(1);\nconsole.countReset();\nconsole.count();\nconsole.countReset("nope");\nconsole.countReset(1);\nconsole.count("1");`,
  // console.time on the virtual clock
  "time, timeLog, timeEnd": `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nconsole.time();\nconsole.time("load");\nawait sleep(250);\nconsole.timeLog("load", "halfway", { step: 1 });\nawait sleep(1250);\nconsole.timeEnd("load");\nconsole.timeEnd();\nconsole.time("now");\nconsole.timeEnd("now");`,
  "time in minutes and hours": `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nconsole.time("m");\nawait sleep(65_432);\nconsole.timeLog("m");\nawait sleep(2 * 3_600_000);\nconsole.timeEnd("m");`,
  "time warnings": `console.time("a");\nconsole.time("a");\nconsole.timeLog("b");\nconsole.timeEnd("c");\nconsole.log("done");`,
  // console.trace and the plain methods
  trace: `function where() {\n  console.trace("here %d", 5);\n}\nwhere();\nconsole.trace();\nconsole.trace({ a: 1 });`,
  "log, info, debug, warn, error": `console.log("%%");\nconsole.log("%d%%", 50);\nconsole.info("info", 1);\nconsole.debug("debug");\nconsole.warn("warn");\nconsole.error("error", [1]);\nconsole.log();\nconsole.log("a\\nb");`,
};

const names = Object.keys(sameAsNode);
let reference: string[] = [];
let inContexts: string[] = [];
let inPool: string[] = [];

beforeAll(async () => {
  const sources = names.map((name) => transpileSnippet(sameAsNode[name]!));
  const [node, contexts, pool] = await Promise.all([
    inBatches(names.map((name) => () => runInNode(sameAsNode[name]!))),
    runInVmContexts(sources, PINNED_ENV),
    runInPool(sources, PINNED_ENV),
  ]);
  reference = node;
  inContexts = contexts.map((result) => result.output);
  inPool = pool.map((result) => result.output);
});

describe("console output is Node's, in a vm context and through the snippet pool", () => {
  it.each(names.map((name, index) => [name, index] as const))("%s", (_name, index) => {
    expect(inContexts[index]).toBe(reference[index]);
    expect(inPool[index]).toBe(reference[index]);
  });
});

/** An uncaught error ends the output: `Name: message (line N)`, then its cause chain and aggregated errors. */
const uncaught: [name: string, code: string, expected: string][] = [
  ["an error", `console.log("before");\nthrow new RangeError("nope");`, "before\nRangeError: nope (line 2)"],
  ["an error from a function", `function check(n: number) {\n  if (n > 2) throw new Error("too big");\n}\ncheck(3);`, "Error: too big (line 2)"],
  [
    "a cause chain",
    `function connect() { throw new Error("connection refused"); }\nfunction save() {\n  try { connect(); } catch (e) { throw new Error("could not save", { cause: e }); }\n}\ntry { save(); } catch (e) {\n  throw new Error("order failed", { cause: e });\n}`,
    "Error: order failed (line 6)\n  [cause]: Error: could not save (line 3)\n    [cause]: Error: connection refused (line 1)",
  ],
  ["a cause that is not an error", `throw new Error("timed out", { cause: { after: 500, unit: "ms" } });`, "Error: timed out (line 1)\n  [cause]: { after: 500, unit: 'ms' }"],
  ["a cause that is the error itself", `const e: any = new Error("loop");\ne.cause = e;\nthrow e;`, "Error: loop (line 1)\n  [cause]: [Circular]"],
  [
    "Promise.any's AggregateError",
    `await Promise.any([\n  Promise.reject(new Error("primary down")),\n  Promise.reject(new TypeError("replica down", { cause: "disk" })),\n]);`,
    "AggregateError: All promises were rejected\n  [errors]:\n    Error: primary down (line 2)\n    TypeError: replica down (line 3)\n      [cause]: 'disk'",
  ],
  ["an unhandled rejection", `Promise.reject(new Error("lost"));\nconsole.log("after");`, "after\nError: lost (line 1)"],
  ["a thrown string", `throw "oops";`, 'Uncaught "oops"'],
  ["a thrown object", `throw { code: 1 };`, "Uncaught [object Object]"],
  ["an error from daybook/sim: only the snippet's line", `import { createRandom } from "daybook/sim";\nconst random = createRandom(1);\n\nrandom.pick([]);`, "RangeError: pick() needs a non-empty array (line 4)"],
  [
    "an error from daybook/sim, logged: only the snippet's lines",
    `import { createRandom } from "daybook/sim";\ntry { createRandom(1).int(2, 1); } catch (e) { console.log(e); }`,
    "RangeError: int(2, 1) needs two integers with min <= max\n    at line 2",
  ],
  [
    "a snippet that replaces the stack hook still gets its line",
    `(Error as any).prepareStackTrace = undefined;\nconst e = new Error("raw");\nconsole.log(/daybook-snippet\\.js:2:/.test(e.stack!));\nthrow e;`,
    "true\nError: raw (line 2)",
  ],
];

describe("uncaught errors", () => {
  let contexts: { output: string; error: string }[] = [];
  let pool: { output: string; error?: string }[] = [];
  beforeAll(async () => {
    const sources = uncaught.map(([, code]) => transpileSnippet(code));
    [contexts, pool] = await Promise.all([runInVmContexts(sources, PINNED_ENV), runInPool(sources, PINNED_ENV)]);
  });
  it.each(uncaught.map(([name, , expected], index) => [name, expected, index] as const))("%s", (_name, expected, index) => {
    expect(contexts[index]!.output).toBe(expected);
    expect(pool[index]!.output).toBe(expected);
    // The result's error is the uncaught error's first line only: the check reads `(line N)` at its end.
    const first = expected.split("\n").find((line) => /^(\w*Error: .*\(line \d+\)|AggregateError: .*|Uncaught .*)$/.test(line)) ?? "";
    expect(contexts[index]!.error).toBe(first);
    expect(pool[index]!.error ?? "").toBe(first);
  });
});

describe("Node's own formatting helpers", () => {
  const times = [0, 0.5, 1, 12.3456, 250, 999.9999, 1000, 1500, 59_999, 60_000, 65_432, 3_599_999, 3_600_000, 7_265_432.1, 36_000_000];
  const strings = ["", "abc", "tab\there", "\u001b[31mred\u001b[39m", "é", "e\u0301", "東京", "ｶﾀｶﾅ", "한국어", "🚀", "👍🏽", "👨‍👩‍👧", "✓", "€", "\u200b", "\u00ad", "x\u0301\u0302", "🇳🇴", "⌚", "©"];
  it("formatTime and getStringWidth agree with Node's internals", async () => {
    const program = `const { formatTime } = require("internal/util/debuglog"); const { getStringWidth } = require("internal/util/inspect");
      const input = ${JSON.stringify({ times, strings })};
      process.stdout.write(JSON.stringify({ times: input.times.map(formatTime), widths: input.strings.map((s) => getStringWidth(s)) }));`;
    const { execFileSync } = await import("node:child_process");
    const node = JSON.parse(execFileSync(process.execPath, ["--expose-internals", "--no-warnings", "-e", program], { env: PINNED_ENV, encoding: "utf8" })) as { times: string[]; widths: number[] };
    expect(times.map(formatTime)).toEqual(node.times);
    expect(strings.map(getStringWidth)).toEqual(node.widths);
  });
});

describe("the output cap holds for every method", () => {
  const flood: Record<string, (c: ReturnType<typeof captureConsole>["console"]) => void> = {
    log: (c) => c.log("x"),
    "log of a long line": (c) => c.log("y".repeat(10_000)),
    error: (c) => c.error(new Error("e")),
    table: (c) => c.table([{ a: 1 }, { a: 2 }]),
    dir: (c) => c.dir({ a: [1, 2, 3] }),
    group: (c) => c.group("g"),
    trace: (c) => c.trace("t"),
    count: (c) => c.count(),
    assert: (c) => c.assert(false, "no"),
    time: (c) => c.time("same label"),
    timeLog: (c) => c.timeLog("missing"),
  };
  it.each(Object.keys(flood))("%s", (name) => {
    const capture = captureConsole({ sourceName: "daybook-snippet.js" });
    for (let i = 0; i < 2 * MAX_OUTPUT_LINES; i++) flood[name]!(capture.console);
    const lines = capture.lines();
    expect(lines.length).toBeLessThanOrEqual(MAX_OUTPUT_LINES + 1);
    expect(lines.join("\n").length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS + 200);
    expect(lines.at(-1)).toMatch(/^… output truncated: more than 500 lines or 50000 characters$/);
  });
});
