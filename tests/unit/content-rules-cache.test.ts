// The content rules' results kept between builds (src/integration/content/content-rules-cache.ts):
// a build finds the same problems with them as without, reuses a result only for the same file,
// text and position under the same Daybook key, and keeps only the results of the files it read.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_RULES_FILE, ContentRulesCache } from "../../src/integration/content/content-rules-cache.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";

const work = mkdtempSync(path.join(tmpdir(), "daybook-content-rules-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const enc = new TextEncoder();
const source = (folder: string, relative: string, text: string): SourceFile => ({ path: `content/${folder}/${relative}`, relative, bytes: enc.encode(text) });
const tags = [source("tags", "queueing.md", "---\ntitle: Queueing\n---\nWaiting.\n")];
const entry = (day: number, body: string) => `---\ntitle: "Q${day}"\nday: ${day}\ndate: 2026-11-0${day}\ntags: [queueing]\nsummary: "S."\n---\n\n${body}\n`;
const DAYS = [source("days", "001-a.md", entry(1, "Plain prose about queues.")), source("days", "002-b.mdx", entry(2, "Intro.\n\n<script>steal()</script>"))];
const OPTIONS = { today: "2026-11-23", maxEntryBytes: 100_000 };
let dirs = 0;
const folder = () => path.join(work, `cache-${dirs++}`);

/** A build's validation of `days` with the cache folder `dir`, whose results it then saves. */
function validateAndSave(dir: string, days: readonly SourceFile[] = DAYS) {
  const cache = new ContentRulesCache(dir, "key");
  const journal = validateJournal(days, tags, { ...OPTIONS, contentRules: cache });
  cache.save();
  return journal;
}

/** The results saved in `dir`, by id. */
const savedReports = (dir: string) => (JSON.parse(readFileSync(path.join(dir, CONTENT_RULES_FILE), "utf8")) as { reports: Record<string, unknown> }).reports;

/** A memo that records what it was asked and told. */
function recording(cache: ContentRulesCache) {
  const asked: string[] = [];
  const told: string[] = [];
  return {
    asked,
    told,
    memo: {
      get: (file: string, input: Parameters<ContentRulesCache["get"]>[1]) => {
        const found = cache.get(file, input);
        if (found) asked.push(file);
        return found;
      },
      set: (file: string, input: Parameters<ContentRulesCache["set"]>[1], report: Parameters<ContentRulesCache["set"]>[2]) => {
        told.push(file);
        cache.set(file, input, report);
      },
    },
  };
}

describe("the content rules' results kept between builds", () => {
  it("give the next build the same problems, without checking the files again", () => {
    const dir = folder();
    const expected = validateAndSave(dir);
    expect(expected.problems).toEqual([expect.objectContaining({ file: "content/days/002-b.mdx", message: expect.stringMatching(/<script>/) })]);
    const next = recording(new ContentRulesCache(dir, "key"));
    const again = validateJournal(DAYS, tags, { ...OPTIONS, contentRules: next.memo });
    expect(again.problems).toEqual(expected.problems);
    expect(next.asked.sort()).toEqual(["content/days/001-a.md", "content/days/002-b.mdx", "content/tags/queueing.md"]);
    expect(next.told).toEqual([]);
  });

  it("checks a file again when its text, or Daybook's key, changed", () => {
    const dir = folder();
    validateAndSave(dir);
    const edited = [DAYS[0]!, source("days", "002-b.mdx", entry(2, "Intro.\n\nNo script any more."))];
    const next = recording(new ContentRulesCache(dir, "key"));
    expect(validateJournal(edited, tags, { ...OPTIONS, contentRules: next.memo }).problems).toEqual([]);
    expect(next.told).toEqual(["content/days/002-b.mdx"]);
    const otherKey = recording(new ContentRulesCache(dir, "another key"));
    expect(validateJournal(DAYS, tags, { ...OPTIONS, contentRules: otherKey.memo }).problems).toHaveLength(1);
    expect(otherKey.asked).toEqual([]);
  });

  it("keeps only the results of the files the last build read", () => {
    const dir = folder();
    validateAndSave(dir);
    validateAndSave(dir, [DAYS[0]!]);
    expect(Object.keys(savedReports(dir))).toHaveLength(2); // day 1 and the tag
    const third = recording(new ContentRulesCache(dir, "key"));
    expect(validateJournal(DAYS, tags, { ...OPTIONS, contentRules: third.memo }).problems).toHaveLength(1);
    expect(third.told).toEqual(["content/days/002-b.mdx"]);
  });

  it("reads nothing from a file it cannot trust the shape of", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    for (const text of ["not json", "{}", '{"version":1,"key":"key","reports":null}', '{"version":2,"key":"key","reports":{}}']) {
      writeFileSync(path.join(dir, CONTENT_RULES_FILE), text);
      const cache = recording(new ContentRulesCache(dir, "key"));
      expect(validateJournal(DAYS, tags, { ...OPTIONS, contentRules: cache.memo }).problems, text).toHaveLength(1);
      expect(cache.asked, text).toEqual([]);
    }
    // A result without its lists of problems and notes is not a result.
    validateAndSave(dir);
    const reports = savedReports(dir);
    for (const id of Object.keys(reports)) reports[id] = { problems: "none", notes: [] };
    writeFileSync(path.join(dir, CONTENT_RULES_FILE), JSON.stringify({ version: 1, key: "key", reports }));
    const broken = recording(new ContentRulesCache(dir, "key"));
    expect(validateJournal(DAYS, tags, { ...OPTIONS, contentRules: broken.memo }).problems).toHaveLength(1);
    expect(broken.asked).toEqual([]);
  });
});
