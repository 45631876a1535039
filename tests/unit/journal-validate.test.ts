import { describe, expect, it } from "vitest";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";

const enc = new TextEncoder();
const file = (relative: string, text: string | Uint8Array, folder = "days"): SourceFile => ({
  path: `content/${folder}/${relative}`,
  relative,
  bytes: typeof text === "string" ? enc.encode(text) : text,
});
const tag = (id: string, text: string) => file(`${id}.md`, text, "tags");

const TAGS = [
  tag("queueing", "---\ntitle: Queueing\naliases: [queues]\nrelated: [retries]\n---\nWaiting.\n"),
  tag("retries", "---\ntitle: Retries\n---\nTrying again.\n"),
  tag("two-phase-commit", "---\ntitle: Two-phase commit\naliases: [2pc]\n---\nAtomic commit.\n"),
];

/** Frontmatter lines of a valid entry; cases override or drop single lines. */
const FIELDS: Record<string, string> = {
  title: 'title: "Queues at 95%"',
  day: "day: 9",
  date: "date: 2026-11-09",
  tags: "tags: [queueing]",
  summary: 'summary: "Why waiting explodes near full utilisation."',
};
function entry(overrides: Record<string, string | null> = {}, body = "\nText.\n"): string {
  const fields = { ...FIELDS, ...overrides };
  const lines = Object.values(fields).filter((l): l is string => l !== null);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

const OPTIONS = { today: "2026-11-23", maxEntryBytes: 10_000 };
const run = (days: SourceFile[], tags: SourceFile[] = TAGS) => validateJournal(days, tags, OPTIONS);

describe("a valid journal", () => {
  it("has no problems and resolves aliases to tag ids", () => {
    const journal = run([file("009-queues.mdx", entry({ tags: "tags: [queues, Two-Phase-Commit, queueing]" }))]);
    expect(journal.problems).toEqual([]);
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]!.tagIds).toEqual(["queueing", "two-phase-commit"]);
    expect(journal.entries[0]!.data.date).toBe("2026-11-09");
  });

  it("accepts BOM and CRLF files", () => {
    const text = "\uFEFF" + entry().replace(/\n/g, "\r\n");
    expect(run([file("009-queues.mdx", text)]).problems).toEqual([]);
  });

  it("accepts optional draft and updated fields", () => {
    const journal = run([file("009-q.mdx", entry({ draft: "draft: true", updated: "updated: 2026-11-10" }))]);
    expect(journal.problems).toEqual([]);
    expect(journal.entries[0]!.data.draft).toBe(true);
  });
});

/** [case, frontmatter overrides, expected message, expected line (undefined = any)] */
const BAD_FIELDS: [string, Record<string, string | null>, RegExp, number | undefined][] = [
  ["missing title", { title: null }, /required field `title` is missing/, 1],
  ["whitespace-only title", { title: 'title: "   "' }, /`title` is empty/, 2],
  ["empty summary", { summary: 'summary: ""' }, /`summary` is empty/, 6],
  ["summary over 300 chars", { summary: `summary: "${"x".repeat(301)}"` }, /longer than 300 characters/, 6],
  ["numeric title", { title: "title: 42" }, /`title` must be text/, 2],
  ["unknown key", { extra: "tag: [queueing]" }, /unknown frontmatter key `tag`/, 7],
  ["day 0", { day: "day: 0" }, /`day` must be 1 or more/, 3],
  ["negative day", { day: "day: -4" }, /`day` must be 1 or more/, 3],
  ["float day", { day: "day: 1.5" }, /`day` must be a whole number/, 3],
  ["float day written 9.0", { day: "day: 9.0" }, /`day` is written "9.0", which is not a plain whole number/, 3],
  ["hex day", { day: "day: 0x10" }, /`day` is written "0x10"/, 3],
  ["string day", { day: 'day: "9"' }, /`day` must be a whole number/, 3],
  ["impossible date", { date: "date: 2026-02-30" }, /`date` must be a real calendar date/, 4],
  ["month 13", { date: "date: 2026-13-01" }, /`date` must be a real calendar date/, 4],
  ["non-ISO date", { date: "date: 09/11/2026" }, /`date` must be a real calendar date/, 4],
  ["date with time", { date: "date: 2026-11-09T10:00:00Z" }, /`date` must be a real calendar date/, 4],
  ["future date", { date: "date: 2026-11-24" }, /`date` is 2026-11-24, after the build date 2026-11-23/, 4],
  ["impossible updated", { updated: "updated: 2025-02-29" }, /`updated` must be a real calendar date/, 7],
  ["empty tags", { tags: "tags: []" }, /`tags` is empty/, 5],
  ["eleven tags", { tags: `tags: [${Array(11).fill("queueing").join(", ")}]` }, /more than 10 tags/, 5],
  ["tags not a list", { tags: "tags: queueing" }, /`tags` must be a list/, 5],
  ["draft not boolean", { draft: "draft: yes" }, /`draft` must be true or false/, 7],
];

describe("frontmatter fields", () => {
  it.each(BAD_FIELDS)("%s", (_name, overrides, message, line) => {
    const { problems, entries } = run([file("009-q.mdx", entry(overrides))]);
    expect(entries).toHaveLength(0);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
    expect(problems[0]!.file).toBe("content/days/009-q.mdx");
    if (line !== undefined) expect(problems[0]!.line).toBe(line);
    expect(problems[0]!.fix.length).toBeGreaterThan(5);
  });

  it("suggests the nearest key for a misspelt one", () => {
    const { problems } = run([file("009-q.mdx", entry({ extra: "summery: nope" }))]);
    expect(problems.some((p) => p.fix.includes("did you mean `summary`"))).toBe(true);
  });
});

/** [case, file name, raw text, expected message, expected line] */
const BAD_FILES: [string, string, string | Uint8Array, RegExp, number | undefined][] = [
  ["empty file", "009-q.mdx", "", /the file is empty/, 1],
  ["whitespace-only file", "009-q.mdx", "\n  \n", /the file is empty/, 1],
  ["no frontmatter", "009-q.mdx", "# Hello\n\nJust text.\n", /has no frontmatter/, 1],
  ["frontmatter not at the top", "009-q.mdx", `\n${entry()}`, /not at the top of the file/, 2],
  ["frontmatter never closed", "009-q.mdx", "---\ntitle: x\nday: 9\n\nBody\n", /never closed/, 1],
  ["TOML frontmatter", "009-q.mdx", '+++\ntitle = "x"\n+++\n', /TOML frontmatter/, 1],
  ["duplicate key", "009-q.mdx", entry({ extra: "day: 10" }), /a key appears twice/, 7],
  ["tab indentation", "009-q.mdx", entry({ tags: "tags:\n\t- queueing" }), /tab/, undefined],
  ["bad quoting", "009-q.mdx", entry({ title: 'title: "unclosed' }), /not valid YAML/, undefined],
  ["frontmatter is a list", "009-q.mdx", "---\n- a\n- b\n---\n", /not a list of `key: value` fields/, 2],
  ["invalid UTF-8", "009-q.mdx", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), /not valid UTF-8/, undefined],
  ["binary NUL byte", "009-q.mdx", `${entry()}\0\0`, /binary data/, 10],
  [".markdown extension", "009-q.markdown", entry(), /entries must be \.mdx or \.md files/, undefined],
  ["oversized entry", "009-q.mdx", entry({}, "x".repeat(20_000)), /over the 10000-byte limit/, undefined],
];

describe("whole files", () => {
  it.each(BAD_FILES)("%s", (_name, name, text, message, line) => {
    const { problems, entries } = run([file(name, text)]);
    expect(entries).toHaveLength(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.file).toBe(`content/days/${name}`);
    if (line !== undefined) expect(problems[0]!.line).toBe(line);
  });
});

describe("rules across the journal", () => {
  it("rejects a tag that resolves to nothing and suggests the nearest id", () => {
    const { problems } = run([file("009-q.mdx", entry({ tags: "tags: [queueing, retires]" }))]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, message: expect.stringContaining('"retires" matches no tag'), fix: expect.stringContaining('"retries"') });
  });

  it("shows invisible characters in an unknown tag", () => {
    const { problems } = run([file("009-q.mdx", entry({ tags: "tags: [\"queue\u200bing\"]" }))]);
    expect(problems[0]!.message).toContain("queue\\u200bing");
  });

  it("rejects duplicate day numbers, naming both files", () => {
    const { problems } = run([file("009-a.mdx", entry()), file("010-b.mdx", entry())]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "content/days/010-b.mdx", message: expect.stringContaining("day 9 is already used by content/days/009-a.mdx") });
  });

  it("rejects two files that map to the same entry", () => {
    const { problems } = run([file("009-a.md", entry()), file("009-A.mdx", entry({ day: "day: 10" }))]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('map to the same entry id "009-a"')]);
  });

  it("rejects a tag id that is not lowercase kebab-case and proposes a name", () => {
    const { problems, tags } = run([], [...TAGS, tag("Two_Phase", "---\ntitle: X\n---\n")]);
    expect(tags.map((t) => t.id)).not.toContain("Two_Phase");
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining("not lowercase kebab-case"), fix: "rename the file to two-phase.md" })]);
  });

  it("rejects related ids that do not exist, and self references", () => {
    const { problems } = run([], [tag("a", "---\ntitle: A\nrelated: [a, bee]\n---\n"), tag("b", "---\ntitle: B\n---\n")]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("lists itself"), expect.stringContaining('names "bee"')]);
  });

  it("rejects an alias that collides with an id or another alias", () => {
    const { problems } = run([], [tag("a", "---\ntitle: A\naliases: [b, x]\n---\n"), tag("b", "---\ntitle: B\naliases: [x]\n---\n")]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"b" is already the id'), expect.stringContaining('"x" is also an alias of "a"')]);
  });

  it("rejects unknown keys in tag files", () => {
    const { problems } = run([], [tag("a", "---\ntitle: A\ndescription: nope\n---\n")]);
    expect(problems[0]).toMatchObject({ file: "content/tags/a.md", line: 3, message: "unknown frontmatter key `description`" });
  });

  it("sorts entries by day and reports every problem at once", () => {
    const journal = run([file("010-b.mdx", entry({ day: "day: 10" })), file("009-a.mdx", entry()), file("011-c.mdx", entry({ day: "day: 11", date: "date: 2027-01-01" })), file("012-d.mdx", entry({ day: "day: 12", title: null }))]);
    expect(journal.entries.map((e) => e.data.day)).toEqual([9, 10]);
    expect(journal.problems).toHaveLength(2);
  });
});

describe("validating again (npm run dev does it on every save)", () => {
  it("re-reads a file whose text changed and reuses nothing stale", () => {
    // The same path each time: the per-file results are remembered by path and must follow the text.
    const name = "010-revalidated.mdx";
    const clean = run([file(name, entry())]);
    expect(clean.problems).toEqual([]);
    const unsafe = run([file(name, entry({}, "\n[click](javascript:alert(1))\n"))]);
    expect(unsafe.problems.map((p) => [p.file, p.line])).toEqual([[`content/days/${name}`, 9]]);
    const badYaml = run([file(name, entry({ title: "title: [unclosed" }, "\n[click](javascript:alert(1))\n"))]);
    expect(badYaml.problems).toHaveLength(1);
    expect(badYaml.problems[0]!.message).toMatch(/not valid YAML/);
    // Moving the body down a line moves the reported line with it.
    const moved = run([file(name, entry({ extra: "updated: 2026-11-10" }, "\n[click](javascript:alert(1))\n"))]);
    expect(moved.problems.map((p) => p.line)).toEqual([10]);
    expect(run([file(name, entry())]).problems).toEqual([]);
  });
});
