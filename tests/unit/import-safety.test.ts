import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_FILES, contentState, listFiles, sha256 } from "../../src/integration/import/import-sample.ts";
import { installStage } from "../../src/integration/import/import-write.ts";
import { parseImportArgs } from "../../src/integration/import/import-args.ts";
import { ROOT, fixtureRepo, importInto } from "./import-fixtures.ts";

/** The importer's promises, each attacked: it refuses someone's content, never overwrites, writes nothing on error, trusts no path. */

const scratch = (name: string) => mkdtempSync(path.join(tmpdir(), `daybook-import-${name}-`));
const sampleCopy = () => {
  const content = path.join(scratch("sample"), "content");
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  return content;
};
/** Every file under `dir` with its bytes, to prove nothing changed. */
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
const smallFolder = () => {
  const dir = scratch("src");
  mkdirSync(path.join(dir, "git"));
  writeFileSync(path.join(dir, "git", "note.md"), "---\ndate: 2024-01-02\n---\n# A note\n\nSome text.\n");
  return dir;
};

describe("the sample journal", () => {
  it("is listed by hash exactly as content/ ships it", () => {
    const actual = Object.fromEntries(listFiles(path.join(ROOT, "content")).map((f) => [f, sha256(path.join(ROOT, "content", f))]));
    // If the sample changed on purpose, replace "files" in src/integration/import/sample-journal.json with this:
    expect(actual, JSON.stringify(actual, null, 2)).toEqual(SAMPLE_FILES);
  });

  it("is removed after saying so", async () => {
    const content = sampleCopy();
    const run = await importInto(content, [smallFolder()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/holds Daybook's unchanged sample journal \(\d+ files\); removing it/);
    expect(listFiles(content)).toEqual(["days/001-a-note.md", "tags/git.md"]);
  });

  it("is kept with --keep-sample, the import numbered after it and its tags reused, not rewritten", async () => {
    const content = sampleCopy();
    const before = snapshot(content);
    const source = smallFolder();
    mkdirSync(path.join(source, "http"));
    writeFileSync(path.join(source, "http", "other.md"), "---\ndate: 2024-01-03\n---\n# Other\n\nText.\n");
    const run = await importInto(content, [source, "--keep-sample"]);
    expect(run.code, run.stderr).toBe(0);
    const after = snapshot(content);
    for (const [file, text] of Object.entries(before)) expect(after[file]).toBe(text);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added.sort()).toEqual(["days/024-a-note.md", "days/025-other.md", "tags/git.md"]); // http.md is the sample's own
  });

  it.each([
    ["an edited sample entry", (content: string) => writeFileSync(path.join(content, "days", readdirSync(path.join(content, "days"))[0]!), "changed")],
    ["an entry of someone's own", (content: string) => writeFileSync(path.join(content, "days", "024-mine.mdx"), "mine")],
    ["a hidden file", (content: string) => writeFileSync(path.join(content, ".notes"), "mine")],
  ])("refuses content/ holding %s, with or without --keep-sample, and writes nothing", async (_name, change) => {
    for (const flags of [[], ["--keep-sample"]]) {
      const content = sampleCopy();
      change(content);
      const before = snapshot(content);
      const run = await importInto(content, [smallFolder(), ...flags]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/not Daybook's unchanged sample journal[\s\S]*Nothing was written\.\n$/);
      expect(snapshot(content)).toEqual(before);
    }
  });

  it("tells an empty content folder from the sample and from someone's files", () => {
    expect(contentState(path.join(scratch("none"), "content")).kind).toBe("empty");
    expect(contentState(path.join(ROOT, "content")).kind).toBe("sample");
  });
});

describe("never overwriting, and all or nothing", () => {
  it("does not overwrite a file that appeared after the import was checked, and puts everything back", () => {
    const stage = scratch("stage");
    mkdirSync(path.join(stage, "days"));
    writeFileSync(path.join(stage, "days", "001-a.md"), "new a");
    writeFileSync(path.join(stage, "days", "002-b.md"), "new b");
    const content = sampleCopy();
    const sampleFiles = listFiles(content);
    writeFileSync(path.join(content, "days", "002-b.md"), "someone else's"); // a file that raced in
    const before = snapshot(content);
    expect(() => installStage(stage, ["days/001-a.md", "days/002-b.md"], content, sampleFiles)).toThrow(/EEXIST/);
    expect(snapshot(content)).toEqual(before);
  });

  it("writes nothing on a dry run", async () => {
    const content = sampleCopy();
    const before = snapshot(content);
    const run = await importInto(content, [fixtureRepo("jekyll"), "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Would import 28 notes/);
    expect(run.stdout).toMatch(/Dry run: nothing was written\.\n$/);
    expect(snapshot(content)).toEqual(before);
  });

  it.each([
    ["no folder", [], /no folder was given/],
    ["a missing folder", ["/nonexistent/notes"], /is not a folder/],
    ["two folders", ["a", "b"], /give one folder/],
    ["an unknown option", ["a", "--force"], /Unknown option '--force'/],
    ["the content folder itself", ["content"], /holds, the journal's own content\/ folder/],
  ])("refuses %s and writes nothing", async (_name, argv, message) => {
    const content = path.join(ROOT, "content");
    const before = snapshot(content);
    const run = await importInto(argv[0] === "content" ? content : sampleCopy(), argv[0] === "content" ? [content] : argv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Nothing was written\.\n$/);
    expect(snapshot(content)).toEqual(before);
  });

  it("refuses a folder with no notes and writes nothing", async () => {
    const content = path.join(scratch("c"), "content");
    const source = scratch("empty");
    writeFileSync(path.join(source, "README.md"), "# Index\n");
    const run = await importInto(content, [source]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/none of the 1 Markdown files[\s\S]*README\.md: not imported: a repository file/);
    expect(existsSync(content)).toBe(false);
  });
});

describe("untrusted input paths", () => {
  it("refuses a note symlinked from outside, an oversized note and an image symlinked from outside, and imports the rest", async () => {
    const outside = scratch("outside");
    writeFileSync(path.join(outside, "secret.md"), "# Secret\n\nNot for the journal.\n");
    writeFileSync(path.join(outside, "secret.png"), "not really a png");
    const source = smallFolder();
    symlinkSync(path.join(outside, "secret.md"), path.join(source, "git", "leak.md"));
    writeFileSync(path.join(source, "git", "huge.md"), `# Huge\n\n${"x".repeat(1_100_000)}\n`);
    symlinkSync(path.join(outside, "secret.png"), path.join(source, "git", "pic.png"));
    writeFileSync(path.join(source, "git", "pictures.md"), "---\ndate: 2024-01-05\n---\n# Pictures\n\n![a](pic.png)\n\n![b](../../etc/hostname.png)\n\n<img src=\"/../../x.png\" alt=\"c\">\n");
    const content = path.join(scratch("c"), "content");
    const run = await importInto(content, [source]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/git\/leak\.md\n\s+· refused: a symlink leading outside the imported folder/);
    expect(run.stdout).toMatch(/git\/huge\.md\n\s+· refused: \d+ bytes, over the 1000000-byte limit/);
    expect(run.stdout).toMatch(/git\/pictures\.md:6\n\s+· the image pic\.png is a symlink leading outside the imported folder/);
    expect(run.stdout).toMatch(/git\/pictures\.md:8\n\s+· the image \.\.\/\.\.\/etc\/hostname\.png leads outside the imported folder/);
    expect(run.stdout).toMatch(/git\/pictures\.md:10\n\s+· the image \/\.\.\/\.\.\/x\.png leads outside the imported folder/);
    expect(listFiles(content)).toEqual(["days/001-a-note.md", "days/002-pictures.md", "tags/git.md"]);
    const pictures = readFileSync(path.join(content, "days/002-pictures.md"), "utf8");
    expect(pictures).not.toMatch(/secret|hostname|x\.png/);
    expect(JSON.stringify(snapshot(content))).not.toContain("Not for the journal");
  });

  it("leaves out a note whose entry would fail Daybook's checks, numbers the rest without a gap, and says why", async () => {
    const source = smallFolder();
    writeFileSync(path.join(source, "git", "acting.md"), "---\ndate: 2024-01-01\n---\n# Acting\n\n<button onclick=\"steal()\">Click</button>\n");
    const content = path.join(scratch("c"), "content");
    const run = await importInto(content, [source]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/git\/acting\.md\n\s+· not imported: as an entry it would fail Daybook's checks/);
    expect(listFiles(content)).toEqual(["days/001-a-note.md", "tags/git.md"]);
  });
});

describe("arguments", () => {
  it("reads a folder and the flags", () => {
    expect(parseImportArgs(["notes", "--keep-sample", "--dry-run"])).toEqual({ folder: "notes", keepSample: true, dryRun: true, help: false });
    expect(parseImportArgs(["-h"])).toMatchObject({ help: true });
  });
});
