import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkContentSafety, maskCode } from "../../src/integration/content/content-safety.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";
import { formatNote } from "../../src/integration/content/problem.ts";

const check = (body: string, mdx: boolean) => checkContentSafety("content/days/x.md", body, { firstLine: 8, mdx });

describe("what the content check says about fences, inline code and maths", () => {
  it.each([false, true])("notes an unknown fence language at its file line, never as a problem (mdx: %s)", (mdx) => {
    const report = check("Intro.\n\n```reason\nlet x = {y};\n```\n\n```Dockerfile\nFROM x\n```\n\n```\nplain\n```\n", mdx);
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([expect.objectContaining({ line: 10, column: 1, message: expect.stringMatching(/language "reason" is not one the highlighter knows, so it is shown as plain code/) })]);
    expect(formatNote(report.notes[0]!)).toMatch(/^content\/days\/x\.md:10:1\n  · /);
  });

  it.each([false, true])("lets inline code wrap onto the next line without reporting what is in it (mdx: %s)", (mdx) => {
    const report = check("Run `git log\n--follow {file}` or `<script>\nalert(1)</script>` now.\n", mdx);
    expect(report).toEqual({ problems: [], notes: [] });
  });

  it("still reports an MDX expression after a code span that a blank line ended", () => {
    const report = check("Text `a\n\nb {alert(1)}` more.\n", true);
    expect(report.problems).toEqual([expect.objectContaining({ line: 10, message: expect.stringMatching(/runs JavaScript|refers to/) })]);
  });

  it("still reports raw <script> beside inline code in .md", () => {
    const report = check("`code`<script>alert(1)</script>\n", false);
    expect(report.problems).toEqual([expect.objectContaining({ line: 8, message: expect.stringMatching(/<script>/) })]);
  });

  it("masks maths in MDX (braces there are TeX, not expressions), and the text fallback masks wrapped code", () => {
    expect(check("Inline $\\frac{a}{b}$.\n\n$$\n\\left\\{ x \\right\\}\n$$\n", true)).toEqual({ problems: [], notes: [] });
    // `a < b` does not parse as MDX, so the mask falls back to the text: the wrapped span is still code.
    const body = "When a < b, `x\n{y}` holds.\n";
    expect(maskCode(body, true)).toBe("When a < b,   \n     holds.\n");
  });

  it.each([false, true])("notes TeX that does not parse, and maths that loses layout, at their columns (mdx: %s)", (mdx) => {
    const report = check("Bad $\\frac{1}{$ and $\\raisebox{2pt}{x}$ but $5 and $10 is prose.\n\n```math\n\\nosuchmacro\n```\n", mdx);
    expect(report.problems).toEqual([]);
    expect(report.notes.map((n) => [n.line, n.column, n.message.replace(/ \(.*\)/, " (…)")])).toEqual([
      [8, 5, "the maths does not parse (…), so the page shows its TeX source instead"],
      [8, 21, "the maths uses layout the page's Content-Security-Policy cannot carry (…), so it is shown without it"],
      [10, 1, "the maths does not parse (…), so the page shows its TeX source instead"],
    ]);
  });
});

describe("the real-journal fixture's notes (what `npm run check` lists)", () => {
  const root = "tests/fixtures/real-journal";
  const read = (dir: string): SourceFile[] => readdirSync(`${root}/${dir}`, { withFileTypes: true }).filter((e) => e.isFile()).map(({ name: relative }) => ({ path: `content/${dir}/${relative}`, relative, bytes: readFileSync(`${root}/${dir}/${relative}`) }));
  const journal = validateJournal(read("days"), read("tags"), { today: "2026-11-23", maxEntryBytes: 100_000 });
  const mine = (n: { file: string }) => /\/0(1\d|2\d)-/.test(n.file);

  it("has no problem in the Markdown entries", () => {
    expect(journal.problems.filter(mine)).toEqual([]);
  });

  it("names each unknown fence language with its file and line, in both formats", () => {
    const languages = journal.notes.filter(mine).flatMap((n) => /language "([^"]+)"/.exec(n.message)?.[1] ?? []);
    expect(languages).toEqual([...["reason", "groq", "vimrc", "postgresql", "mysql"], ...["reason", "groq", "vimrc", "postgresql", "mysql"]]);
    expect(journal.notes.find((n) => n.message.includes('"vimrc"') && n.file.endsWith(".mdx"))).toMatchObject({ file: "content/days/011-fences-mdx.mdx", line: 20 });
  });
});
