/**
 * The snippet console and error printing against Node itself: each case runs in real Node (the
 * reference: its own console and util.inspect, with stacks trimmed to the snippet's lines by the
 * hook the runtime installs) and in Daybook's runtime, in vm contexts and through a SnippetPool,
 * and all three must print the same bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { captureConsole } from "../../src/runtime/console-capture.ts";
import { MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from "../../src/runtime/output-limits.ts";
import { formatTime } from "../../src/runtime/console/format-time.ts";
import { getStringWidth } from "../../src/runtime/console/string-width.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { sameAsNode, uncaught } from "./runtime-console-cases.ts";
import { inBatches, PINNED_ENV, runInNode, runInPool, runInVmContexts } from "./runtime-harness.ts";

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
