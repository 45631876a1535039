// What an author can commit by mistake: each case copies the basic fixture journal, adds or
// overwrites a few files, and expects either a failure that names the file (and line where the
// rule can know it) with what to do and nothing written, or, for files that must work (BOM, CRLF,
// markup GitHub's Markdown would clean), a build that contains the entry's page. No case may exit
// 0 with an entry missing, and no entry's code may run.
//
// A failing case stops in Daybook's journal check, before Astro starts. Most run that check
// in-process (checkJournal, exactly what the build's first hook calls); the cases marked `build`
// (one per stage: YAML, frontmatter fields, MDX compile, MDX ESM, raw HTML, snippets) and every case that
// must succeed run `npm run build`'s script end to end (the latter all in one build, each as its
// own day), which proves the check stops the real build and lets valid files through.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../helpers/build-site.ts";
import { checkJournal } from "../../src/integration/daybook-integration.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { JournalError } from "../../src/integration/content/problem.ts";

const FIXTURE = "tests/fixtures/basic";
const TODAY = "2026-11-23";
const ENTRY = "days/004-hostile.mdx";

type Field = "title" | "day" | "date" | "tags" | "summary";
const FIELDS: Record<Field, string> = {
  title: 'title: "Hostile"',
  day: "day: 4",
  date: "date: 2026-02-05",
  tags: "tags: [retries]",
  summary: 'summary: "A hostile case."',
};

/**
 * A day-4 entry. Lines: 1 `---`, 2 title, 3 day, 4 date, 5 tags, 6 summary, then `extra` fields,
 * the closing `---`, a blank line, and the body from line 9 (with no extra fields).
 */
function entry(overrides: Partial<Record<Field, string | null>> = {}, body = "Text.\n", extra: string[] = []): string {
  const fields = Object.values({ ...FIELDS, ...overrides }).filter((l): l is string => l !== null);
  return `---\n${[...fields, ...extra].join("\n")}\n---\n\n${body}`;
}

const snippet = (code: string, meta = "", output = "done") => `Intro.\n\n\`\`\`ts run${meta}\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n`;

interface Case {
  name: string;
  /** Paths relative to the content folder, written over a copy of the basic fixture. */
  files: Record<string, string | Uint8Array>;
  /** What the output must say. */
  message: RegExp;
  /** The file (and `:line` where known) the output must name; for `ok` cases, the page that must exist. */
  at: string;
  /** The build must succeed (the file is valid) and the page must exist. */
  ok?: boolean;
  /** What the built page (`ok` cases) or the failed build's output must not contain. */
  absent?: RegExp;
  /** Run `npm run build` rather than the journal check in-process (always, for `ok` cases). */
  build?: true;
}

/** A file the entry's code would create if it ran at build; it must never exist. */
const MARKER = path.join(tmpdir(), `daybook-hostile-ran-${process.pid}`);
const MD_ENTRY = "days/004-hostile.md";

const CASES: Case[] = [
  // Broken YAML
  // Built: Daybook's verdict comes before Astro reads any entry.
  { name: "unclosed double quote", build: true, files: { [ENTRY]: entry({ title: 'title: "Hostile' }) }, message: /not valid YAML[\s\S]*→ check quoting/, at: `${ENTRY}:2`, absent: /\[content\] Syncing content/ },
  { name: "colon inside an unquoted value", files: { [ENTRY]: entry({ title: "title: Sagas: undo by doing" }) }, message: /not valid YAML[\s\S]*→ check quoting/, at: `${ENTRY}:2` },
  { name: "tab used for indentation", files: { [ENTRY]: entry({ tags: "tags:\n\t- retries" }) }, message: /a tab is used for indentation\n\s+→ indent with spaces, never tabs/, at: `${ENTRY}:6` },
  { name: "duplicate key", files: { [ENTRY]: entry({}, "Text.\n", ['title: "Again"']) }, message: /a key appears twice\n\s+→ keep one of the two lines/, at: `${ENTRY}:7` },
  // Frontmatter placement
  { name: "frontmatter not at the top", files: { [ENTRY]: `\n${entry()}` }, message: /frontmatter is not at the top of the file\n\s+→ move the --- block to line 1/, at: `${ENTRY}:2` },
  { name: "frontmatter never closed", files: { [ENTRY]: entry().replace(/\n---\n\n/, "\n\n") }, message: /frontmatter opened on line 1 is never closed\n\s+→ add a line containing only ---/, at: `${ENTRY}:1` },
  { name: "no frontmatter at all", files: { [ENTRY]: "Just some text.\n" }, message: /the file has no frontmatter\n\s+→ start the file with YAML frontmatter/, at: `${ENTRY}:1` },
  { name: "empty file", files: { [ENTRY]: "" }, message: /the file is empty\n\s+→ add YAML frontmatter/, at: `${ENTRY}:1` },
  { name: "TOML frontmatter", files: { [ENTRY]: '+++\ntitle = "Hostile"\nday = 4\n+++\n\nText.\n' }, message: /TOML frontmatter \(\+\+\+\) is not supported\n\s+→ rewrite the frontmatter as YAML/, at: `${ENTRY}:1` },
  // Encodings
  { name: "binary data (NUL byte)", files: { [ENTRY]: entry({}, "Text.\n\n\0\x01\x02 binary\n") }, message: /binary data \(a NUL byte\)\n\s+→ remove the binary content/, at: `${ENTRY}:11` },
  { name: "invalid UTF-8", files: { [ENTRY]: Buffer.concat([Buffer.from(entry({}, "Caf")), Buffer.from([0xe9, 0xff, 0xfe, 0x0a])]) }, message: /not valid UTF-8 text[^\n]*\n\s+→ re-save it as UTF-8/, at: ENTRY },
  { name: "BOM builds", files: { [ENTRY]: `\uFEFF${entry()}` }, message: /<h1[^>]*>[\s\S]*Hostile/, at: "day/4/index.html", ok: true },
  { name: "CRLF builds", files: { [ENTRY]: entry({}, snippet('console.log("crlf ok");', "", "crlf ok")).replace(/\n/g, "\r\n") }, message: /crlf ok/, at: "day/4/index.html", ok: true },
  { name: "BOM and CRLF build", files: { [ENTRY]: `\uFEFF${entry({}, "## A heading\n\nText.\n")}`.replace(/\n/g, "\r\n") }, message: /id="a-heading"/, at: "day/4/index.html", ok: true },
  // Fields
  { name: "missing field", files: { [ENTRY]: entry({ summary: null }) }, message: /the required field `summary` is missing\n\s+→ add a line `summary: …`/, at: `${ENTRY}:1` },
  { name: "misspelt key", build: true, files: { [ENTRY]: entry({ title: 'tittle: "Hostile"' }) }, message: /unknown frontmatter key `tittle`\n\s+→ did you mean `title`\?/, at: `${ENTRY}:2` },
  { name: "mistyped field (tags not a list)", files: { [ENTRY]: entry({ tags: "tags: retries" }) }, message: /`tags` must be a list[^\n]*\n\s+→ write e\.g\. tags: \[/, at: `${ENTRY}:5` },
  { name: "mistyped field (numeric title)", files: { [ENTRY]: entry({ title: "title: 42" }) }, message: /`title` must be text[^\n]*\n\s+→ write e\.g\. title:/, at: `${ENTRY}:2` },
  { name: "day 0", files: { [ENTRY]: entry({ day: "day: 0" }) }, message: /`day` must be 1 or more[^\n]*\n\s+→ write e\.g\. day: 16/, at: `${ENTRY}:3` },
  { name: "negative day", files: { [ENTRY]: entry({ day: "day: -4" }) }, message: /`day` must be 1 or more[^\n]*\n\s+→ write e\.g\. day: 16/, at: `${ENTRY}:3` },
  { name: "float day", files: { [ENTRY]: entry({ day: "day: 4.5" }) }, message: /`day` must be a whole number[^\n]*\n\s+→ write e\.g\. day: 16/, at: `${ENTRY}:3` },
  { name: "hex day", files: { [ENTRY]: entry({ day: "day: 0x4" }) }, message: /`day` is written "0x4", which is not a plain whole number\n\s+→ write it as digits only/, at: `${ENTRY}:3` },
  { name: "string day", files: { [ENTRY]: entry({ day: 'day: "4"' }) }, message: /`day` must be a whole number[^\n]*\n\s+→ write e\.g\. day: 16 \(a whole number from 1, no quotes\)/, at: `${ENTRY}:3` },
  { name: "impossible date", files: { [ENTRY]: entry({ date: "date: 2026-02-30" }) }, message: /`date` must be a real calendar date[^\n]*\n\s+→ write e\.g\. date:/, at: `${ENTRY}:4` },
  { name: "future date", files: { [ENTRY]: entry({ date: "date: 2026-11-24" }) }, message: /`date` is 2026-11-24, after the build date 2026-11-23 in UTC, the journal's time zone\n\s+→ use a date on or before 2026-11-23/, at: `${ENTRY}:4` },
  { name: "duplicate day", files: { [ENTRY]: entry({ day: "day: 1" }) }, message: /day 1 is already used by [^\n]*001-first-day\.mdx\n\s+→ give this entry the next free day number/, at: ENTRY },
  { name: "two files mapping to one entry", files: { [ENTRY]: entry(), "days/004-Hostile.md": entry({ day: "day: 5" }) }, message: /map to the same entry id "004-hostile"[^\n]*\n\s+→ rename or delete one of the two files/, at: "days/004-hostile.mdx" },
  // Tags
  { name: "unknown tag", files: { [ENTRY]: entry({ tags: "tags: [retires]" }) }, message: /the tag "retires" matches no tag id[^\n]*\n\s+→ did you mean "retries"/, at: `${ENTRY}:5` },
  { name: "tag with HTML", files: { [ENTRY]: entry({ tags: 'tags: ["<b>retries</b>"]' }) }, message: /the tag "<b>retries<\/b>" matches no tag id[^\n]*\n\s+→ /, at: `${ENTRY}:5` },
  { name: "tag with a zero-width space", files: { [ENTRY]: entry({ tags: 'tags: ["re\u200btries"]' }) }, message: /the tag "re\\u200btries" matches no tag id[^\n]*\n\s+→ /, at: `${ENTRY}:5` },
  { name: "tag with a right-to-left override", files: { [ENTRY]: entry({ tags: 'tags: ["\u202eretries"]' }) }, message: /the tag "\\u202eretries" matches no tag id[^\n]*\n\s+→ /, at: `${ENTRY}:5` },
  // MDX the compiler rejects
  { name: "unclosed JSX", build: true, files: { [ENTRY]: entry({}, "Intro.\n\n<div>\n\nSome text\n") }, message: /the MDX cannot be compiled: Expected a closing tag for `<div>` \(11:1\)[^\n]*\n\s+→ fix the syntax there/, at: `${ENTRY}:11:1` },
  { name: "bare < before a digit", files: { [ENTRY]: entry({}, "I <3 queues.\n") }, message: /`<3` is not one, so the page cannot compile\n\s+→ write \\< or &lt; for a less-than sign/, at: `${ENTRY}:9:3` },
  { name: "bare < before a space builds as text", files: { [ENTRY]: entry({}, "When a < b we wait.\n") }, message: /When a &lt; b we wait\./, at: "day/4/index.html", ok: true },
  { name: "HTML comment in MDX", files: { [ENTRY]: entry({}, "Intro.\n\n<!-- todo: finish -->\n") }, message: /MDX has no HTML comments[^\n]*\n\s+→ use \{\/\* … \*\/\}/, at: `${ENTRY}:11:1` },
  { name: "undefined variable in MDX", files: { [ENTRY]: entry({}, "Value: {undefinedVariable}\n") }, message: /\{undefinedVariable\} refers to `undefinedVariable`, which is not defined[^\n]*\n\s+→ /, at: `${ENTRY}:9:8` },
  { name: "throwing expression in MDX", files: { [ENTRY]: entry({}, 'Value: {(() => { throw new Error("x") })()}\n') }, message: /runs JavaScript while the page is built[^\n]*\n\s+→ write the result as plain text/, at: `${ENTRY}:9:8` },
  // Scripts in content
  { name: "raw <script> in MDX", files: { [ENTRY]: entry({}, 'Intro.\n\n<script>alert("hi")</script>\n') }, message: /raw <script> tag[^\n]*\n\s+→ put code in a ```ts run block instead/, at: `${ENTRY}:11:1` },
  { name: "raw <script> in Markdown", build: true, files: { "days/004-hostile.md": entry({}, "Intro.\n\n<script>alert(1)</script>\n") }, message: /raw <script> tag[^\n]*\n\s+→ put code in a ```ts run block instead/, at: "days/004-hostile.md:11:1" },
  { name: "javascript: link", files: { [ENTRY]: entry({}, "Click [here](javascript:alert(1)).\n") }, message: /javascript: URL[^\n]*\n\s+→ link to a page/, at: `${ENTRY}:9:14` },
  { name: "javascript: href attribute", files: { [ENTRY]: entry({}, 'Intro.\n\n<a href="javascript:alert(1)">x</a>\n') }, message: /javascript: URL[^\n]*\n\s+→ link to a page/, at: `${ENTRY}:11:10` },
  { name: "onclick attribute", files: { [ENTRY]: entry({}, 'Intro.\n\n<div onclick="alert(1)">x</div>\n') }, message: /event handler attribute `onclick`[^\n]*\n\s+→ remove the attribute/, at: `${ENTRY}:11:6` },
  { name: "onerror attribute on an image in Markdown", files: { "days/004-hostile.md": entry({}, '<img src="x.png" onerror="alert(1)">\n') }, message: /event handler attribute `onerror`/, at: "days/004-hostile.md:9:18" },
  // Entries are content: no MDX ESM, raw HTML from GitHub's allow-list
  { name: "MDX export reading the environment", files: { [ENTRY]: entry({}, "export const secret = globalThis.process.env.PATH\n\nText.\n") }, message: /MDX `export`, and an export in an entry would run code while the site is built\n\s+→ remove the line/, at: `${ENTRY}:9:1` },
  { name: "MDX import of node:child_process", build: true, files: { [ENTRY]: entry({}, `Intro.\n\nimport { execSync } from "node:child_process"\nexport const ran = execSync(${JSON.stringify(`touch ${MARKER}`)})\n`) }, message: /MDX `import` of "node:child_process"[^\n]*\n\s+→ remove the line/, at: `${ENTRY}:11:1` },
  { name: "<meta http-equiv=refresh> in Markdown", files: { [MD_ENTRY]: entry({}, 'Intro.\n\n<meta http-equiv="refresh" content="0;url=https://example.com">\n') }, message: /<meta> element, and it can redirect every reader[^\n]*\n\s+→ remove it/, at: `${MD_ENTRY}:11:1` },
  { name: "<meta http-equiv=refresh> in MDX", files: { [ENTRY]: entry({}, 'Intro.\n\n<meta http-equiv="refresh" content="0;url=https://example.com" />\n') }, message: /<meta> element, and it can redirect every reader[^\n]*\n\s+→ remove it/, at: `${ENTRY}:11:1` },
  { name: "hand-written <daybook-snippet data-js> in Markdown", files: { [MD_ENTRY]: entry({}, '<daybook-snippet data-js="fetch(\'https://example.com\')"><pre><code>console.log(1)</code></pre></daybook-snippet>\n') }, message: /<daybook-snippet> element, written by hand[^\n]*\n\s+→ write a ```ts run block/, at: `${MD_ENTRY}:9:1` },
  { name: "hand-written <daybook-snippet data-js> in MDX", files: { [ENTRY]: entry({}, 'Intro.\n\n<daybook-snippet data-js="fetch(\'https://example.com\')">\n<pre><code>console.log(1)</code></pre>\n</daybook-snippet>\n') }, message: /<daybook-snippet> element, written by hand[^\n]*\n\s+→ write a ```ts run block/, at: `${ENTRY}:11:1` },
  { name: "MDX component", files: { [ENTRY]: entry({}, "Intro.\n\n<Chart data=\"x\" />\n") }, message: /<Chart> is an MDX component, and entries cannot import components[^\n]*\n\s+→ write Markdown/, at: `${ENTRY}:11:1` },
  { name: "attributes GitHub drops are removed from a Markdown page", files: { [MD_ENTRY]: entry({}, '| Stage | Time |\n|---|---|\n| <td align="right" style="color:red" class="hot">queue</td> | 5 ms |\n') }, message: /<td align="right">queue<\/td>/, absent: /color:red|class="hot"/, at: "day/4/index.html", ok: true },
  { name: "attributes GitHub drops are removed from an MDX page", files: { [ENTRY]: entry({}, 'Text <span style="color:red" title="t">red</span> and <center>centred</center>.\n') }, message: /<span title="t">red<\/span> and centred\./, absent: /color:red|<center/, at: "day/4/index.html", ok: true },
  // Files
  { name: ".markdown file", files: { "days/004-hostile.markdown": entry() }, message: /entries must be \.mdx or \.md files, and this one is "\.markdown", so it would be skipped\n\s+→ rename it to 004-hostile\.mdx/, at: "days/004-hostile.markdown" },
  { name: "entry over the size cap", files: { [ENTRY]: entry({}, `${"A paragraph of text that goes on. ".repeat(32_000)}\n`) }, message: /the entry is \d+ bytes, over the 1000000-byte limit\n\s+→ split it into several days/, at: ENTRY },
  // Snippets
  { name: "snippet that loops forever", build: true, files: { [ENTRY]: entry({}, snippet("while (true) {}", " timeout=500")) }, message: /the snippet did not finish: Error: the snippet used more than 500 ms of CPU time and was stopped; if it needs longer, raise timeout=500/, at: `${ENTRY}:11` },
  { name: "snippet that throws", files: { [ENTRY]: entry({}, snippet('console.log("before");\nthrow new Error("kaboom");', "", "before")) }, message: /the snippet ended in an error: Error: kaboom[^\n]*\n\s+→ fix the code, or add `throws`/, at: `${ENTRY}:13` },
  { name: "snippet that floods the console", files: { [ENTRY]: entry({}, snippet("for (let i = 0; i < 10_000; i++) console.log(`line ${i}`);", "", "line 0\nline 1")) }, message: /output differs from its ```output fence[\s\S]*\+ line 2\n[\s\S]*… and 299 more changed lines\n\s*\(the output was cut at 500 lines or 50000 characters, the most a snippet may print\)/, at: `${ENTRY}:15` },
  { name: "snippet that allocates without bound", files: { [ENTRY]: entry({}, snippet("const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1_000_000).fill(1));", " timeout=10000")) }, message: /the snippet did not finish: (RangeError: the snippet ran out of memory|Error: the snippet used more than 10000 ms of CPU time)/, at: `${ENTRY}:11` },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const work: string[] = [];
afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
  rmSync(MARKER, { force: true });
});

describe("hostile content", () => {
  it("has at least 35 cases with unique names, and builds end to end at least one per stage", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.filter((c) => c.build).length).toBeGreaterThanOrEqual(6);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-hostile-"));
    work.push(content);
    cpSync(FIXTURE, content, { recursive: true });
    for (const [file, data] of Object.entries(c.files)) writeFileSync(path.join(content, file), data);
    if (!c.ok && !c.build) {
      const output = await journalCheck(content);
      expect(output).toMatch(c.message);
      expect(output).toMatch(new RegExp(`${escape(c.at)}(?=[:\\s])`));
      expect(output).toMatch(/\n\s+→ \S/);
      expect(existsSync(MARKER), "an entry's code ran during the check").toBe(false);
      return;
    }
    if (c.ok) {
      const { build, at } = await buildOkCase(c);
      expect(build.code, build.output).toBe(0);
      const page = path.join(build.outDir, at);
      expect(existsSync(page), `${at} is missing:\n${build.output}`).toBe(true);
      expect(readFileSync(page, "utf8")).toMatch(c.message);
      if (c.absent) expect(readFileSync(page, "utf8")).not.toMatch(c.absent);
      return;
    }
    const build = await buildSite({ content, today: TODAY });
    work.push(path.dirname(build.outDir));
    expect(build.code, build.output).not.toBe(0);
    expect(build.output).toMatch(c.message);
    // The file (as days/… inside whichever content folder) and its line, not a longer line number.
    expect(build.output).toMatch(new RegExp(`${escape(c.at)}(?=[:\\s])`));
    expect(build.output).toMatch(/\n\s+→ \S/); // every Daybook problem says what to do
    expect(build.output).toContain("Nothing was built");
    expect(existsSync(path.join(build.outDir, "day/4/index.html"))).toBe(false);
    expect(existsSync(build.outDir), "Daybook stops before Astro writes anything").toBe(false);
    expect(existsSync(MARKER), "an entry's code ran during the build").toBe(false);
    if (c.absent) expect(build.output).not.toMatch(c.absent);
  });
});

/** The build's journal check (its first hook), in-process: the report `npm run build` would print, or "" if it would go on. */
async function journalCheck(content: string): Promise<string> {
  const cache = mkdtempSync(path.join(tmpdir(), "daybook-hostile-cache-"));
  work.push(cache);
  const previous = process.env.DAYBOOK_CACHE;
  process.env.DAYBOOK_CACHE = cache;
  try {
    const { journal } = await checkJournal(daybookSettings({ DAYBOOK_CONTENT: content }, ROOT), { includeDrafts: false, today: TODAY });
    return journal.problems.length ? new JournalError(journal.problems).message : "";
  } finally {
    if (previous === undefined) delete process.env.DAYBOOK_CACHE;
    else process.env.DAYBOOK_CACHE = previous;
  }
}

const OK_CASES = CASES.filter((c) => c.ok);
let okBuild: Promise<BuildResult> | undefined;

/**
 * The cases that must build share one `npm run build`: case i's entry becomes day 10 + i, in a
 * file of its own, beside the others in one copy of the fixture. Returns that build and the page
 * the case must have produced.
 */
async function buildOkCase(c: Case): Promise<{ build: BuildResult; at: string }> {
  const day = (ok: Case) => 10 + OK_CASES.indexOf(ok);
  okBuild ??= (async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-hostile-ok-"));
    work.push(content);
    cpSync(FIXTURE, content, { recursive: true });
    for (const ok of OK_CASES) {
      for (const [file, data] of Object.entries(ok.files)) {
        const text = typeof data === "string" ? data : new TextDecoder().decode(data);
        const renumbered = text.replace(/^day: 4(?=\r?$)/m, `day: ${day(ok)}`);
        if (renumbered === text) throw new Error(`case "${ok.name}" has no "day: 4" line to renumber`);
        writeFileSync(path.join(content, file.replace("004-hostile", `0${day(ok)}-ok`)), renumbered);
      }
    }
    const build = await buildSite({ content, today: TODAY });
    work.push(path.dirname(build.outDir));
    return build;
  })();
  return { build: await okBuild, at: c.at.replace("day/4/", `day/${day(c)}/`) };
}
