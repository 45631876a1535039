import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isLocated, readFrontmatter } from "../../src/integration/content/frontmatter-read.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";
import { parseNewEntryArgs } from "../../src/integration/new-entry/new-entry-args.ts";
import { checkPlan } from "../../src/integration/new-entry/new-entry-check.ts";
import { checkEntryDate, todayFor } from "../../src/integration/new-entry/new-entry-date.ts";
import { inventory, nextDayNumber } from "../../src/integration/new-entry/new-entry-inventory.ts";
import { planEntry, type EntryPlan, type PlanRequest } from "../../src/integration/new-entry/new-entry-plan.ts";
import { describePlacement, placeEntry } from "../../src/integration/new-entry/new-entry-placement.ts";
import { formatRefusal, isRefusal, type Refusal } from "../../src/integration/new-entry/new-entry-refusal.ts";
import { renderEntry, SUMMARY_PLACEHOLDER } from "../../src/integration/new-entry/new-entry-render.ts";
import { runNewEntry } from "../../src/integration/new-entry/new-entry-run.ts";
import { resolveTags, tagTitle } from "../../src/integration/new-entry/new-entry-tags.ts";
import { writePlannedFiles } from "../../src/integration/new-entry/new-entry-write.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import { TagIndex } from "../../src/lib/tag-index.ts";

const enc = new TextEncoder();
const source = (folder: "days" | "tags", relative: string, text: string): SourceFile => ({
  path: `content/${folder}/${relative}`,
  relative,
  bytes: enc.encode(text),
});
const day = (relative: string, n: number, date: string, extra = "") =>
  source("days", relative, `---\ntitle: "Day ${n}"\nday: ${n}\ndate: ${date}\ntags: [queueing]\nsummary: "S."\n${extra}---\n\nText.\n`);

const TAG_FILES = [
  source("tags", "queueing.md", "---\ntitle: Queueing\naliases: [queues]\n---\nWaiting.\n"),
  source("tags", "retries.md", "---\ntitle: Retries\naliases: [retry]\n---\nTrying again.\n"),
  source("tags", "two-phase-commit.md", '---\ntitle: Two-phase commit\naliases: [2pc, "two phase commit"]\n---\nAtomic commit.\n'),
];
const INDEX = new TagIndex([
  { id: "queueing", aliases: ["queues"] },
  { id: "retries", aliases: ["retry"] },
  { id: "two-phase-commit", aliases: ["2pc", "two phase commit"] },
]);
const DAYS = [day("001-first.mdx", 1, "2026-11-01"), day("002-second.md", 2, "2026-11-02"), day("003-draft.mdx", 3, "2026-11-03", "draft: true\n")];
const TODAY = "2026-11-23";
const OPTIONS = { today: TODAY, maxEntryBytes: 100_000 };

function plan(request: Partial<PlanRequest> = {}, days: SourceFile[] = DAYS, tagFiles: SourceFile[] = TAG_FILES): EntryPlan | Refusal {
  return planEntry(
    { title: "Sagas versus 2PC", tags: ["2pc"], createTags: false, ...request },
    { today: TODAY, timeZone: "UTC", days, tagFiles, index: INDEX, daysDir: "content/days", tagsDir: "content/tags" },
  );
}
function planned(request: Partial<PlanRequest> = {}, days?: SourceFile[]): EntryPlan {
  const result = plan(request, days);
  if (isRefusal(result)) throw new Error(formatRefusal(result));
  return result;
}
function refused(request: Partial<PlanRequest> = {}, days?: SourceFile[]): string {
  const result = plan(request, days);
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${result.entry.path}`);
  return formatRefusal(result);
}

describe("command-line arguments", () => {
  it("takes the title (even unquoted words), comma-separated and repeated tags, --day and --date", () => {
    expect(parseNewEntryArgs(["Sagas", "versus", "2PC", "--tags", "saga, two-phase-commit", "--tags", "2pc", "--day", "21", "--date", "2026-11-19", "--create-tags"])).toEqual({
      title: "Sagas versus 2PC",
      tags: ["saga", "two-phase-commit", "2pc"],
      day: 21,
      date: "2026-11-19",
      createTags: true,
      help: false,
    });
    expect(parseNewEntryArgs([])).toEqual({ tags: [], createTags: false, help: false });
  });

  it.each([["--day", "0"], ["--day", "2.5"], ["--day", "x"], ["--colour", "red"]])("refuses %s %s", (flag, value) => {
    const result = parseNewEntryArgs(["T", flag, value]);
    expect(isRefusal(result)).toBe(true);
  });
});

describe("day numbering", () => {
  it("starts an empty journal at day 1", () => {
    expect(nextDayNumber(inventory([]))).toBe(1);
    expect(planned({}, []).entry.path).toBe("content/days/001-sagas-versus-2pc.mdx");
  });

  it("uses the highest day + 1 and leaves gaps alone (drafts count)", () => {
    expect(nextDayNumber(inventory(DAYS))).toBe(4);
    expect(nextDayNumber(inventory([day("001-a.mdx", 1, "2026-01-01"), day("007-b.mdx", 7, "2026-01-02")]))).toBe(8);
    expect(planned().day).toBe(4);
  });

  it("counts a file with broken frontmatter by its file-name prefix", () => {
    expect(nextDayNumber(inventory([...DAYS, source("days", "012-broken.mdx", "---\ntitle: [unclosed\n---\n")]))).toBe(13);
  });

  it("pads the file name to three digits and keeps longer numbers whole", () => {
    expect(planned({ day: 42 }).entry.relative).toBe("042-sagas-versus-2pc.mdx");
    expect(planned({ day: 1234 }).entry.relative).toBe("1234-sagas-versus-2pc.mdx");
  });
});

describe("slugs from titles", () => {
  it.each([
    ["Café à la crème brûlée", "cafe-a-la-creme-brulee"],
    ["🚀 Launch day 🎉", "launch-day"],
    ["What's new? (Part 2/3): TCP & UDP!", "what-s-new-part-2-3-tcp-udp"],
    ["Straße, Æble & Søren", "strasse-aeble-soren"],
    ["🚀🎉", "entry"],
  ])("%s → %s", (title, slug) => {
    expect(planned({ title }).slug).toBe(slug);
    expect(planned({ title }).entry.relative).toBe(`004-${slug}.mdx`);
  });

  it("cuts a very long title at a word boundary", () => {
    const slug = planned({ title: "Why queues at ninety-five percent utilisation wait twenty times longer than at fifty percent" }).slug;
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect("why-queues-at-ninety-five-percent-utilisation-wait-twenty-times-longer").toContain(slug);
  });
});

describe("dates", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("uses the date in the journal's time zone near midnight, whatever the machine's TZ says", () => {
    const morningInAuckland = new Date(Date.UTC(2026, 10, 19, 20, 30)); // 09:30 on the 20th there
    const lateInCalifornia = new Date(Date.UTC(2026, 10, 20, 7, 45)); // 23:45 on the 19th there
    for (const machine of ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Tokyo"]) {
      process.env.TZ = machine;
      expect(todayFor({}, "Pacific/Auckland", morningInAuckland)).toBe("2026-11-20");
      expect(todayFor({}, "UTC", morningInAuckland)).toBe("2026-11-19");
      expect(todayFor({}, "America/Los_Angeles", lateInCalifornia)).toBe("2026-11-19");
      expect(todayFor({}, "UTC", lateInCalifornia)).toBe("2026-11-20");
    }
  });

  it("lets DAYBOOK_TODAY or DAYBOOK_NOW set the clock, and refuses values that do not name one", () => {
    expect(todayFor({ DAYBOOK_TODAY: "2026-11-19" }, "Asia/Tokyo", new Date(Date.UTC(2030, 0, 1)))).toBe("2026-11-19");
    expect(todayFor({ DAYBOOK_NOW: "2026-11-22T23:00:00Z" }, "Asia/Tokyo", new Date(Date.UTC(2030, 0, 1)))).toBe("2026-11-23");
    expect(isRefusal(todayFor({ DAYBOOK_TODAY: "2026-02-30" }, "UTC"))).toBe(true);
    const local = todayFor({ DAYBOOK_NOW: "2026-11-22T23:00" }, "UTC"); // no offset: would depend on TZ
    expect(isRefusal(local) && formatRefusal(local)).toMatch(/DAYBOOK_NOW is "2026-11-22T23:00", which is not an instant[\s\S]*Z for UTC/);
  });

  it("accepts 29 February only in a leap year", () => {
    expect(checkEntryDate("2028-02-29", "2028-03-01")).toBeUndefined();
    expect(checkEntryDate("2027-02-29", "2028-03-01")?.message).toMatch(/not a real calendar date/);
    expect(checkEntryDate("2026-13-01", "2028-03-01")?.message).toMatch(/not a real calendar date/);
    expect(checkEntryDate("19/11/2026", "2028-03-01")?.message).toMatch(/not written YYYY-MM-DD/);
  });

  it("refuses a future date and accepts today and the past", () => {
    expect(checkEntryDate("2026-11-24", TODAY)?.message).toMatch(/in the future \(today is 2026-11-23 in UTC, the journal's time zone\)/);
    expect(checkEntryDate(TODAY, TODAY)).toBeUndefined();
    expect(planned().date).toBe(TODAY);
    expect(planned({ date: "2026-11-10" }).date).toBe("2026-11-10");
    expect(refused({ date: "2026-12-01" })).toMatch(/in the future[\s\S]*Nothing was written\.$/);
  });
});

describe("back-filling a missed day", () => {
  // Days 1-3 are dated 1, 2 and 3 November; day 5 (a later entry) is dated 20 November.
  const later = day("005-later.mdx", 5, "2026-11-20");
  const journal = [...DAYS, later];

  it("takes the next free day number for an earlier date and never touches an existing entry", () => {
    const before = journal.map((f) => [f.path, [...f.bytes]]);
    const p = planned({ date: "2026-11-10" }, journal);
    expect(p).toMatchObject({ day: 6, date: "2026-11-10", entry: { path: "content/days/006-sagas-versus-2pc.mdx" } });
    expect(p.tags).toEqual([]); // the only files it writes are its own
    expect(journal.map((f) => [f.path, [...f.bytes]])).toEqual(before);
    expect(describePlacement(p.placement)).toBe('It will be listed between Day 3 (2026-11-03, "Day 3") and Day 5 (2026-11-20, "Day 5") in the archive.\nEntries are listed by date, then day number; no existing entry is renumbered or changed.');
    expect(checkPlan(p, journal, TAG_FILES, OPTIONS)).toBeUndefined();
  });

  it("uses a free --day (a gap) and refuses a used one", () => {
    expect(planned({ date: "2026-11-10", day: 4 }, journal)).toMatchObject({ day: 4, date: "2026-11-10" });
    expect(refused({ date: "2026-11-10", day: 5 }, journal)).toMatch(/day 5 is already used by content\/days\/005-later\.mdx\n→ leave out --day to use the next free day, 6/);
  });

  it("says where the entry goes at either end and in an empty journal", () => {
    expect(describePlacement(planned({}, journal).placement)).toBe('It will be the newest entry, listed after Day 5 (2026-11-20, "Day 5").');
    expect(describePlacement(planned({ date: "2026-10-31" }, journal).placement)).toMatch(/^It will be the oldest entry by date, listed before Day 1 \(2026-11-01, "Day 1"\)\.\nEntries are listed by date/);
    expect(describePlacement(planned({}, []).placement)).toBe("It is the journal's first entry.");
  });

  it("places by date, then day number, among entries sharing a date", () => {
    const existing = [
      { file: "a", relative: "a", day: 7, date: "2026-11-10", title: "Seven" },
      { file: "b", relative: "b", day: 8, date: "2026-11-12" },
      { file: "c", relative: "c", day: 9, date: "2026-11-10" },
      { file: "d", relative: "d" }, // unreadable: no day or date, so never a neighbour
    ];
    expect(placeEntry(existing, { day: 10, date: "2026-11-10" })).toEqual({ before: { day: 9, date: "2026-11-10", title: undefined }, after: { day: 8, date: "2026-11-12", title: undefined } });
    expect(placeEntry(existing, { day: 2, date: "2026-11-10" })).toEqual({ before: undefined, after: { day: 7, date: "2026-11-10", title: "Seven" } });
  });
});

describe("never reusing a day or a file", () => {
  it("refuses a day number that is taken, naming the file", () => {
    expect(refused({ day: 2 })).toMatch(/day 2 is already used by content\/days\/002-second\.md\n→ leave out --day to use the next free day, 4/);
    expect(refused({ day: 3 })).toContain("content/days/003-draft.mdx"); // drafts hold their day too
  });

  it("allows several entries on one date, each with its own day number", () => {
    const second = planned({ date: "2026-11-02" });
    expect(second).toMatchObject({ day: 4, date: "2026-11-02" });
    // Listed after the other entry of that date, by day number.
    expect(describePlacement(second.placement)).toBe('It will be listed between Day 2 (2026-11-02, "Day 2") and Day 3 (2026-11-03, "Day 3") in the archive.\nEntries are listed by date, then day number; no existing entry is renumbered or changed.');
    expect(checkPlan(second, DAYS, TAG_FILES, OPTIONS)).toBeUndefined();
  });

  it("refuses a planned file name that exists", () => {
    const odd = source("days", "004-sagas-versus-2pc.mdx", "not frontmatter at all");
    const misnumbered = day("005-sagas-versus-2pc.mdx", 9, "2026-11-09");
    expect(refused({ day: 5 }, [...DAYS, misnumbered])).toContain("content/days/005-sagas-versus-2pc.mdx already exists");
    expect(refused({ day: 4 }, [...DAYS, odd])).toContain("day 4 is already used by content/days/004-sagas-versus-2pc.mdx");
  });

  describe("writing", () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), "daybook-new-unit-"));
      mkdirSync(path.join(root, "content/days"), { recursive: true });
      mkdirSync(path.join(root, "content/tags"), { recursive: true });
    });

    it("creates the entry and its tag stubs", () => {
      const p = planned({ tags: ["retry", "Event Sourcing"], createTags: true });
      expect(writePlannedFiles(root, p)).toEqual(["content/tags/event-sourcing.md", "content/days/004-sagas-versus-2pc.mdx"]);
      expect(readFileSync(path.join(root, p.entry.path), "utf8")).toBe(p.entry.text);
    });

    it("never overwrites a file that appeared after planning, and removes what it had created", () => {
      const p = planned({ tags: ["Event Sourcing"], createTags: true });
      writeFileSync(path.join(root, p.entry.path), "the author's own text");
      const result = writePlannedFiles(root, p);
      expect(isRefusal(result) && formatRefusal(result)).toMatch(/004-sagas-versus-2pc\.mdx already exists[\s\S]*Nothing was written\./);
      expect(readFileSync(path.join(root, p.entry.path), "utf8")).toBe("the author's own text");
      expect(readdirSync(path.join(root, "content/tags"))).toEqual([]);
    });

    it("removes a folder it created when a later write fails", () => {
      const p = planned({ tags: ["Event Sourcing"], createTags: true });
      const bare = mkdtempSync(path.join(tmpdir(), "daybook-new-bare-"));
      mkdirSync(path.join(bare, "content/days"), { recursive: true });
      writeFileSync(path.join(bare, p.entry.path), "taken");
      expect(isRefusal(writePlannedFiles(bare, p))).toBe(true);
      expect(existsSync(path.join(bare, "content/tags"))).toBe(false);
    });
  });
});

describe("tags", () => {
  const options = { createTags: false, tagFiles: new Set(TAG_FILES.map((f) => f.relative)), tagsDir: "content/tags" };

  it("resolves ids and aliases, in any case and spacing, without duplicates", () => {
    expect(resolveTags(["2PC", "queues", "Two Phase Commit", "retries", "Retry!"], INDEX, options)).toEqual({ ids: ["two-phase-commit", "queueing", "retries"], stubs: [] });
  });

  it("lists the nearest ids for an unknown tag and offers --create-tags", () => {
    const result = resolveTags(["queuing", "retries"], INDEX, options);
    expect(isRefusal(result) && formatRefusal(result)).toBe(
      '✗ the tag "queuing" (did you mean "queueing"?) matches no tag id or alias in content/tags/.\n' +
        "→ use an existing tag id or alias, or run the command again with --create-tags to create content/tags/queuing.md\n\nNothing was written.",
    );
    const far = resolveTags(["kubernetes"], INDEX, options);
    expect(isRefusal(far) && far.message).toContain("The existing tags are queueing, retries, two-phase-commit.");
  });

  it("with --create-tags, plans kebab-case stubs titled from the tag text", () => {
    const result = resolveTags(["Event Sourcing!", "backoff-jitter", "event sourcing", "queues"], INDEX, { ...options, createTags: true });
    expect(result).toEqual({
      ids: ["event-sourcing", "backoff-jitter", "queueing"],
      stubs: [
        { id: "event-sourcing", title: "Event Sourcing!" },
        { id: "backoff-jitter", title: "Backoff jitter" },
      ],
    });
    expect(isRefusal(resolveTags(["🚀"], INDEX, { ...options, createTags: true }))).toBe(true);
    expect(tagTitle("x ".repeat(60)).length).toBeLessThanOrEqual(80);
  });

  it("refuses to create a stub over an existing (invalid) tag file", () => {
    const result = resolveTags(["broken"], INDEX, { ...options, createTags: true, tagFiles: new Set(["broken.md"]) });
    expect(isRefusal(result) && result.message).toContain("content/tags/broken.md already exists but is not a valid tag");
  });

  it("refuses an entry without tags", () => {
    expect(refused({ tags: [] })).toContain("an entry needs at least one tag\n→ add --tags with one or more of: queueing, retries, two-phase-commit");
  });
});

describe("the rendered entry", () => {
  const TITLES = [
    'He said "no": a story',
    "Sagas: part 2 # not a comment",
    "It's O'Brien's 'quote'",
    "🚀 Launch — day ✨ one",
    "Back\\slash and tab\there",
    "- [x] looks: like {yaml} & *markdown* | >folded",
    "null",
    "2026-11-19",
    "@at `tick` %percent",
  ];

  it.each(TITLES)("reads the title back exactly: %s", (title) => {
    const text = renderEntry({ title, day: 4, date: TODAY, tagIds: ["queueing"] });
    const yamlText = text.split("---\n")[1]!;
    const data = parse(yamlText) as Record<string, unknown>;
    expect(data.title).toBe(title);
    expect(data.summary).toBe(SUMMARY_PLACEHOLDER);
    const fm = readFrontmatter(text);
    expect(isLocated(fm) ? fm.message : fm.data.title).toBe(title);
  });

  it("writes tag ids that YAML would read as other types in quotes", () => {
    const data = parse(renderEntry({ title: "T", day: 1, date: TODAY, tagIds: ["2026", "null", "true", "sagas"] }).split("---\n")[1]!) as { tags: unknown[] };
    expect(data.tags).toEqual(["2026", "null", "true", "sagas"]);
  });

  it("passes the journal's validation, with a snippet whose output fence matches what it prints", () => {
    const p = planned({ title: 'Sagas versus 2PC: "quoted" #1 🚀', tags: ["2pc", "queues", "Event Sourcing"], createTags: true });
    expect(p.entry.text).toContain("tags: [two-phase-commit, queueing, event-sourcing]");
    const journal = validateJournal([...DAYS, { path: p.entry.path, relative: p.entry.relative, bytes: enc.encode(p.entry.text) }], [...TAG_FILES, ...p.tags.map((t) => ({ path: t.path, relative: t.relative, bytes: enc.encode(t.text) }))], OPTIONS);
    expect(journal.problems).toEqual([]);
    expect(journal.entries.find((e) => e.data.day === 4)?.tagIds).toEqual(["two-phase-commit", "queueing", "event-sourcing"]);
    expect(checkPlan(p, DAYS, TAG_FILES, OPTIONS)).toBeUndefined();

    const { snippets, problems } = extractSnippets(p.entry.path, p.entry.text);
    expect(problems).toEqual([]);
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.code).toBe('console.log("hello from day 4");');
    expect(snippets[0]!.output?.text).toBe("hello from day 4");
  });

  it("keeps the body MDX-safe: no bare < or { outside code", () => {
    const body = planned().entry.text.split("---\n").slice(2).join("---\n");
    const prose = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
    expect(prose).not.toMatch(/[<{]/);
  });

  it("is refused when it would break the journal's rules, with the problem located", () => {
    const result = plan({ title: "x".repeat(161) });
    expect(isRefusal(result)).toBe(false);
    const refusal = checkPlan(result as EntryPlan, DAYS, TAG_FILES, OPTIONS);
    expect(refusal && formatRefusal(refusal)).toMatch(/content\/days\/004-x+\.mdx:2:\d+\n\s+✗ `title` is longer than 160 characters[\s\S]*Nothing was written\.$/);
  });

  it("is refused when its file would map to the same entry id as an existing file", () => {
    const twin = day("004-sagas-versus-2pc.md", 9, "2026-11-09");
    expect(checkPlan(planned(), [...DAYS, twin], TAG_FILES, OPTIONS)?.problems?.[0]?.message).toMatch(/same entry id/);
  });
});

describe("the command", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");

  function terminal(answers: Record<string, string>) {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let shown = "";
    let errors = "";
    // Answer each question once it has been asked, as a person at a terminal would.
    stdout.on("data", (chunk: Buffer) => {
      shown += chunk.toString();
      for (const [question, answer] of Object.entries(answers)) {
        if (shown.includes(question)) {
          delete answers[question];
          stdin.write(`${answer}\n`);
        }
      }
    });
    stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    return { stdin, stdout, stderr, shown: () => shown, errors: () => errors };
  }

  it("asks for the title and tags in a terminal, then writes the entry", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-new-tty-"));
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    const io = terminal({ "Title of the new entry": "Café: \"asked\" ✨", "Tags (": "queues, retry" });
    const code = await runNewEntry({ argv: [], env: { DAYBOOK_CONTENT: content, DAYBOOK_TODAY: "2026-02-03" }, root: ROOT, ...io });
    expect(io.errors()).toBe("");
    expect(code).toBe(0);
    expect(io.shown()).toContain("Tags in this journal: queueing, retries");
    expect(io.shown()).toMatch(/Created .*days\/004-cafe-asked\.mdx\n/);
    const data = parse(readFileSync(path.join(content, "days/004-cafe-asked.mdx"), "utf8").split("---\n")[1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ title: 'Café: "asked" ✨', day: 4, date: "2026-02-03", tags: ["queueing", "retries"] });
  });

  it("warns about problems the journal already has, but still adds a valid entry", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-new-warn-"));
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    writeFileSync(path.join(content, "days/009-broken.mdx"), "---\ntitle: Broken\nday: 9\ndate: 2026-01-02\ntags: [nope]\nsummary: x\n---\n");
    const io = terminal({});
    const code = await runNewEntry({ argv: ["Still fine", "--tags", "queues"], env: { DAYBOOK_CONTENT: content, DAYBOOK_TODAY: "2026-02-03" }, root: ROOT, ...io });
    expect(code).toBe(0);
    expect(io.errors()).toMatch(/009-broken\.mdx:5:\d+\n\s+✗ the tag "nope"[\s\S]*the new entry is added anyway/);
    expect(existsSync(path.join(content, "days/010-still-fine.mdx"))).toBe(true);
  });

  it("back-fills an earlier date, tells where it is listed and leaves every existing file as it was", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-new-backfill-"));
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    const snapshot = () => readdirSync(path.join(content, "days")).sort().map((f) => [f, readFileSync(path.join(content, "days", f), "utf8")]);
    const before = snapshot();
    const io = terminal({});
    const code = await runNewEntry({ argv: ["Missed day", "--tags", "queues", "--date", "2026-01-30"], env: { DAYBOOK_CONTENT: content, DAYBOOK_TODAY: "2026-02-03" }, root: ROOT, ...io });
    expect(io.errors()).toBe("");
    expect(code).toBe(0);
    expect(io.shown()).toContain('day 4, 2026-01-30, tags: queueing\n  It will be listed between Day 1 (2026-01-30, "First day: queues") and Day 2 (2026-01-31, "Retry storms") in the archive.\n  Entries are listed by date, then day number; no existing entry is renumbered or changed.\n');
    expect(snapshot().filter(([f]) => f !== "004-missed-day.mdx")).toEqual(before);
  });

  it("refuses a time zone the config or the environment cannot mean, naming where it was set", async () => {
    const io = terminal({});
    const code = await runNewEntry({ argv: ["Zone", "--tags", "queues"], env: { DAYBOOK_CONTENT: "tests/fixtures/basic", DAYBOOK_TIME_ZONE: "Asia/Tokio" }, root: ROOT, ...io });
    expect(code).toBe(1);
    expect(io.errors()).toMatch(/DAYBOOK_TIME_ZONE in the environment: "Asia\/Tokio" is not a time zone name[\s\S]*"Asia\/Tokyo"[\s\S]*Nothing was written\./);
  });
});
