import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { TypecheckThread } from "../../src/integration/dev/typecheck-thread.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FILE = "content/days/001-cache.mdx";
const ENTRY = [
  "---",
  "title: x",
  "---",
  "",
  "Intro.",
  "",
  "```ts run",
  'const n: number = "five";',
  "console.log(n);",
  "```",
  "",
  "Between.",
  "",
  "```ts run",
  'const s: string = 5;',
  "console.log(s);",
  "```",
  "",
].join("\n");

const typeErrors = (problems: { line?: number | undefined; message: string }[]) => problems.filter((p) => p.message.startsWith("type error")).map((p) => [p.line, p.message]);

describe("the snippets' type-check cache", () => {
  it("is keyed by the code, not its place: a paragraph added above moves the problems' lines, from the cache", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-typecheck-cache-")), "snippets.json");
    const first = await checkSnippets([{ path: FILE, text: ENTRY }], { root: ROOT, cacheFile });
    expect(typeErrors(first.problems)).toEqual([
      [8, expect.stringContaining("Type 'string' is not assignable to type 'number'")],
      [15, expect.stringContaining("Type 'number' is not assignable to type 'string'")],
    ]);

    // Mark what the cache holds, so a hit can be told from a second type-check.
    const cache = readFileSync(cacheFile, "utf8");
    expect(cache).toContain("not assignable to type 'number'");
    writeFileSync(cacheFile, cache.replaceAll("is not assignable to type", "(from the cache) is not assignable to type"));

    const moved = ENTRY.replace("Intro.\n", "Intro.\n\nA new paragraph,\nover two lines.\n");
    const second = await checkSnippets([{ path: FILE, text: moved }], { root: ROOT, cacheFile });
    expect(typeErrors(second.problems)).toEqual([
      [11, expect.stringContaining("(from the cache) is not assignable to type 'number'")],
      [18, expect.stringContaining("(from the cache) is not assignable to type 'string'")],
    ]);
    // Each line still points at the code: the snippet's first line, as written.
    expect(moved.split("\n")[10]).toBe('const n: number = "five";');
    expect(moved.split("\n")[17]).toBe("const s: string = 5;");

    // Changed code is checked again.
    const edited = moved.replace('const n: number = "five";', "const n: number = 5;");
    const third = await checkSnippets([{ path: FILE, text: edited }], { root: ROOT, cacheFile });
    expect(typeErrors(third.problems)).toEqual([[18, expect.not.stringContaining("(from the cache)")]]);
  });
});

describe("a type-check that left out the helper library (the dev server's)", () => {
  it("is reused by the dev server but never by a build, which checks the library itself", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-typecheck-partial-")), "snippets.json");
    const files = [{ path: FILE, text: ENTRY }];
    // A dev check whose (stand-in) thread reports one marked problem.
    let devChecks = 0;
    const typecheck = async () => {
      devChecks++;
      return [{ file: FILE, line: 8, message: "type error in a runnable snippet: MARKED (TS0)", fix: "x" }];
    };
    const dev = await checkSnippets(files, { root: ROOT, cacheFile, typecheck });
    expect(dev.problems.map((p) => p.message)).toContain("type error in a runnable snippet: MARKED (TS0)");
    expect((await checkSnippets(files, { root: ROOT, cacheFile, typecheck })).problems.map((p) => p.message)).toContain("type error in a runnable snippet: MARKED (TS0)");
    expect(devChecks, "the dev server reuses its own check").toBe(1);
    // The build does not take the dev server's result: it type-checks, and finds the real errors.
    const build = await checkSnippets(files, { root: ROOT, cacheFile });
    expect(build.problems.map((p) => p.message).join("\n")).not.toContain("MARKED");
    expect(typeErrors(build.problems)).toHaveLength(2);
    // From then on the dev server reuses the build's check.
    const after = await checkSnippets(files, { root: ROOT, cacheFile, typecheck });
    expect(devChecks).toBe(1);
    expect(typeErrors(after.problems)).toEqual(typeErrors(build.problems));
  });
});

describe("a build's type-check in a thread", () => {
  it("checks the helper library too, finds what the in-process check finds, and is never taken from a dev server's check", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-typecheck-thread-")), "snippets.json");
    const files = [{ path: FILE, text: ENTRY }];
    // A dev check (stand-in thread) leaves its partial result in the cache.
    await checkSnippets(files, { root: ROOT, cacheFile, typecheck: async () => [{ file: FILE, line: 8, message: "type error in a runnable snippet: MARKED (TS0)", fix: "x" }] });
    const thread = new TypecheckThread(ROOT);
    try {
      let checks = 0;
      const inThread = (snippets: Parameters<TypecheckThread["check"]>[0]) => (checks++, thread.check(snippets, "checked"));
      const build = await checkSnippets(files, { root: ROOT, cacheFile, typecheck: inThread, typecheckHelpers: "checked" });
      expect(checks, "the dev server's partial check is not a build's").toBe(1);
      expect(build.problems.map((p) => p.message).join("\n")).not.toContain("MARKED");
      const inProcess = await checkSnippets(files, { root: ROOT, cacheFile: `${cacheFile}.fresh` });
      expect(typeErrors(build.problems)).toEqual(typeErrors(inProcess.problems));
      expect(typeErrors(build.problems)).toHaveLength(2);
      // Stored as a build's check: an in-process build takes it from the cache.
      const again = await checkSnippets(files, { root: ROOT, cacheFile, typecheck: inThread, typecheckHelpers: "checked" });
      expect(checks).toBe(1);
      expect(typeErrors(again.problems)).toEqual(typeErrors(build.problems));
    } finally {
      await thread.close();
    }
  });
});
