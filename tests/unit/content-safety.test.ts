import { describe, expect, it } from "vitest";
import { checkContentSafety, maskCode } from "../../src/integration/content/content-safety.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";
import { reviewHtml } from "../../src/integration/content/html-review.ts";
import { authorMarkup } from "../../src/integration/markdown/mdast-author-markup.ts";
import { markdownToHtml, mdxToJs } from "satteri";

const FILE = "content/days/009-x.mdx";
const check = (body: string, mdx = true) => checkContentSafety(FILE, body, { firstLine: 8, mdx }).problems;
const notesOf = (body: string, mdx = true) => checkContentSafety(FILE, body, { firstLine: 8, mdx }).notes;

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
  ["onClick on a component", '<Widget onClick="go()" />\n', /<Widget> is an MDX component/, 8, 1],
  ["an on… prop that is not a handler on a component", '<Widget onboarding="fast" />\n', /<Widget> is an MDX component, and entries cannot import components/, 8, 1],
  ["a defined export", "export const answer = 42;\n\nThe answer is the entry's.\n", /MDX `export`/, 8, 1],
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

/**
 * Markup that acts, in both syntaxes. [case, .md body, .mdx body, expected message, file line,
 * column] (the body starts at file line 8); `null` skips a syntax. Each must be the only problem.
 */
const ACTING: [string, string | null, string | null, RegExp, number, number][] = [
  ["<script>", "<script>alert(1)</script>\n", "<script>alert(1)</script>\n", /raw <script> tag/, 8, 1],
  ["<SCRIPT> in capitals", "x <SCRIPT>alert(1)</SCRIPT>\n", "x <SCRIPT>alert(1)</SCRIPT>\n", /raw <script> tag/, 8, 3],
  ["<Script> as a component name", null, "<Script>alert(1)</Script>\n", /raw <script> tag/, 8, 1],
  ["<style>", "<style>body { display: none }</style>\n", "<style>body</style>\n", /<style> element, and it would restyle the whole site/, 8, 1],
  ["<meta http-equiv=refresh>", '<meta http-equiv="refresh" content="0;url=https://example.com">\n', '<meta http-equiv="refresh" content="0;url=https://example.com" />\n', /<meta> element, and it can redirect every reader/, 8, 1],
  ["<Meta in mixed case", 'Text\n\n<Meta HTTP-EQUIV="refresh" content="0">\n', 'Text\n\n<Meta http-equiv="refresh" content="0" />\n', /<Meta> element, and it can redirect every reader/, 10, 1],
  ["<link>", '<link rel="stylesheet" href="https://example.com/x.css">\n', '<link rel="stylesheet" href="https://example.com/x.css" />\n', /<link> element, and it loads/, 8, 1],
  ["<base>", '<base href="https://example.com/">\n', '<base href="https://example.com/" />\n', /<base> element, and it changes where every link/, 8, 1],
  ["<iframe>", 'See <iframe src="https://example.com"></iframe>\n', 'See <iframe src="https://example.com"></iframe>\n', /<iframe> element, and it embeds another page/, 8, 5],
  ["<frame>", '<frame src="https://example.com">\n', '<frame src="https://example.com" />\n', /<frame> element/, 8, 1],
  ["<object>", '<object data="movie.swf"></object>\n', '<object data="movie.swf"></object>\n', /<object> element, and it embeds a plugin/, 8, 1],
  ["<embed>", '<embed src="movie.swf">\n', '<embed src="movie.swf" />\n', /<embed> element/, 8, 1],
  ["<form>", '<form action="https://example.com/steal">\n<button>Go</button>\n</form>\n', '<form action="https://example.com/steal">\n<button>Go</button>\n</form>\n', /<form> element, and it can send what readers type/, 8, 1],
  ["<daybook-snippet data-js>", '<daybook-snippet data-js="alert(1)"><pre><code>console.log(1)</code></pre></daybook-snippet>\n', '<daybook-snippet data-js="alert(1)"><pre><code>console.log(1)</code></pre></daybook-snippet>\n', /<daybook-snippet> element, written by hand/, 8, 1],
  ["<DayBook-Snippet> in another case", "<DayBook-Snippet>x</DayBook-Snippet>\n", "<DayBook-Snippet>x</DayBook-Snippet>\n", /<DayBook-Snippet> element, written by hand/, 8, 1],
  ["<daybook-snippet> with a JSX expression value", null, '<daybook-snippet data-js={"alert(1)"}>x</daybook-snippet>\n', /<daybook-snippet> element, written by hand/, 8, 1],
  ["data-js on another element", 'Text <span data-js="alert(1)">x</span>\n', 'Text <span data-js="alert(1)">x</span>\n', /<span> element has a `data-js` attribute/, 8, 12],
  ["onerror on an <img>", '<img src="x.png" alt="x" onerror="alert(1)">\n', '<img src="x.png" alt="x" onerror="alert(1)" />\n', /event handler attribute `onerror`/, 8, 26],
  ["ONMOUSEOVER in capitals", '<b ONMOUSEOVER="alert(1)">x</b>\n', '<b ONMOUSEOVER="alert(1)">x</b>\n', /event handler attribute `ONMOUSEOVER`/, 8, 4],
  ["onClick on a lowercase JSX element", null, '<p onClick="alert(1)">x</p>\n', /event handler attribute `onClick`/, 8, 4],
  ["a handler on the third line of a tag", '<div\n  title="x"\n  onmouseover="alert(1)">\nx\n</div>\n', '<div\n  title="x"\n  onmouseover="alert(1)">\nx\n</div>\n', /`onmouseover`/, 10, 3],
  ["a handler in an inline tag split over lines", "Some <b\n   onclick=alert(1)>bold</b> text.\n", 'Some <b\n   onclick="alert(1)">bold</b> text.\n', /`onclick`/, 9, 4],
  ["a handler in HTML inside a blockquote", '> <div>\n> <span onclick="alert(1)">y</span>\n> </div>\n', '> <div>\n> <span onclick="alert(1)">y</span>\n> </div>\n', /`onclick`/, 9, 9],
  ["java&#x73;cript: (an entity inside the scheme)", '<a href="java&#x73;cript:alert(1)">x</a>\n', '<a href="java&#x73;cript:alert(1)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: in mixed case", '<a href="JaVaScRiPt:alert(1)">x</a>\n', '<a href="JaVaScRiPt:alert(1)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: after a tab entity and spaces", '<a href=" &#9;javascript:alert(1)">x</a>\n', '<a href=" &#9;javascript:alert(1)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: split by a newline entity", '<a href="java&NewLine;script:alert(1)">x</a>\n', '<a href="java&NewLine;script:alert(1)">x</a>\n', /javascript: URL/, 8, 10],
  ["javascript: on the next line of a tag", '<a\n  href="javascript:alert(1)">x</a>\n', '<a\n  href="javascript:alert(1)">x</a>\n', /javascript: URL/, 9, 9],
  ["javascript: in an SVG <a>", '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>\n', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>\n', /javascript: URL/, 8, 15],
  ["javascript: in a JSX string escape", null, "<a href={'\\x6aavascript:alert(1)'}>x</a>\n", /javascript: URL/, 8, 9],
  ["vbscript: in an attribute", '<a href="vbscript:msgbox">x</a>\n', '<a href="vbscript:msgbox">x</a>\n', /vbscript: URL/, 8, 10],
  ["a component", null, "Intro.\n\n<Widget />\n", /<Widget> is an MDX component/, 10, 1],
  ["a member-expression component", null, "<motion.div>x</motion.div>\n", /<motion\.div> is an MDX component/, 8, 1],
  ["a tag left open at a blank line", '<div title="\n\nx" onclick="alert(1)">\n', null, /not closed before the HTML block ends/, 8, 1],
  ["a comment left open at a blank line", "<div>\n<!-- a note\n\nthat goes on -->\n", null, /not closed before the HTML block ends/, 9, 1],
];

describe("markup that acts is an error at file:line, in .md and .mdx", () => {
  const rows = ACTING.flatMap(([name, md, mdx, message, line, column]) => [
    ...(md === null ? [] : [[`${name} (.md)`, md, false, message, line, column] as const]),
    ...(mdx === null ? [] : [[`${name} (.mdx)`, mdx, true, message, line, column] as const]),
  ]);
  it.each(rows)("flags %s", (_name, body, mdx, message, line, column) => {
    const problems = check(body, mdx);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line, column, message: expect.stringMatching(message) });
    expect(problems[0]!.fix).toMatch(/\w{3,} .{10,}/);
  });
});

describe("MDX ESM is an error; in Markdown the same line is text", () => {
  const esm = 'export const x = globalThis.process.env.SECRET\nimport { execSync } from "node:child_process"\n\nText.\n';

  it("reports every import and export statement at its line", () => {
    expect(check(esm).map((p) => [p.line, p.column, p.message])).toEqual([
      [8, 1, expect.stringMatching(/MDX `export`, and an export in an entry would run code while the site is built/)],
      [9, 1, expect.stringMatching(/MDX `import` of "node:child_process"/)],
    ]);
    expect(check(esm)[0]!.fix).toMatch(/remove the line/);
  });

  it.each([
    ["a later line", "Intro.\n\nimport fs from 'node:fs'\n", 10],
    ["a side-effect import", "import 'node:fs'\n", 8],
    ["export default", "export default function Layout() { return null }\n", 8],
    ["export from", "export * from 'node:fs'\n", 8],
  ])("finds %s", (_name, body, line) => {
    expect(check(body).map((p) => p.line)).toEqual([line]);
    expect(check(body, false)).toEqual([]);
  });

  it.each([
    ["indented (a paragraph, not ESM)", "  import a from 'b'\n"],
    ["in a list item", "- export const y = 1\n"],
    ["in a blockquote", "> import z from 'q'\n"],
    ["after other text on the line", "Text import x from 'y'\n"],
    ["a dynamic import()", "import('x')\n"],
    ["in a code fence", "```js\nimport q from 'r'\nexport const s = 1\n```\n"],
    ["in inline code", "`import q from 'r'`\n"],
  ])("allows import/export %s", (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

/** Markup GitHub's Markdown would drop: a note each, never a problem. [case, body, mdx, note, line, column]. */
const DROPPED: [string, string, boolean, RegExp, number, number][] = [
  ["style on a table cell", '| a | b |\n|---|---|\n| <td align="right" style="color:red">x</td> | y |\n', false, /^removed attribute style from <td>/, 10, 21],
  ["style on a JSX span", 'Text <span style="color:red">x</span>\n', true, /^removed attribute style from <span>/, 8, 12],
  ["class on a div", '<div class="callout">\n\nText\n\n</div>\n', false, /^removed attribute class from <div>/, 8, 6],
  ["className on a JSX div", '<div className="callout">x</div>\n', true, /^removed attribute className from <div>/, 8, 6],
  ["one class of two on <code>", 'Use <code class="language-ts big">x</code>\n', false, /^removed class "big" from <code>/, 8, 11],
  ["an unknown attribute", '<img src="https://example.com/a.png" alt="A" loading="lazy">\n', false, /^removed attribute loading from <img>/, 8, 46],
  ["a data- attribute", '<p data-pagefind-ignore>x</p>\n', false, /^removed attribute data-pagefind-ignore from <p>/, 8, 4],
  ["a data: link", '<a href="data:text/html,hi">x</a>\n', false, /^removed attribute href from <a>: GitHub's Markdown keeps only http, https/, 8, 4],
  ["an element not on the list", "<center>Centred</center>\n", false, /^removed the <center> tags \(their content stays\)/, 8, 1],
  ["an element not on the list (JSX)", "<mark>Marked</mark>\n", true, /^removed the <mark> tags/, 8, 1],
  ["a text input", '<input type="text" disabled>\n', false, /^removed attribute type from <input>/, 8, 8],
];

describe("markup GitHub's Markdown drops is a note, not a problem", () => {
  it.each(DROPPED)("notes %s", (_name, body, mdx, note, line, column) => {
    expect(check(body, mdx)).toEqual([]);
    const notes = notesOf(body, mdx);
    expect(notes, JSON.stringify(notes)).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: FILE, line, column, message: expect.stringMatching(note) });
  });

  it.each([
    ["GitHub's own favourites", '<p align="center"><img src="https://example.com/logo.png" alt="Logo" width="120"></p>\n\n<details open><summary>More</summary>\n\nText <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O<br>\n\n</details>\n', false],
    ["the same in MDX", '<p align="center"><img src="https://example.com/logo.png" alt="Logo" width="120" /></p>\n\n<details open>\n<summary>More</summary>\n\nText <kbd>Ctrl</kbd>+<kbd>C</kbd><br />\n\n</details>\n', true],
    ["links GitHub keeps", '<a href="https://example.com" title="t">a</a> <a href="/day/1/">b</a> <a href="#intro">c</a> <a href="mailto:a@example.com">d</a>\n', false],
    ["a language class on <code>", '<pre><code class="language-ts">x</code></pre>\n', false],
    ["a comment in Markdown", "<!-- a note to myself -->\nText.\n", false],
  ])("keeps %s", (_name, body, mdx) => {
    expect(check(body, mdx)).toEqual([]);
    expect(notesOf(body, mdx)).toEqual([]);
  });

  it("notes and errors come apart: the handler stops the build, the style is only noted", () => {
    const body = '<div style="color:red" onclick="alert(1)">x</div>\n';
    expect(check(body, false).map((p) => p.message)).toEqual([expect.stringMatching(/`onclick`/)]);
    expect(notesOf(body, false).map((p) => p.message)).toEqual([expect.stringMatching(/removed attribute style from <div>/)]);
  });
});

describe("the page gets the markup without what GitHub's Markdown drops", () => {
  it.each([
    ['<td align="right" style="color:red">', '<td align="right">'],
    ["<TD ALIGN=right STYLE=x CLASS=y>", "<TD ALIGN=right>"],
    ['<center>Centred <b>bold</b></center>', "Centred <b>bold</b>"],
    ['<code class="language-ts big">x</code>', '<code class="language-ts">x</code>'],
    ['<img src="data:image/png;base64,AA" alt="a" />', '<img alt="a" />'],
    ['<a href="https://example.com">kept</a>', '<a href="https://example.com">kept</a>'],
  ])("%s", (html, expected) => {
    expect(reviewHtml(html).html).toBe(expected);
  });

  const md = '| a | b |\n|---|---|\n| <td align="right" style="color:red">x</td> | y |\n\n<center>C</center>\n';
  it("in the Markdown pipeline, before Daybook's plugins", () => {
    const { html } = markdownToHtml(md, { mdastPlugins: [authorMarkup] });
    expect(html).toContain('<td align="right">x</td>');
    expect(html).not.toMatch(/style=|<center>/);
  });

  it("in the MDX pipeline, nested elements too", () => {
    const mdx = '<center>\n<div style="a" align="center">hi <b className="c" title="t">x</b></div>\n</center>\n';
    const { code } = mdxToJs(mdx, { mdastPlugins: [authorMarkup], jsx: true });
    expect(code).toMatch(/<div align="center">/);
    expect(code).toMatch(/<b title="t">/);
    expect(code).not.toMatch(/style=|className="c"|<center/);
  });

  it.each([
    ["an export", 'export const x = globalThis.process.env.SECRET\n'],
    ["an import", 'import { execSync } from "node:child_process"\n'],
    ["a <script>", "<script>alert(1)</script>\n"],
    ["a hand-written <daybook-snippet>", '<daybook-snippet data-js="alert(1)">x</daybook-snippet>\n'],
    ["an expression that computes", "{globalThis.process.env.SECRET}\n"],
    ["an attribute that computes", "<a href={globalThis.x}>x</a>\n"],
  ])("the MDX pipeline refuses to compile %s (astro dev shows problems but keeps serving)", (_name, mdx) => {
    expect(() => mdxToJs(mdx, { mdastPlugins: [authorMarkup] })).toThrow(/Daybook does not compile it/);
  });

  it("the Markdown pipeline refuses a <meta> refresh", () => {
    expect(() => markdownToHtml('<meta http-equiv="refresh" content="0;url=https://example.com">\n', { mdastPlugins: [authorMarkup] })).toThrow(/<meta> element/);
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
  ["an https link and an image", "[a](https://example.com) ![b](/img.png)\n", true],
  ["an HTML comment in a .md file", "<!-- a note -->\nText.\n", false],
  ["braces in a .md file", "Value: {undefinedVariable}\n", false],
  ["an MDX comment", "{/* a note */}\nText.\n", true],
  ["an escaped brace", "A set \\{a, b\\} of two.\n", true],
  ["a string literal expression", 'Write {"<"} for a bracket and {"{"} for a brace.\n', true],
  ["an HTML comment inside a fence", "```html\n<!-- x -->\n```\n", true],
  ["braces inside a fence", "```ts\nconst a = { b: 1 };\n```\n", true],
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

  it("returns notes apart from problems, at file lines", () => {
    const text = head + '\nIntro.\n\n<p align="center" style="color:red">Hi</p>\n';
    const journal = validateJournal([source("days", "009-q.md", text)], tags, { today: "2026-11-23", maxEntryBytes: 100_000 });
    expect(journal.problems).toEqual([]);
    expect(journal.entries).toHaveLength(1);
    expect(journal.notes).toEqual([expect.objectContaining({ file: "content/days/009-q.md", line: 11, column: 19, message: expect.stringMatching(/^removed attribute style from <p>/) })]);
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

describe("tag pages show their body, so tag files follow the same rules", () => {
  const enc = new TextEncoder();
  const tag = (body: string) => [{ path: "content/tags/queueing.md", relative: "queueing.md", bytes: enc.encode(`---\ntitle: Queueing\n---\n${body}`) }];

  it("an acting element in a tag body is a problem at its file line", () => {
    const { problems } = validateJournal([], tag('Waiting.\n\n<meta http-equiv="refresh" content="0;url=https://example.com">\n'), { today: "2026-11-23", maxEntryBytes: 1_000 });
    expect(problems).toEqual([expect.objectContaining({ file: "content/tags/queueing.md", line: 6, column: 1, message: expect.stringMatching(/<meta> element/) })]);
  });

  it("markup GitHub drops in a tag body is a note", () => {
    const journal = validateJournal([], tag('<p style="color:red">Waiting.</p>\n'), { today: "2026-11-23", maxEntryBytes: 1_000 });
    expect(journal.problems).toEqual([]);
    expect(journal.notes).toEqual([expect.objectContaining({ file: "content/tags/queueing.md", line: 4, column: 4 })]);
  });
});
