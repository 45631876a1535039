import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDate, isRealIsoDate } from "../../src/lib/dates.ts";
import { computeStreaks } from "../../src/lib/streak.ts";
import { readingMinutes } from "../../src/lib/reading-time.ts";
import { entryIdFromPath, slugify } from "../../src/lib/slug.ts";
import { editDistance, nearest } from "../../src/lib/nearest.ts";
import { TagIndex } from "../../src/lib/tag-index.ts";
import { withBase } from "../../src/lib/urls.ts";
import { normaliseBase, daybookSettings } from "../../src/integration/daybook-settings.ts";
import { problemLines } from "../../src/integration/astro-process/astro-log-check.ts";
import { formatReport } from "../../src/integration/content/problem.ts";

describe("isRealIsoDate", () => {
  it.each([
    ["2026-11-18", true],
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-5", false],
    ["18/11/2026", false],
    ["2026-11-18T00:00:00Z", false],
  ])("%s → %s", (text, ok) => expect(isRealIsoDate(text)).toBe(ok));
});

describe("date arithmetic", () => {
  it("crosses months, leap days and DST-free", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
  it("formats without shifting by time zone", () => {
    expect(formatDate("2026-11-18", "en-GB")).toBe("18 November 2026");
    expect(formatDate("2026-01-01", "en-GB")).toBe("1 January 2026");
  });
});

describe("computeStreaks", () => {
  const today = "2026-11-23";
  it.each([
    ["no entries", [], { current: 0, longest: 0, total: 0 }],
    ["a single day, today", ["2026-11-23"], { current: 1, longest: 1, total: 1 }],
    ["today not written yet", ["2026-11-21", "2026-11-22"], { current: 2, longest: 2, total: 2 }],
    ["a gap breaks the streak", ["2026-11-18", "2026-11-19", "2026-11-21", "2026-11-22", "2026-11-23"], { current: 3, longest: 3, total: 5 }],
    ["last entry two days ago", ["2026-11-20", "2026-11-21"], { current: 0, longest: 2, total: 2 }],
    ["longest run in the past", ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-11-23"], { current: 1, longest: 4, total: 5 }],
    ["two entries on one day count once", ["2026-11-23", "2026-11-23", "2026-11-22"], { current: 2, longest: 2, total: 2 }],
    ["unsorted input", ["2026-11-23", "2026-11-21", "2026-11-22"], { current: 3, longest: 3, total: 3 }],
    ["across a leap day", ["2024-02-28", "2024-02-29", "2024-03-01"], { current: 0, longest: 3, total: 3 }],
    ["future dates are ignored", ["2026-11-23", "2026-11-24"], { current: 1, longest: 1, total: 1 }],
  ])("%s", (_name, dates, expected) => expect(computeStreaks(dates, today)).toEqual(expected));
});

describe("readingMinutes", () => {
  it("is at least one minute", () => expect(readingMinutes("Hello.")).toBe(1));
  it("counts prose at about 230 words a minute", () => expect(readingMinutes(Array(1150).fill("word").join(" "))).toBe(5));
  it("reads code more slowly than prose", () => {
    const code = "```ts\n" + Array(150).fill("const x = 1;").join("\n") + "\n```";
    expect(readingMinutes(code)).toBeGreaterThan(readingMinutes(Array(600).fill("word").join(" ")));
  });
});

describe("slugify", () => {
  it.each([
    ["Sagas versus 2PC", "sagas-versus-2pc"],
    ["Café au lait: déjà vu!", "cafe-au-lait-deja-vu"],
    ["🚀 Shipping   day 🎉", "shipping-day"],
    ["Straße & Smørrebrød", "strasse-smorrebrod"],
    ["Why is `SELECT *` slow?", "why-is-select-slow"],
    ["", ""],
  ])("%s → %s", (title, slug) => expect(slugify(title)).toBe(slug));
  it("cuts long titles at a word boundary", () => {
    const slug = slugify("a very long title about two phase commit coordinators participants and the decision log that survives crashes");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith("-")).toBe(false);
  });
  it("maps file paths to entry ids like Astro's glob loader", () => {
    expect(entryIdFromPath("016-Two Phase.mdx")).toBe("016-two-phase");
    expect(entryIdFromPath("2026/016-x.md")).toBe("2026/016-x");
  });
});

describe("suggestions", () => {
  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("ranks the nearest candidates first and drops distant ones", () => {
    expect(nearest("retires", ["retries", "replication", "queueing"])).toEqual(["retries"]);
    expect(nearest("zzzzzz", ["retries", "queueing"])).toEqual([]);
  });
  it("resolves ids and aliases case-insensitively and suggests ids, not aliases", () => {
    const index = new TagIndex([
      { id: "two-phase-commit", aliases: ["2pc", "Two Phase Commit"] },
      { id: "sagas", aliases: ["saga"] },
    ]);
    expect(index.resolve("2PC")).toBe("two-phase-commit");
    expect(index.resolve("two phase commit")).toBe("two-phase-commit");
    expect(index.resolve("saga")).toBe("sagas");
    expect(index.resolve("sagaz")).toBeUndefined();
    expect(index.suggest("sagaz")).toEqual(["sagas"]);
    expect(index.suggest("2pcc")).toEqual(["two-phase-commit"]);
  });
});

describe("base path and settings", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["journal", "/journal/"],
    ["/journal", "/journal/"],
    ["/a/b/", "/a/b/"],
  ])("normaliseBase(%j) → %s", (input, expected) => expect(normaliseBase(input)).toBe(expected));
  it("prefixes links with the base", () => {
    expect(withBase("/day/16/", "/journal/")).toBe("/journal/day/16/");
    expect(withBase("/day/16/", "/")).toBe("/day/16/");
    expect(withBase("rss.xml", "/journal/")).toBe("/journal/rss.xml");
  });
  it("takes site, base and content folder from the environment", () => {
    const s = daybookSettings({ DAYBOOK_BASE: "journal", DAYBOOK_SITE: "https://me.example/", DAYBOOK_CONTENT: "elsewhere" }, "/project");
    expect(s).toMatchObject({ base: "/journal/", site: "https://me.example", contentRoot: "/project/elsewhere" });
  });
});

describe("Astro log check", () => {
  it("finds warnings and errors, ignoring colour codes", () => {
    const log = "12:00:00 [build] ok\n\u001b[33m12:00:01 [WARN] [glob-loader] Duplicate id \"a\" found\u001b[0m\n12:00:02 [ERROR] [content] bad";
    expect(problemLines(log)).toEqual(['12:00:01 [WARN] [glob-loader] Duplicate id "a" found', "12:00:02 [ERROR] [content] bad"]);
    expect(problemLines("12:00:00 [build] Complete!")).toEqual([]);
  });
});

describe("problem report", () => {
  it("lists problems by file and line with a count and the outcome", () => {
    const text = formatReport(
      [
        { file: "content/days/b.mdx", line: 4, message: "m2", fix: "f2" },
        { file: "content/days/a.mdx", line: 9, column: 3, message: "m1", fix: "f1" },
      ],
      "Nothing was built.",
    );
    expect(text).toBe("content/days/a.mdx:9:3\n  ✗ m1\n  → f1\n\ncontent/days/b.mdx:4\n  ✗ m2\n  → f2\n\nDaybook found 2 problems in the journal. Nothing was built.");
  });
});
