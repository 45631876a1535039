import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSourceFiles } from "../../src/integration/content/journal-read.ts";
import { validateJournal } from "../../src/integration/content/journal-validate.ts";

const ENTRY = '---\ntitle: "Secret"\nday: 7\ndate: 2026-01-02\ntags: [queueing]\nsummary: "Outside the journal."\n---\n\nTOP SECRET\n';
const TAG = "---\ntitle: Queueing\n---\nWaiting.\n";

/**
 * A pull request can commit symbolic links. Whatever they point at (a file of the machine that
 * builds the site, a folder of them) must never be read, and each link is a problem naming it.
 */
describe("reading the content folder with symbolic links in it", () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-read-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const outside = path.join(work, "outside");
  const content = path.join(work, "content");
  mkdirSync(path.join(outside, "nested"), { recursive: true });
  mkdirSync(path.join(content, "days"), { recursive: true });
  mkdirSync(path.join(content, "tags"), { recursive: true });
  writeFileSync(path.join(outside, "secret.md"), ENTRY);
  writeFileSync(path.join(outside, "nested", "deeper.md"), ENTRY);
  writeFileSync(path.join(content, "tags", "queueing.md"), TAG);
  symlinkSync(path.join(outside, "secret.md"), path.join(content, "days", "007-secret.md"));
  symlinkSync(outside, path.join(content, "days", "linked"));
  symlinkSync(path.join(outside, "secret.md"), path.join(content, "tags", "secret.md"));

  it("returns each link without reading it, and nothing behind a linked folder", () => {
    const days = readSourceFiles(work, path.join(content, "days"));
    expect(days.map((f) => [f.relative, f.symlink, f.bytes.length])).toEqual([
      ["007-secret.md", true, 0],
      ["linked", true, 0],
    ]);
  });

  it("reports every link as a problem and makes no entry of what it points at", () => {
    const journal = validateJournal(readSourceFiles(work, path.join(content, "days")), readSourceFiles(work, path.join(content, "tags")), { today: "2026-11-23", maxEntryBytes: 1_000_000 });
    expect(journal.entries).toEqual([]);
    expect(journal.problems.map((p) => p.file).sort()).toEqual(["content/days/007-secret.md", "content/days/linked", "content/tags/secret.md"]);
    for (const p of journal.problems) expect(p.message).toMatch(/symbolic link/);
    expect(JSON.stringify(journal)).not.toContain("TOP SECRET");
  });
});
