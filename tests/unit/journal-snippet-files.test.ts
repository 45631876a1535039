import { cpSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesWithoutSnippets, snippetSources } from "../../src/integration/snippets/journal-snippets.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the files a build's renders need not hold back for the snippet check", () => {
  it("are the tags and the entries without a runnable snippet, by their path and their real path", () => {
    // tests/fixtures/basic (two published entries with a snippet each, a draft), reached through a symbolic link.
    const work = realpathSync(mkdtempSync(path.join(tmpdir(), "daybook-snippet-files-")));
    const real = path.join(work, "real");
    cpSync(path.resolve(import.meta.dirname, "../fixtures/basic"), real, { recursive: true });
    writeFileSync(path.join(real, "days/004-prose.md"), "---\ntitle: Prose\nday: 4\ndate: 2026-02-03\ntags: [retries]\nsummary: x\n---\n\nNo code here, only `ts run` in a sentence.\n");
    const link = path.join(work, "link");
    symlinkSync(real, link);
    const settings = daybookSettings({ DAYBOOK_CONTENT: link }, ROOT);
    const journal = loadJournal(settings, "2026-11-23");
    expect(journal.problems).toEqual([]);
    const free = filesWithoutSnippets(settings, journal, snippetSources(settings, journal, false));
    for (const folder of [link, real]) {
      expect(free.has(path.join(folder, "days/004-prose.md")), folder).toBe(true);
      expect(free.has(path.join(folder, "tags/retries.md")), folder).toBe(true);
      // Entries with a snippet wait, whichever path a renderer names them by; so does the draft, which a build does not check.
      expect(free.has(path.join(folder, "days/001-first-day.mdx")), folder).toBe(false);
      expect(free.has(path.join(folder, "days/002-second-day.md")), folder).toBe(false);
      expect(free.has(path.join(folder, "days/003-draft.mdx")), folder).toBe(false);
    }
  });
});
