/**
 * The console and error-printing cases of runtime-console.test.ts, in a module of their own so
 * that a test in another environment (a browser) can run the same ones.
 */
/** Cases whose output must be Node's, byte for byte. The code is JavaScript that is also TypeScript. */
export const sameAsNode: Record<string, string> = {
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

/** An uncaught error ends the output: `Name: message (line N)`, then its cause chain and aggregated errors. */
export const uncaught: [name: string, code: string, expected: string][] = [
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

