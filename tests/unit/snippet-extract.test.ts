import { describe, expect, it } from "vitest";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import { rewriteOutputs } from "../../src/integration/snippets/output-rewrite.ts";
import { lineDiff } from "../../src/integration/snippets/text-diff.ts";
import type { SnippetRun } from "../../src/integration/snippets/snippet-check.ts";

const DOC = [
  "---", // 1
  "title: x", // 2
  "---", // 3
  "", // 4
  "Intro.", // 5
  "", // 6
  '```ts run title="Two calls" timeout=500', // 7
  "const a: number = 1;", // 8
  "console.log(a);", // 9
  "```", // 10
  "", // 11
  "```output", // 12
  "1", // 13
  "```", // 14
  "", // 15
  "```ts", // 16
  "plain();", // 17
  "```", // 18
  "", // 19
  "```ts run throws", // 20
  "throw new Error('x');", // 21
  "```", // 22
  "",
].join("\n");

describe("extractSnippets", () => {
  it("finds runnable blocks with their lines, meta and output fences", () => {
    const { snippets, problems } = extractSnippets("content/days/001.mdx", DOC);
    expect(problems).toEqual([]);
    expect(snippets).toHaveLength(2);
    expect(snippets[0]).toMatchObject({ line: 7, code: "const a: number = 1;\nconsole.log(a);", meta: { title: "Two calls", timeout: 500, throws: false }, output: { openIndex: 11, closeIndex: 13, text: "1" } });
    expect(snippets[1]).toMatchObject({ line: 20, meta: { timeout: 2000, throws: true } });
    expect(snippets[1]!.output).toBeUndefined();
  });

  it("ignores fences inside other fences and keeps CRLF line numbers", () => {
    const text = "````md\n```ts run\nnot a snippet\n```\n````\n\r\n```ts run\r\nx();\r\n```\r\n";
    const { snippets } = extractSnippets("f.mdx", text);
    expect(snippets.map((s) => [s.line, s.code])).toEqual([[7, "x();"]]);
  });

  it("reads an output fence opened with more backticks as a whole, shorter fence lines included", () => {
    const text = "```ts run\nx\n```\n\n`````output\n```\n````\n~~~\n`````\n\nAfter.\n";
    expect(extractSnippets("f.mdx", text).snippets[0]!.output).toEqual({ openIndex: 4, closeIndex: 8, text: "```\n````\n~~~" });
  });

  it("reads tilde output fences, and closes a fence only with a line of its own character and length", () => {
    const text = "```ts run\nx\n```\n\n~~~~output\n```\n~~~\n~~~~ not a close\n  ~~~~~  \n";
    expect(extractSnippets("f.mdx", text).snippets[0]!.output).toEqual({ openIndex: 4, closeIndex: 8, text: "```\n~~~\n~~~~ not a close" });
  });

  it("does not take a line of backticks with a backtick after them for a fence (CommonMark reads inline code)", () => {
    const text = "``` `not a fence` ```\n\n```ts run\nx()\n```\n";
    expect(extractSnippets("f.mdx", text).snippets.map((s) => [s.line, s.code])).toEqual([[3, "x()"]]);
  });

  it("runs an unclosed output fence to the end of the file", () => {
    const text = "```ts run\nx\n```\n\n````output\n```\nlast";
    expect(extractSnippets("f.mdx", text).snippets[0]!.output).toEqual({ openIndex: 4, closeIndex: 7, text: "```\nlast" });
  });

  it.each([
    ["an unknown flag", "```ts run fast\nx\n```", /unknown flag "fast"/],
    ["a bad timeout", "```ts run timeout=soon\nx\n```", /timeout=soon is not a whole number/],
    ["a zero timeout", "```ts run timeout=0\nx\n```", /timeout=0 is outside 1 to 60000 milliseconds/],
    ["a timeout past a minute", "```ts run timeout=60001\nx\n```", /timeout=60001 is outside 1 to 60000/],
    ["a timeout that would overflow a timer", "```ts run timeout=4294967296\nx\n```", /timeout=4294967296 is outside/],
    ["an unknown setting", '```ts run mode="x"\nx\n```', /unknown setting "mode"/],
    ["a runnable block in another language", "```js run\nx\n```", /only TypeScript blocks can run, and this one is "js"/],
    ["an output fence with no runnable block", "Text\n\n```output\n1\n```", /must come directly after a ```ts run block/],
    ["an unknown language marked run", "```typescrpt run\nx\n```", /only TypeScript blocks can run, and this one is "typescrpt"/],
  ])("reports %s with its line", (_name, text, message) => {
    const { problems } = extractSnippets("f.mdx", `intro\n\n${text}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "f.mdx", line: expect.any(Number), message: expect.stringMatching(message) });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe("fences in languages the highlighter does not know", () => {
  it("are no problem for the snippet check (the block is shown as plain code, and npm run check notes it)", () => {
    const text = "```reason\nlet x = 1;\n```\n\n```Dockerfile\nFROM node\n```\n\n```ts run\nx()\n```\n";
    const { snippets, problems } = extractSnippets("f.md", text);
    expect(problems).toEqual([]);
    expect(snippets.map((s) => s.line)).toEqual([9]);
  });
});

describe("rewriteOutputs", () => {
  const runsFor = (text: string, outputs: string[]): SnippetRun[] =>
    extractSnippets("f.mdx", text).snippets.map((snippet, i) => ({ snippet, js: "", result: { output: outputs[i]! } }));

  it("changes only the output fences and keeps every other byte", () => {
    const after = rewriteOutputs(DOC, runsFor(DOC, ["1\n2", "Error: x (line 1)"]));
    expect(after).toBe(DOC.replace("```output\n1\n```", "```output\n1\n2\n```").replace("throw new Error('x');\n```\n", "throw new Error('x');\n```\n\n```output\nError: x (line 1)\n```\n"));
  });

  it("leaves a file untouched when every fence is current", () => {
    expect(rewriteOutputs(DOC, runsFor(DOC, ["1", ""]).slice(0, 1))).toBe(DOC);
  });

  it("keeps CRLF line endings and a BOM", () => {
    const crlf = "\uFEFF" + DOC.replace(/\n/g, "\r\n");
    const after = rewriteOutputs(crlf, runsFor(crlf, ["7", "E"]));
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after).not.toMatch(/[^\r]\n/);
    expect(after).toContain("```output\r\n7\r\n```");
    expect(after).toContain("```\r\n\r\n```output\r\nE\r\n```\r\n");
  });

  it("uses a longer fence when the output itself contains backticks", () => {
    const text = "```ts run\nx\n```\n";
    expect(rewriteOutputs(text, runsFor(text, ["```"]))).toBe("```ts run\nx\n```\n\n````output\n```\n````\n");
  });
});

describe("lineDiff", () => {
  it("marks removed and added lines with context", () => {
    expect(lineDiff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nD\ne\nf\ng", 1)).toBe("  …\n  c\n- d\n+ D\n  e\n  …");
  });
  it("shows added trailing lines", () => {
    expect(lineDiff("a", "a\nb")).toBe("  a\n+ b");
  });

  it("diffs two 20,000-line outputs that differ in a few places down to those lines", () => {
    const expected = Array.from({ length: 20_000 }, (_, i) => `line ${i}: ${(i * 7919) % 10_007}`);
    const actual = [...expected];
    actual[3] = "changed early";
    actual.splice(10_000, 1);
    actual.splice(15_000, 0, "inserted late");
    actual[19_999] = "changed last";
    const diff = lineDiff(expected.join("\n"), actual.join("\n"), 1);
    expect(diff.split("\n").filter((l) => l.startsWith("- "))).toEqual([3, 10_000, 19_999].map((i) => `- ${expected[i]}`));
    expect(diff.split("\n").filter((l) => l.startsWith("+ "))).toEqual(["+ changed early", "+ inserted late", "+ changed last"]);
    expect(diff.split("\n").length).toBeLessThan(30);
  });

  it("keeps the common start and end of outputs too different for a minimal diff, and sums up a long tail", () => {
    const expected = ["same", ...Array.from({ length: 5_000 }, (_, i) => `a${i}`), "end"].join("\n");
    const actual = ["same", ...Array.from({ length: 5_000 }, (_, i) => `b${i}`), "end"].join("\n");
    const lines = lineDiff(expected, actual).split("\n");
    expect(lines.slice(0, 3)).toEqual(["  same", "- a0", "- a1"]);
    expect(lines).toHaveLength(202);
    expect(lines.at(-1)).toBe("  … and 9800 more changed lines");
  });
});
