// A build type-checks its snippets file by file, giving the event loop a turn after each, so that
// a snippet that type-checks starts running while the next ones are checked
// (typecheckSnippetsInTurn in src/integration/snippets/snippet-typecheck.ts). It must find what
// the whole check finds, in the same order, and tell each snippet only the problems in it.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { inSnippet, type Snippet } from "../../src/integration/snippets/snippet-extract.ts";
import type { Problem } from "../../src/integration/content/problem.ts";

// The realm check (which globals a snippet may not use) walks each file with the checker: every
// file it walks is recorded, so a test can tell when a snippet's file is walked.
const walked = vi.hoisted(() => [] as string[]);
vi.mock("../../src/runtime/typecheck-options.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/runtime/typecheck-options.ts")>();
  return { ...real, findRealmProblems: (...args: Parameters<typeof real.findRealmProblems>) => (walked.push(args[1].fileName), real.findRealmProblems(...args)) };
});
const { typecheckSnippets, typecheckSnippetsInTurn } = await import("../../src/integration/snippets/snippet-typecheck.ts");

const ROOT = path.resolve(import.meta.dirname, "../..");
const snippet = (code: string, line: number, file = "content/days/001-x.mdx"): Snippet => ({ file, line, code, meta: { timeout: 2000, throws: false }, closeIndex: line + code.split("\n").length });

const SNIPPETS = [
  snippet('const n: number = "one";\nconsole.log(n);', 10),
  snippet("const s: string = 'fine';\nconsole.log(s.toUpperCase());", 30),
  snippet("self.postMessage(1);\ndocument.title = 'x';", 50),
  snippet('import { createSim } from "daybook/sim";\nimport { show } from "daybook/show";\nconst sim: number = createSim;\nshow.nothing();', 70),
  snippet("enum Colour { Red }\nconsole.log(Colour.Red);", 90),
  snippet("const ok = [1, 2, 3].map((x) => x * 2);\nconsole.log(ok);", 5, "content/days/002-y.mdx"),
  snippet("function broken( {\n  return 1;\n}", 20, "content/days/002-y.mdx"),
  snippet("let total = 0;\nfor (const x of [1, 2]) total += x;\nconsole.log(total);", 40, "content/days/002-y.mdx"),
];

describe("the snippets' type-check, file by file", () => {
  it("finds what the whole check finds, in the same order, and tells each snippet its own problems as its file is checked", async () => {
    const whole = typecheckSnippets(SNIPPETS, ROOT);
    const told = new Map<number, Problem[]>();
    const turns: number[] = [];
    const inTurn = await typecheckSnippetsInTurn(SNIPPETS, ROOT, (index, problems) => {
      expect(told.has(index), `snippet ${index} told twice`).toBe(false);
      told.set(index, problems);
      // The event loop gets a turn before the next snippet is told.
      setImmediate(() => turns.push(index));
    });
    expect(inTurn).toEqual(whole);
    expect([...told.keys()].sort()).toEqual(SNIPPETS.map((_, i) => i));
    for (const [i, s] of SNIPPETS.entries()) expect(told.get(i), `snippet ${i}`).toEqual(whole.filter((p) => inSnippet(p, s)));
    expect(turns.slice(0, SNIPPETS.length - 1)).toEqual([...told.keys()].slice(0, SNIPPETS.length - 1));
    // Some pass, some do not: the problems are really told apart.
    expect(SNIPPETS.map((_, i) => told.get(i)!.length > 0)).toEqual([true, false, true, true, true, false, true, false]);
  }, 60_000);

  it("walks a snippet's file for realm problems just before checking it, not every file before telling the first", async () => {
    walked.length = 0;
    const walkedWhenTold: number[] = [];
    await typecheckSnippetsInTurn(SNIPPETS, ROOT, () => walkedWhenTold.push(new Set(walked).size));
    // Snippet n is told once n + 1 files are walked: its own and those told before it.
    expect(walkedWhenTold).toEqual(SNIPPETS.map((_, i) => i + 1));
    // The whole check walks them all too, each once, before it gathers TypeScript's diagnostics.
    walked.length = 0;
    typecheckSnippets(SNIPPETS, ROOT);
    expect(walked).toHaveLength(SNIPPETS.length);
    expect(new Set(walked).size).toBe(SNIPPETS.length);
  }, 60_000);

  it("tells nothing and finds nothing for no snippets", async () => {
    const told: number[] = [];
    expect(await typecheckSnippetsInTurn([], ROOT, (i) => told.push(i))).toEqual([]);
    expect(told).toEqual([]);
  });
});
