import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptOutput } from "../../src/integration/dev/dev-accept.ts";
import { liveSnippets, outputHash } from "../../src/integration/dev/dev-snippets.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import type { SnippetRun } from "../../src/integration/snippets/snippet-check.ts";
import type { RunResult } from "../../src/runtime/run-snippet.ts";

const ENTRY = [
  "---\r",
  'title: "x"\r',
  "---\r",
  "\r",
  "```ts run\r",
  'console.log("one");\r',
  "```\r",
  "\r",
  "```output\r",
  "stale one\r",
  "```\r",
  "\r",
  "Between  the two, with trailing spaces   \r",
  "\r",
  "```ts run\r",
  'console.log("two");\r',
  "```\r",
  "\r",
  "~~~output\r",
  "stale two\r",
  "~~~",
].join("\n");

/** An entry in a content folder, its snippets as the dev server knows them after runs printing `outputs`. */
function setup(text: string, results: RunResult[]) {
  const root = mkdtempSync(path.join(tmpdir(), "daybook-accept-"));
  const contentRoot = path.join(root, "content");
  mkdirSync(path.join(contentRoot, "days"), { recursive: true });
  const file = "content/days/001-x.mdx";
  writeFileSync(path.join(root, file), text);
  const runs: SnippetRun[] = extractSnippets(file, text).snippets.map((snippet, i) => ({ snippet, js: "", result: results[i]! }));
  const live = liveSnippets(file, text, runs, []);
  const read = () => readFileSync(path.join(root, file), "utf8");
  return { root, contentRoot, file, live, read };
}

describe("Accept output", () => {
  it("rewrites that one fence and keeps every other byte", () => {
    const { root, contentRoot, live, read } = setup(ENTRY, [{ output: "one" }, { output: "two" }]);
    const outcome = acceptOutput(root, contentRoot, live[1]!, live[1]!.view.outputHash!);
    expect(outcome.status).toBe(200);
    expect(read()).toBe(ENTRY.replace("stale two", "two"));
  });

  it("writes nothing for a hash other than its own latest output's", () => {
    const { root, contentRoot, live, read } = setup(ENTRY, [{ output: "one" }, { output: "two" }]);
    expect(acceptOutput(root, contentRoot, live[0]!, outputHash("one, as an older page showed it")).status).toBe(409);
    expect(acceptOutput(root, contentRoot, live[0]!, live[1]!.view.outputHash!).status).toBe(409);
    expect(read()).toBe(ENTRY);
  });

  it("writes nothing when the snippet's code changed on disk since it ran", () => {
    const { root, contentRoot, live, read } = setup(ENTRY, [{ output: "one" }, { output: "two" }]);
    const edited = ENTRY.replace('console.log("one")', 'console.log("uno")');
    writeFileSync(path.join(root, live[0]!.view.file), edited);
    expect(acceptOutput(root, contentRoot, live[0]!, live[0]!.view.outputHash!).status).toBe(409);
    expect(read()).toBe(edited);
  });

  it("finds the snippet again when lines above it moved", () => {
    const { root, contentRoot, live, read } = setup(ENTRY, [{ output: "one" }, { output: "two" }]);
    const moved = ENTRY.replace('title: "x"\r\n', 'title: "x"\r\nsummary: "added since"\r\n');
    writeFileSync(path.join(root, live[1]!.view.file), moved);
    expect(acceptOutput(root, contentRoot, live[1]!, live[1]!.view.outputHash!).status).toBe(200);
    expect(read()).toBe(moved.replace("stale two", "two"));
  });

  it("never writes a stopped run's output, nor one a text file cannot hold", () => {
    const { root, contentRoot, live, read } = setup(ENTRY, [{ output: "cut short", stopped: true }, { output: "nul \0 byte" }]);
    expect(live[0]!.view.acceptable).toBe(false);
    expect(live[1]!.view.acceptable).toBe(false);
    expect(acceptOutput(root, contentRoot, live[0]!, live[0]!.view.outputHash!).status).toBe(409);
    expect(acceptOutput(root, contentRoot, live[1]!, live[1]!.view.outputHash!).status).toBe(422);
    expect(read()).toBe(ENTRY);
  });

  it("never writes outside the content folder, whatever the snippet's recorded file", () => {
    const { root, contentRoot, live } = setup(ENTRY, [{ output: "one" }, { output: "two" }]);
    writeFileSync(path.join(root, "package.json"), ENTRY);
    const forged = { ...live[0]!, view: { ...live[0]!.view, file: "package.json" } };
    expect(acceptOutput(root, contentRoot, forged, forged.view.outputHash!).status).toBe(409);
    expect(readFileSync(path.join(root, "package.json"), "utf8")).toBe(ENTRY);
  });
});

describe("the dev view of an entry's snippets", () => {
  it("says which outputs differ from their fence, with a text diff, and which can be accepted", () => {
    const text = "```ts run\nconsole.log(1);\n```\n\n```output\n1\n```\n\n```ts run\nconsole.log(2);\n```\n\n```output\n<b>old</b>\n```\n\n```ts run\nconsole.log(3);\n```\n";
    const runs = extractSnippets("e.mdx", text).snippets.map((snippet, i) => ({ snippet, js: "", result: { output: ["1\n", "<b>new</b>", "3"][i]! } }));
    const [same, changed, unfenced] = liveSnippets("e.mdx", text, runs, []).map((s) => s.view);
    expect(same).toMatchObject({ outOfDate: false, acceptable: false });
    expect(same!.diff).toBeUndefined();
    expect(changed).toMatchObject({ outOfDate: true, acceptable: true, diff: "- <b>old</b>\n+ <b>new</b>" });
    expect(unfenced).toMatchObject({ outOfDate: true, acceptable: true, output: "3" });
    expect(unfenced!.diff).toBeUndefined();
  });

  it("gives the same code twice in one file two ids, stable across edits elsewhere", () => {
    const text = "```ts run\nconsole.log(1);\n```\n\n```ts run\nconsole.log(1);\n```\n";
    const ids = liveSnippets("e.mdx", text, [], []).map((s) => s.view.id);
    expect(new Set(ids).size).toBe(2);
    expect(liveSnippets("e.mdx", `Intro.\n\n${text}`, [], []).map((s) => s.view.id)).toEqual(ids);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it("puts the type and runtime errors in a snippet's lines at that snippet, and not the fence comparison twice", () => {
    const text = "```ts run\nconst n: number = 'x';\n```\n\n```ts run\nthrow new Error('no');\n```\n\n```output\nold\n```\n";
    const problems = [
      { file: "e.mdx", line: 2, message: "Type 'string' is not assignable to type 'number'.", fix: "fix the type" },
      { file: "e.mdx", line: 6, message: "the snippet ended in an error: Error: no (line 1)", fix: "fix the code" },
      { file: "e.mdx", line: 9, message: "the snippet's output differs from its ```output fence (- expected, + actual):", fix: "update" },
      { file: "other.mdx", line: 2, message: "elsewhere", fix: "-" },
    ];
    const [typed, thrown] = liveSnippets("e.mdx", text, [], problems).map((s) => s.view);
    expect(typed!.problems.map((p) => p.line)).toEqual([2]);
    expect(thrown!.problems.map((p) => p.line)).toEqual([6]);
  });
});
