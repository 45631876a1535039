import { describe, expect, it } from "vitest";
import { checkContentSafety, maskCode } from "../../src/integration/content/content-safety.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";

const FILE = "content/days/009-x.mdx";
const check = (body: string, mdx = true) => checkContentSafety(FILE, body, { firstLine: 8, mdx });

/** [case, body, expected message, expected file line, expected column] (the body starts at file line 8). */
const FLAGGED: [string, string, RegExp, number, number?][] = [
  ["raw <script> tag", "Intro.\n\n<script>alert(1)</script>\n", /raw <script> tag/, 10, 1],
  ["<SCRIPT> in capitals with attributes", "Text <SCRIPT src=\"x.js\"></SCRIPT>\n", /raw <script> tag/, 8, 6],
  ["self-closing script", "<script src=\"x.js\" />\n", /raw <script> tag/, 8, 1],
  ["javascript: Markdown link", "Click [here](javascript:alert(1)).\n", /javascript: URL/, 8, 14],
  ["javascript: link with spaces and capitals", "[a]( JavaScript:alert(1))\n", /javascript: URL/, 8],
  ["javascript: reference definition", "See [x].\n\n[x]: javascript:alert(1)\n", /javascript: URL/, 10],
  ["javascript: autolink", "<javascript:alert(1)>\n", /javascript: URL/, 8],
  ["javascript: href in HTML", '<a href="javascript:void(0)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: href in JSX expression", '<a href={"javascript:alert(1)"}>x</a>\n', /javascript: URL/, 8],
  ["javascript: hidden by entities", '<a href="&#106;avascript&colon;alert(1)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: split by a tab", "[a](java\tscript:alert(1))\n", /javascript: URL/, 8],
  ["vbscript: link", "[a](vbscript:msgbox)\n", /vbscript: URL/, 8],
  ["onclick on an HTML element", '<div onclick="alert(1)">x</div>\n', /event handler attribute `onclick`/, 8, 6],
  ["onerror on an img", '<img src="x" onerror="alert(1)" />\n', /`onerror`/, 8, 14],
  ["onClick on JSX", '<button onClick="alert(1)">x</button>\n', /`onClick`/, 8],
  ["handler on a later line of a multi-line tag", '<div\n  class="x"\n  onmouseover="alert(1)"\n>\nx\n</div>\n', /`onmouseover`/, 10, 3],
  ["onClick on a component", '<Widget onClick="go()" />\n', /`onClick`/, 8],
  ["HTML comment in MDX", "Intro.\n<!-- todo -->\n", /MDX has no HTML comments/, 9, 1],
  ["undefined variable in MDX", "Value: {undefinedVariable}\n", /`undefinedVariable`, which is not defined/, 8, 8],
  ["throwing expression in MDX", 'Value: {(() => { throw new Error("x") })()}\n', /runs JavaScript while the page is built/, 8, 8],
  ["call expression in MDX", "{Date.now()}\n", /runs JavaScript/, 8, 1],
  ["bare < before a digit in MDX", "I <3 queues.\n", /`<3` is not one/, 8, 3],
  ["bare <= in MDX", "When a <= b.\n", /`<=` is not one/, 8, 8],
  ["after a fence and its close", "```ts\nconst a = '<script>';\n```\n<script></script>\n", /raw <script> tag/, 11],
];

describe("content safety rules", () => {
  it.each(FLAGGED)("flags %s", (_name, body, message, line, column) => {
    const problems = check(body);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.file).toBe(FILE);
    expect(problems[0]!.line).toBe(line);
    if (column !== undefined) expect(problems[0]!.column).toBe(column);
    expect(problems[0]!.fix.length).toBeGreaterThan(10);
  });

  it("reports a handler whose value is an expression twice: as a handler and as code", () => {
    const problems = check("<button onClick={() => alert(1)}>x</button>\n");
    expect(problems.map((p) => [p.line, p.column])).toEqual([[8, 9], [8, 17]]);
  });

  it("says what to do for a script", () => {
    expect(check("<script>x()</script>")[0]!.fix).toMatch(/put code in a ```ts run block/);
    expect(check("<!-- x -->")[0]!.fix).toContain("{/* … */}");
  });
});

/** [case, body, mdx] that must produce no problem. */
const ALLOWED: [string, string, boolean][] = [
  ["<script> inside a ts run fence", '```ts run\nconsole.log("<script>alert(1)</script>");\n```\n', true],
  ["<script> inside a tilde fence", "~~~html\n<script>x()</script>\n<a href=\"javascript:x\" onclick=\"y\">\n~~~\n", true],
  ["<script> inside a longer fence with a shorter fence inside", "````md\n```\n<script>\n```\n<script>\n````\n", true],
  ["<script> in inline code", "Never write `<script>` in an entry.\n", true],
  ["javascript: in double-backtick inline code", "A link like ``[x](javascript:alert(1))`` runs code.\n", true],
  ["onclick in inline code", "The `<div onclick=\"x\">` attribute.\n", true],
  ["the word javascript in prose", "JavaScript: the language of the web. I wrote javascript today.\n", true],
  ["a normal link mentioning javascript", "[Learn javascript](https://example.com/javascript:intro)\n", true],
  ["onboarding as a word", "The onboarding = slow, and on=off toggles.\n", true],
  ["an on… prop that is not a handler on a component", '<Widget onboarding="fast" />\n', true],
  ["an https link and an image", "[a](https://example.com) ![b](/img.png)\n", true],
  ["an HTML comment in a .md file", "<!-- a note -->\nText.\n", false],
  ["braces in a .md file", "Value: {undefinedVariable}\n", false],
  ["an MDX comment", "{/* a note */}\nText.\n", true],
  ["an escaped brace", "A set \\{a, b\\} of two.\n", true],
  ["a string literal expression", 'Write {"<"} for a bracket and {"{"} for a brace.\n', true],
  ["an HTML comment inside a fence", "```html\n<!-- x -->\n```\n", true],
  ["braces inside a fence", "```ts\nconst a = { b: 1 };\n```\n", true],
  ["a defined export", "export const answer = 42;\n\nThe answer is {answer}.\n", true],
  ["a bare less-than before a space", "When a < b we wait.\n", true],
  ["an escaped less-than and a fragment", "I \\<3 queues. <>x</> <br/>\n", true],
  ["a less-than in a .md file", "I <3 queues.\n", false],
  ["a less-than in inline code", "Use `a <= b` here.\n", true],
];

describe("content that is not flagged", () => {
  it.each(ALLOWED)("allows %s", (_name, body, mdx) => {
    expect(check(body, mdx)).toEqual([]);
  });

  it("masks code without moving offsets or lines", () => {
    const body = "a `<script>` b\n```\n<script>\n```\nc";
    const masked = maskCode(body);
    expect(masked).toHaveLength(body.length);
    expect(masked.split("\n")).toHaveLength(5);
    expect(masked).not.toContain("script");
    expect(masked.startsWith("a ")).toBe(true);
  });
});

describe("validateJournal runs the safety rules with file lines", () => {
  const enc = new TextEncoder();
  const source = (folder: string, relative: string, text: string): SourceFile => ({ path: `content/${folder}/${relative}`, relative, bytes: enc.encode(text) });
  const tags = [source("tags", "queueing.md", "---\ntitle: Queueing\n---\nWaiting.\n")];
  const head = '---\ntitle: "Q"\nday: 9\ndate: 2026-11-09\ntags: [queueing]\nsummary: "S."\n---\n';

  it.each([
    ["LF", head + "\nIntro.\n\n<script>x()</script>\n", 11],
    ["CRLF with a BOM", "\uFEFF" + (head + "\nIntro.\n\n<script>x()</script>\n").replace(/\n/g, "\r\n"), 11],
  ])("offsets body lines to file lines (%s)", (_name, text, line) => {
    const { problems } = validateJournal([source("days", "009-q.mdx", text)], tags, { today: "2026-11-23", maxEntryBytes: 100_000 });
    expect(problems).toEqual([expect.objectContaining({ file: "content/days/009-q.mdx", line, column: 1, message: expect.stringMatching(/<script>/) })]);
  });
});

describe("the entry size cap is the maxEntryBytes option (daybook.config.ts)", () => {
  const enc = new TextEncoder();
  const text = `---\ntitle: "Q"\nday: 9\ndate: 2026-11-09\ntags: [queueing]\nsummary: "S."\n---\n\n${"x".repeat(2_000)}\n`;
  const days = [{ path: "content/days/009-q.mdx", relative: "009-q.mdx", bytes: enc.encode(text) }];
  const tags = [{ path: "content/tags/queueing.md", relative: "queueing.md", bytes: enc.encode("---\ntitle: Queueing\n---\nW.\n") }];
  it.each([
    [1_000, 1],
    [1_000_000, 0],
  ])("with a cap of %i bytes, a 2 kB entry has %i problems", (maxEntryBytes, count) => {
    const { problems } = validateJournal(days, tags, { today: "2026-11-23", maxEntryBytes });
    expect(problems).toHaveLength(count);
    if (count) expect(problems[0]!.message).toMatch(new RegExp(`over the ${maxEntryBytes}-byte limit`));
  });
});
