// Links between files, checked before Astro runs: a missing file is an error at file:line with a fix.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../src/integration/content/journal-validate.ts";
import { checkJournalLinks } from "../../src/integration/links/journal-links.ts";
import type { LinkTargets } from "../../src/integration/links/entry-link-resolve.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { registeredLinkTargets } from "../../src/integration/links/link-targets.ts";

const enc = new TextEncoder();
const file = (p: string, text: string): SourceFile => ({ path: p, relative: p.replace(/^content\/(days|tags)\//, ""), bytes: enc.encode(text) });
const FRONT = "---\ntitle: x\nday: 5\n---\n";
const TARGETS: LinkTargets = {
  base: "/journal/",
  contentDir: "content",
  pages: new Map([
    ["content/days/002-second-note.md", "day/2/"],
    ["content/days/topics/009-queues.mdx", "day/9/"],
    ["content/tags/retries.md", "tags/retries/"],
  ]),
  exists: (f) => f === "content/days/005-links/chart.png" || f === "content/days/004-broken.md",
};

const where = (problems: ReturnType<typeof checkJournalLinks>) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} → ${p.fix}`);

describe("checkJournalLinks", () => {
  it("accepts links to entries, tags, existing files, pages, other sites and anchors", () => {
    const body = `[a](./002-second-note.md#why) [b](topics/009-queues.mdx) [c](../tags/retries.md) [d](./005-links/chart.png)
[e](/day/2/) [f](https://example.com/x.md) [g](#here) [h](mailto:a@b.c) [i](./004-broken.md) [j][r]

<a href="../tags/">tags</a>

[r]: ../days/002-second-note.md
`;
    expect(checkJournalLinks([file("content/days/005-links.md", FRONT + body), file("content/days/x.mdx", FRONT + body)], TARGETS)).toEqual([]);
  });

  it("reports a missing file at the link's line and column, with the nearest entry file as the fix", () => {
    const text = `${FRONT}\nIntro.\n\nSee [the second](./002-second-not.md#why) and\n[queues](topics/009-queue.mdx).\n`;
    expect(where(checkJournalLinks([file("content/days/005-links.md", text)], TARGETS))).toEqual([
      `content/days/005-links.md:8:18 the link "./002-second-not.md#why" leads to content/days/002-second-not.md, which does not exist → did you mean ./002-second-note.md#why? A link to an entry's or tag's file becomes its page's URL`,
      `content/days/005-links.md:9:10 the link "topics/009-queue.mdx" leads to content/days/topics/009-queue.mdx, which does not exist → did you mean ./topics/009-queues.mdx? A link to an entry's or tag's file becomes its page's URL`,
    ]);
  });

  it("finds links in reference definitions, raw HTML (.md) and JSX (.mdx), and says what to do when nothing is near", () => {
    const md = `${FRONT}> <div>\n> <a title="t"\n>   href="./zzz.md">x</a>\n> </div>\n\n[r]: <../tags/nope.md>\n`;
    const mdx = `${FRONT}\n<a href="./zzz.md">x</a>\n`;
    const problems = checkJournalLinks([file("content/days/005-links.md", md), file("content/days/006-x.mdx", mdx)], TARGETS);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(["content/days/005-links.md:7:11", "content/days/005-links.md:10:7", "content/days/006-x.mdx:6:10"]);
    expect(problems[0]!.fix).toBe("link to an existing entry or tag file (such as ./002-second-note.md) or to a page such as /day/1/, or remove the link");
  });

  it.each([
    ["../../../etc/passwd.md"],
    ["../../package.json"],
    ["..%2F..%2F..%2Fetc%2Fpasswd.md"],
  ])("reports %s as leaving the content folder, without looking at the disk there", (url) => {
    const looked: string[] = [];
    const targets = { ...TARGETS, exists: (f: string) => (looked.push(f), true) };
    const [problem, ...rest] = checkJournalLinks([file("content/days/005-links.md", `${FRONT}[x](${url})\n`)], targets);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 5, column: 5, message: `the link "${url}" leads out of the content folder content/, where the site has no pages` });
    expect(looked).toEqual([]);
  });

  it("ignores links in code, images, and files with no link at all", () => {
    const text = `${FRONT}\`[x](./nope.md)\`\n\n\`\`\`md\n[x](./nope.md)\n\`\`\`\n\n![alt](./nope.png)\n`;
    expect(checkJournalLinks([file("content/days/005-links.md", text), file("content/days/007-plain.md", `${FRONT}Plain.\n`)], TARGETS)).toEqual([]);
  });
});

describe("loadJournal", () => {
  it("reports links to missing files with the journal's problems, and registers the targets the Markdown plugin publishes with", () => {
    const root = mkdtempSync(path.join(tmpdir(), "daybook-links-"));
    const entry = (day: number, body: string) => `---\ntitle: Day ${day}\nday: ${day}\ndate: 2026-01-0${day}\ntags: [retries]\nsummary: "s"\n---\n\n${body}\n`;
    mkdirSync(path.join(root, "content/days"), { recursive: true });
    mkdirSync(path.join(root, "content/tags"), { recursive: true });
    writeFileSync(path.join(root, "content/tags/retries.md"), "---\ntitle: Retries\n---\nTrying again.\n");
    writeFileSync(path.join(root, "content/days/001-one.md"), entry(1, "See [two](./002-two.mdx) and [gone](./003-three.md)."));
    writeFileSync(path.join(root, "content/days/002-two.mdx"), entry(2, "Back to [one](001-one.md#top)."));
    const settings = daybookSettings({ DAYBOOK_BASE: "journal" }, root);
    const journal = loadJournal(settings, "2026-11-23");
    expect(where(journal.problems)).toEqual([
      `content/days/001-one.md:9:37 the link "./003-three.md" leads to content/days/003-three.md, which does not exist → link to an existing entry or tag file (such as ./001-one.md) or to a page such as /day/1/, or remove the link`,
    ]);
    const registered = registeredLinkTargets()!;
    expect(registered.root).toBe(root);
    expect([...registered.targets.pages]).toEqual([["content/days/001-one.md", "day/1/"], ["content/days/002-two.mdx", "day/2/"], ["content/tags/retries.md", "tags/retries/"]]);
    expect(registered.targets.base).toBe("/journal/");
    expect([...registered.targets.linked!].sort(), "the files relative links lead to").toEqual(["content/days/001-one.md", "content/days/002-two.mdx"]);
  });
});
