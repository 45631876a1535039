import { describe, expect, it } from "vitest";
import { formatError, formatUncaught, snippetFrames, snippetLine } from "../../src/runtime/error-format.ts";
import { captureConsole } from "../../src/runtime/console-capture.ts";
import { MAX_OUTPUT_LINES } from "../../src/runtime/output-limits.ts";
import { seededRandom } from "../../src/runtime/seeded-random.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";

describe("console formatting (shared by Node and the browser)", () => {
  it.each([
    ["hello 42", () => ["hello", 42]],
    ["cart has 3 items", () => ["%s has %d items", "cart", 3]],
    ["{ a: 1, b: 'two', c: [ 1, 2, 3 ] }", () => [{ a: 1, b: "two", c: [1, 2, 3] }]],
    ["Map(1) { 'k' => 1 }", () => [new Map([["k", 1]])]],
    ["Set(2) { 1, 2 }", () => [new Set([1, 2])]],
    ["[ undefined, null, 1n, Symbol(s) ]", () => [[undefined, null, 1n, Symbol("s")]]],
    ["{ nested: { deeper: { deepest: [Object] } } }", () => [{ nested: { deeper: { deepest: { gone: 1 } } } }]],
    ["<img src=x onerror=alert(1)>", () => ["<img src=x onerror=alert(1)>"]],
    ["-0 0.30000000000000004", () => [-0, 0.1 + 0.2]],
  ])("prints %s", (expected, args) => {
    const capture = captureConsole();
    capture.console.log(...(args() as unknown[]));
    expect(capture.lines()).toEqual(expected.split("\n"));
  });

  it("caps a flood of output with a note", () => {
    const capture = captureConsole();
    for (let i = 0; i < MAX_OUTPUT_LINES + 50; i++) capture.console.log(i);
    expect(capture.lines()).toHaveLength(MAX_OUTPUT_LINES + 1);
    expect(capture.lines().at(-1)).toMatch(/output truncated/);
  });
});

describe("error lines", () => {
  it("finds the snippet line in a V8 stack", () => {
    const stack = "Error: boom\n    at helper (file:///x/sim.js:10:3)\n    at snippet.ts:4:11\n    at run (snippet.ts:9:1)";
    expect(snippetLine(stack, "snippet.ts")).toBe(4);
    expect(snippetLine("Error: boom\n    at blob:null/1f2e:7:5", "blob:null/1f2e")).toBe(7);
  });
  it("reads the snippet's frames in the runtime's own format and in each engine's", () => {
    expect(snippetFrames("Error: boom\n    at line 4\n    at line 9", "blob:null/1f2e")).toEqual([4, 9]);
    const spiderMonkey = "helper@blob:null/1f2e:3:7\nasync*@blob:null/1f2e:8:1\nrun@https://journal.example/runner/worker.js:1:200";
    expect(snippetFrames(spiderMonkey, "blob:null/1f2e")).toEqual([3, 8]);
    expect(snippetFrames("Error\n    at new Order (daybook-snippet.js:12:9)\n    at async Promise.all (index 0)", "daybook-snippet.js")).toEqual([12]);
  });
  it("follows an uncaught error's causes and aggregated errors, whatever the snippet made of them", () => {
    const at = (line: number) => `\n    at line ${line}`;
    const shared = Object.assign(new Error("shared"), { stack: `Error: shared${at(2)}` });
    const many = Object.assign(new AggregateError([shared, shared, ...Array.from({ length: 10 }, (_, i) => i)], "many"), { stack: `AggregateError: many${at(5)}` });
    expect(formatUncaught(many, "s.js")).toEqual(["AggregateError: many (line 5)", "  [errors]:", "    Error: shared (line 2)", "    Error: shared (line 2)", ...Array.from({ length: 8 }, (_, i) => `    ${i}`), "    ... 2 more"]);
    let deep: Error = new Error("0");
    for (let i = 1; i <= 12; i++) deep = new Error(String(i), { cause: deep });
    expect(formatUncaught(deep, "s.js")).toHaveLength(9);
    const hostile = new Proxy(new Error("trap"), { getOwnPropertyDescriptor: () => { throw new Error("no"); }, has: () => { throw new Error("no"); } });
    expect(formatUncaught(hostile, "s.js")).toEqual(["Error: trap"]);
    expect(formatUncaught(Object.assign(new Error("multi"), { cause: { list: ["a".repeat(40), "b".repeat(40)] } }), "s.js")).toEqual(["Error: multi", "  [cause]: {", "    list: [", "      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',", "      'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'", "    ]", "  }"]);
  });
  it("prints Name: message (line N), across realms and for thrown non-errors", () => {
    const error = { name: "TypeError", message: "x is not a function", stack: "TypeError: x\n    at snippet.ts:3:1" };
    expect(formatError(error, "snippet.ts")).toBe("TypeError: x is not a function (line 3)");
    expect(formatError(new RangeError("too big"), "nowhere.ts")).toBe("RangeError: too big");
    expect(formatError("oops", "snippet.ts")).toBe('Uncaught "oops"');
  });
});

describe("seeded random and transpiling", () => {
  it("gives the same sequence for the same seed", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const seq = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seq);
    expect(seq.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(2)()).not.toBe(seq[0]);
  });
  it("strips types and keeps every line where it was", () => {
    const ts = 'import { table } from "daybook/sim";\ninterface P { x: number }\nconst p: P = { x: 1 };\n\nconsole.log(p as P, table);';
    const js = transpileSnippet(ts);
    expect(js.split("\n")).toHaveLength(5);
    expect(js.split("\n")[4]).toBe("console.log(p , _sim.table);");
    expect(js).toContain("require('daybook/sim')");
  });
});
