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
    ["rejects other imports", "import fs from 'node:fs';\nconsole.log(fs);", "Error: Cannot find module 'node:fs': snippets can import daybook/sim (line 1)"],
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
