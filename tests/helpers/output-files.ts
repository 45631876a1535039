import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { buildSearchIndex } from "../../src/integration/search/search-index.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";

/** Every file under `dir`, as sorted paths relative to it with `/`. */
export function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The same files in both folders, byte for byte. */
export function expectSameFiles(actual: string, expected: string, what = "files that differ"): void {
  const names = files(expected);
  expect(files(actual)).toEqual(names);
  expect(names.filter((name) => !readFileSync(path.join(actual, name)).equals(readFileSync(path.join(expected, name)))), what).toEqual([]);
}

/**
 * A built site's search index (`<out>/pagefind/`) equals the one made afterwards from the pages
 * the build wrote, byte for byte; returns how many pages that index has.
 */
export async function expectIndexOfWrittenPages(out: string, journal: { content: string; base: string; today: string }): Promise<number> {
  const copy = mkdtempSync(path.join(tmpdir(), "daybook-index-again-"));
  try {
    cpSync(out, copy, { recursive: true });
    rmSync(path.join(copy, "pagefind"), { recursive: true });
    const settings = daybookSettings({ DAYBOOK_CONTENT: journal.content, DAYBOOK_BASE: journal.base });
    const again = await buildSearchIndex(copy, loadJournal(settings, journal.today));
    expect(again.problems).toEqual([]);
    expectSameFiles(path.join(copy, "pagefind"), path.join(out, "pagefind"), "index files that differ from the written pages' index");
    return again.pages;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
