import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { checkAuthorMarkup } from "../../src/integration/content/author-markup.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";

const problemsOf = (body: string, mdx = false) => checkAuthorMarkup("days/001-x.md", body, { firstLine: 10, mdx }).problems;

describe("a ```ts run block the snippet check cannot run as the page shows it", () => {
  it.each([
    ["inside a quote", "Intro.\n\n> ```ts run\n> console.log(1);\n> ```\n", 12, "inside a list or a quote"],
    ["in a numbered list, indented four spaces", "1.  Step one:\n\n    ```ts run\n    console.log(2);\n    ```\n", 12, "inside a list or a quote"],
    ["in a bullet list, indented two spaces", "- Step:\n\n  ```typescript run\n  console.log(3);\n  ```\n", 12, "inside a list or a quote"],
    ["at the top level, indented two spaces", "Intro.\n\n  ```ts run\n  console.log(4);\n  ```\n", 12, "indented"],
  ])("is an error %s, at its line (the page would say it has not been run)", (_, body, line, where) => {
    // What made this an error: the check runs no snippet the page can find for it.
    const found = extractSnippets("days/001-x.md", body).snippets;
    expect(found.every((s) => !s.code.startsWith("console"))).toBe(true);
    expect(problemsOf(body)).toEqual([expect.objectContaining({ file: "days/001-x.md", line, message: expect.stringContaining(where), fix: expect.stringContaining("drop `run`") })]);
    expect(problemsOf(body, true)).toHaveLength(1);
  });

  it.each([
    ["at the top level", "Intro.\n\n```ts run\nconsole.log(5);\n```\n"],
    ["in an MDX element, at the start of the line", "<details>\n<summary>More</summary>\n\n```ts run\nconsole.log(6);\n```\n\n</details>\n"],
    ["in a list, without run", "- Step:\n\n  ```ts\n  console.log(7);\n  ```\n"],
    ["shown as text in another fence", "````md\n> ```ts run\n> console.log(8);\n> ```\n````\n"],
  ])("is fine %s", (_, body) => {
    expect(problemsOf(body, body.includes("<details>"))).toEqual([]);
  });
});

describe("the journal's check", () => {
  it("reports a quoted ```ts run block of an entry with the entry's file and line, as `npm run build`, `npm run check` and the dev server do", () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "daybook-nested-snippet-")), "content");
    cpSync(path.resolve(import.meta.dirname, "../fixtures/basic"), content, { recursive: true });
    writeFileSync(path.join(content, "days/004-quoted.md"), "---\ntitle: Quoted\nday: 4\ndate: 2026-02-03\ntags: [retries]\nsummary: x\n---\n\nA reader wrote:\n\n> ```ts run\n> console.log(1);\n> ```\n");
    const settings = daybookSettings({ DAYBOOK_CONTENT: content }, path.resolve(import.meta.dirname, "../.."));
    const { problems } = loadJournal(settings, "2026-11-23");
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/days\/004-quoted\.md$/), line: 11, message: expect.stringContaining("inside a list or a quote") })]);
  });
});
