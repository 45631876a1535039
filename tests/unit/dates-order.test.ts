import { describe, expect, it } from "vitest";
import { compareEntries, inReadingOrder, neighbours } from "../../src/lib/entry-order.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";

const e = (day: number, date: string) => ({ data: { day, date } });
const days = (list: readonly { data: { day: number } }[]) => list.map((x) => x.data.day);

describe("the journal's order: by date, then day number", () => {
  it("puts a back-filled day (higher number, earlier date) before the days it precedes by date", () => {
    const journal = [e(19, "2026-11-08"), e(20, "2026-11-10"), e(21, "2026-11-09")];
    expect(days(inReadingOrder(journal))).toEqual([19, 21, 20]);
  });

  it("orders entries sharing a date by day number (writing order)", () => {
    expect(days(inReadingOrder([e(9, "2026-11-10"), e(7, "2026-11-10"), e(8, "2026-11-01")]))).toEqual([8, 7, 9]);
  });

  it("compares dates as calendar dates, not day numbers, across months and years", () => {
    const journal = [e(1, "2025-12-31"), e(2, "2026-01-01"), e(3, "2025-10-15"), e(4, "2026-11-01"), e(5, "2025-11-30")];
    expect(days(inReadingOrder(journal))).toEqual([3, 5, 1, 2, 4]);
    // Months come out in date order, so the archive's month groups do too.
    expect([...new Set(inReadingOrder(journal).reverse().map((x) => x.data.date.slice(0, 7)))]).toEqual(["2026-11", "2026-01", "2025-12", "2025-11", "2025-10"]);
  });

  it("is a total order: equal only for the same date and day, and antisymmetric", () => {
    const a = { day: 3, date: "2026-11-10" };
    const b = { day: 4, date: "2026-11-09" };
    expect(compareEntries(a, a)).toBe(0);
    expect(Math.sign(compareEntries(a, b))).toBe(1);
    expect(Math.sign(compareEntries(b, a))).toBe(-1);
  });

  it("finds the neighbours a new entry will be listed between", () => {
    const list = [{ day: 7, date: "2026-11-10" }, { day: 8, date: "2026-11-12" }, { day: 1, date: "2026-11-01" }];
    expect(neighbours(list, { day: 9, date: "2026-11-11" })).toEqual({ before: list[0], after: list[1] });
    expect(neighbours(list, { day: 9, date: "2026-11-10" })).toEqual({ before: list[0], after: list[1] });
    expect(neighbours(list, { day: 9, date: "2026-12-01" })).toEqual({ before: list[1], after: undefined });
    expect(neighbours(list, { day: 9, date: "2026-10-01" })).toEqual({ before: undefined, after: list[2] });
    expect(neighbours([], { day: 1, date: "2026-10-01" })).toEqual({ before: undefined, after: undefined });
  });

  it("is the order the validator hands to the search index and the build checks", () => {
    const enc = new TextEncoder();
    const entry = (day: number, date: string): SourceFile => ({
      path: `content/days/${day}.mdx`,
      relative: `${day}.mdx`,
      bytes: enc.encode(`---\ntitle: D${day}\nday: ${day}\ndate: ${date}\ntags: [t]\nsummary: S.\n---\n\nText.\n`),
    });
    const tag: SourceFile = { path: "content/tags/t.md", relative: "t.md", bytes: enc.encode("---\ntitle: T\n---\nT.\n") };
    const journal = validateJournal([entry(20, "2026-11-10"), entry(21, "2026-11-09"), entry(19, "2026-11-09")], [tag], { today: "2026-11-23", maxEntryBytes: 10_000 });
    expect(journal.problems).toEqual([]);
    expect(journal.entries.map((x) => x.data.day)).toEqual([19, 21, 20]);
  });
});
