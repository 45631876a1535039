import { describe, expect, it } from "vitest";
import { moveSnippetCheck, type EntrySnippetCheck } from "../../src/integration/dev/dev-snippet-move.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import type { SnippetRun } from "../../src/integration/snippets/snippet-check.ts";

const FILE = "content/days/001-a.mdx";
const entry = (before: string, code = "console.log(1);", output = "1", flags = "") =>
  `---\ntitle: A\n---\n${before}\n\`\`\`ts run${flags}\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n\nAfter.\n`;

/** A check of `text` as the snippet check reports it: one run, a problem in the code and one at the output fence. */
function checked(text: string): EntrySnippetCheck {
  const { snippets } = extractSnippets(FILE, text);
  const [snippet] = snippets;
  const run: SnippetRun = { snippet: snippet!, js: "console.log(1);", result: { output: "2" } as SnippetRun["result"] };
  return {
    snippets,
    runs: [run],
    problems: [
      { file: FILE, line: snippet!.line + 1, column: 3, message: "type error in a runnable snippet: …", fix: "fix it" },
      { file: FILE, line: snippet!.output!.openIndex + 1, message: "the snippet's output differs from its ```output fence", fix: "update" },
    ],
  };
}

describe("moving an entry's last snippet check to its new text", () => {
  it("moves the runs and every problem by the lines added above the snippet", () => {
    const before = checked(entry("Prose."));
    const now = extractSnippets(FILE, entry("Prose.\n\nA new paragraph,\non two lines.")).snippets;
    const moved = moveSnippetCheck(before, now)!;
    expect(moved.runs.map((r) => r.snippet)).toEqual(now);
    expect(moved.problems.map((p) => p.line)).toEqual(before.problems.map((p) => p.line! + 3));
    // What a new check would find at the new lines: the same problems, placed where the snippet now is.
    expect(moved.problems.map((p) => p.line)).toEqual([now[0]!.line + 1, now[0]!.output!.openIndex + 1]);
    expect(moved.problems.map((p) => p.message)).toEqual(before.problems.map((p) => p.message));
  });

  it("moves nothing when only text after the snippets changed", () => {
    const before = checked(entry("Prose."));
    const now = extractSnippets(FILE, `${entry("Prose.")}\nOne more paragraph.\n`).snippets;
    expect(moveSnippetCheck(before, now)?.problems).toEqual(before.problems);
  });

  it("gives up when the code, the fence's flags, the output fence or the number of snippets changed", () => {
    const before = checked(entry("Prose."));
    for (const text of [
      entry("Prose.", "console.log(2);"),
      entry("Prose.", undefined, undefined, " timeout=500"),
      entry("Prose.", undefined, "2"),
      entry("Prose.").replace("```\n\n```output", "```\n\n\n```output"),
      `${entry("Prose.")}\n\`\`\`ts run\nconsole.log(3);\n\`\`\`\n`,
    ]) {
      expect(moveSnippetCheck(before, extractSnippets(FILE, text).snippets)).toBeUndefined();
    }
  });

  it("gives up on a problem it cannot place within one snippet", () => {
    const before = checked(entry("Prose."));
    const stray = { ...before, problems: [...before.problems, { file: FILE, line: 1, message: "somewhere else", fix: "…" }] };
    const lineless = { ...before, problems: [{ file: FILE, message: "no line", fix: "…" }] };
    const now = extractSnippets(FILE, entry("Prose.\n\nMore.")).snippets;
    expect(moveSnippetCheck(stray, now)).toBeUndefined();
    expect(moveSnippetCheck(lineless, now)).toBeUndefined();
  });
});
