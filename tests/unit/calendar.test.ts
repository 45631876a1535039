import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildCalendar,
  CALENDAR_WEEKS,
  calendarLevel,
  MIN_CALENDAR_WEEKS,
  describeDay,
  describeMonth,
  formatDayList,
  isoWeekday,
  monthShortName,
  trackedSpan,
  weekdayShortName,
  type StreakCalendarData,
} from "../../src/lib/calendar.ts";
import { addDays, daysBetween } from "../../src/lib/dates.ts";
import { contrastRatio } from "../../src/lib/graph/graph-palette.ts";

const day = (cal: StreakCalendarData, date: string) => cal.weeks.flatMap((w) => w.days).find((d) => d.date === date);
const range = (from: string, to: string) =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
/** A journal begun long ago: its calendar shows the full 53 weeks. */
const LONG_AGO = ["2000-01-03"];

describe("buildCalendar: week alignment (weeks start on Monday)", () => {
  it.each([
    // today, weekday, first Monday of the window, last day of the window, future days in the last column
    ["2026-11-16", "Monday", "2025-11-17", "2026-11-22", 6],
    ["2026-11-17", "Tuesday", "2025-11-17", "2026-11-22", 5],
    ["2026-11-18", "Wednesday", "2025-11-17", "2026-11-22", 4],
    ["2026-11-19", "Thursday", "2025-11-17", "2026-11-22", 3],
    ["2026-11-20", "Friday", "2025-11-17", "2026-11-22", 2],
    ["2026-11-21", "Saturday", "2025-11-17", "2026-11-22", 1],
    ["2026-11-22", "Sunday", "2025-11-17", "2026-11-22", 0],
    ["2026-11-23", "Monday", "2025-11-24", "2026-11-29", 6],
  ])("today %s (%s)", (today, _weekday, start, end, future) => {
    const cal = buildCalendar(LONG_AGO, today);
    expect(cal.start).toBe(start);
    expect(cal.end).toBe(end);
    expect(cal.weeks).toHaveLength(CALENDAR_WEEKS);
    for (const [i, week] of cal.weeks.entries()) {
      expect(week.days).toHaveLength(7);
      expect(isoWeekday(week.monday)).toBe(0);
      expect(week.monday).toBe(addDays(start, 7 * i));
      expect(week.days.map((d) => d.date)).toEqual(range(week.monday, addDays(week.monday, 6)));
    }
    const last = cal.weeks.at(-1)!;
    expect(last.days.filter((d) => d.future)).toHaveLength(future);
    expect(last.days[isoWeekday(today)]).toMatchObject({ date: today, today: true, future: false });
    // Only the last column can hold future days; 52 full weeks come before it.
    expect(cal.weeks.slice(0, -1).flatMap((w) => w.days).some((d) => d.future || d.today)).toBe(false);
  });

  it("numbers weekdays from Monday", () => {
    expect(["2026-11-16", "2026-11-18", "2026-11-22", "2028-02-29", "2027-01-01"].map(isoWeekday)).toEqual([0, 2, 6, 1, 4]);
  });
});

describe("buildCalendar: dates", () => {
  it("places a leap day (2028-02-29, a Tuesday)", () => {
    const cal = buildCalendar(["2028-02-28", "2028-02-29"], "2028-02-29");
    const last = cal.weeks.at(-1)!;
    expect(last.monday).toBe("2028-02-28");
    expect(last.days.map((d) => d.date)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01", "2028-03-02", "2028-03-03", "2028-03-04", "2028-03-05"]);
    expect(last.days[1]).toMatchObject({ date: "2028-02-29", count: 1, today: true, future: false, level: 1 });
    expect(last.days[2]).toMatchObject({ date: "2028-03-01", future: true });
    expect(cal.months).toEqual([{ month: "2028-02", tracked: 2, written: 2, missing: [] }]);
    expect(cal.summary).toEqual({ current: 2, longest: 2, total: 2, missing: 0, trackedFrom: "2028-02-28" });
    // A journal two days old: the fewest weeks. March has not begun, so it gets no label yet.
    expect(cal.weeks).toHaveLength(MIN_CALENDAR_WEEKS);
    expect(cal.monthLabels).toEqual([{ month: "2028-02", column: 0 }]);
  });

  it("crosses a year boundary", () => {
    const cal = buildCalendar(["2026-12-30", "2026-12-31", "2027-01-01"], "2027-01-02");
    expect(cal.weeks.at(-1)!.monday).toBe("2026-12-28");
    expect(cal.end).toBe("2027-01-03");
    expect(cal.monthLabels.at(-1)).toEqual({ month: "2027-01", column: 3 });
    expect(cal.months).toEqual([
      { month: "2026-12", tracked: 2, written: 2, missing: [] },
      { month: "2027-01", tracked: 2, written: 1, missing: [2] },
    ]);
    expect(cal.summary).toMatchObject({ current: 3, longest: 3, total: 3, missing: 1 });
    expect(describeMonth(cal.months[1]!, "en-GB")).toBe("January 2027: 1 of 2 days written; missing 2");
  });

  it("counts several entries on one day and grades them", () => {
    const cal = buildCalendar(["2026-11-20", "2026-11-20", "2026-11-21", "2026-11-21", "2026-11-21", "2026-11-22"], "2026-11-22");
    expect([day(cal, "2026-11-20"), day(cal, "2026-11-21"), day(cal, "2026-11-22"), day(cal, "2026-11-19")].map((d) => [d?.count, d?.level])).toEqual([
      [2, 2],
      [3, 3],
      [1, 1],
      [0, 0],
    ]);
    expect(cal.summary).toMatchObject({ current: 3, longest: 3, total: 3, missing: 0 });
    expect(cal.months).toEqual([{ month: "2026-11", tracked: 3, written: 3, missing: [] }]);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [9, 3],
  ])("level of %i entries is %i", (count, level) => expect(calendarLevel(count)).toBe(level));

  it("flags future days, and keeps a future-dated entry's count without counting it as written", () => {
    const cal = buildCalendar(["2026-11-18", "2026-11-20"], "2026-11-18");
    expect(cal.weeks.at(-1)!.days.map((d) => d.future)).toEqual([false, false, false, true, true, true, true]);
    expect(day(cal, "2026-11-20")).toMatchObject({ count: 1, future: true });
    expect(cal.summary).toMatchObject({ total: 1, missing: 0, trackedFrom: "2026-11-18" });
  });

  it("counts missing days from the first entry in the window to today, today included", () => {
    const written = range("2026-11-01", "2026-11-23").filter((d) => !["2026-11-05", "2026-11-13", "2026-11-14"].includes(d));
    const cal = buildCalendar(written, "2026-11-23");
    expect(cal.summary).toEqual({ current: 9, longest: 9, total: 20, missing: 3, trackedFrom: "2026-11-01" });
    expect(trackedSpan(cal)).toBe(23);
    expect(cal.months.map((m) => describeMonth(m, "en-GB"))).toEqual(["November 2026: 20 of 23 days written; missing 5, 13, 14"]);

    // Today not written yet: today is missing, the streak still runs to yesterday.
    const morning = buildCalendar(written, "2026-11-24");
    expect(morning.summary).toMatchObject({ current: 9, missing: 4 });
    expect(morning.months[0]!.missing).toEqual([5, 13, 14, 24]);
  });

  it("ignores entries before the window for the grid but not for the streak figures", () => {
    const old = range("2024-01-01", "2024-01-10");
    const cal = buildCalendar([...old, "2026-10-30", "2026-11-02"], "2026-11-03");
    expect(cal.weeks.flatMap((w) => w.days).reduce((n, d) => n + d.count, 0)).toBe(2);
    expect(cal.summary).toEqual({ current: 1, longest: 10, total: 12, missing: 3, trackedFrom: "2026-10-30" });
    expect(cal.earlierYears).toEqual([2024]);
    expect(cal.months.map((m) => describeMonth(m, "en-GB"))).toEqual([
      "October 2026: 1 of 2 days written; missing 31",
      "November 2026: 1 of 3 days written; missing 1, 3",
    ]);
  });

  it("handles an empty journal", () => {
    const cal = buildCalendar([], "2026-11-18");
    expect(cal.weeks).toHaveLength(MIN_CALENDAR_WEEKS);
    expect(cal.earlierYears).toEqual([]);
    expect(cal.weeks.flatMap((w) => w.days).every((d) => d.count === 0 && d.level === 0)).toBe(true);
    expect(cal.months).toEqual([]);
    expect(cal.summary).toEqual({ current: 0, longest: 0, total: 0, missing: 0, trackedFrom: undefined });
    expect(trackedSpan(cal)).toBe(0);
  });

  it("rejects a today that is not YYYY-MM-DD", () => {
    expect(() => buildCalendar([], "2026-02-30")).toThrow(/YYYY-MM-DD/);
  });
});

describe("buildCalendar: the window spans the journal's own history", () => {
  it("shows a month-old journal's weeks, from the week of its first entry", () => {
    const written = range("2026-10-31", "2026-11-22");
    const cal = buildCalendar(written, "2026-12-02");
    expect(cal.start).toBe("2026-10-26");
    expect(cal.end).toBe("2026-12-06");
    expect(cal.weeks).toHaveLength(6);
    expect(cal.summary.trackedFrom).toBe("2026-10-31");
    expect(cal.earlierYears).toEqual([]);
  });

  it("keeps the fewest weeks for a journal begun this week", () => {
    const cal = buildCalendar(["2026-11-18"], "2026-11-18");
    expect(cal.weeks).toHaveLength(MIN_CALENDAR_WEEKS);
    expect(cal.end).toBe("2026-11-22");
  });

  it("shows a three-year journal's latest year and names the years before it", () => {
    const cal = buildCalendar(["2024-01-01", "2024-06-01", "2025-03-02", "2025-12-01", "2026-11-18"], "2026-11-18");
    expect(cal.weeks).toHaveLength(CALENDAR_WEEKS);
    expect(cal.start).toBe("2025-11-17");
    expect(cal.earlierYears).toEqual([2025, 2024]);
  });

  it("draws one past year from the week of 1 January to the week of 31 December", () => {
    const cal = buildCalendar(["2024-01-01", "2024-06-01", "2026-11-18"], "2026-11-18", { year: 2024 });
    expect(cal.start).toBe("2024-01-01");
    expect(cal.end).toBe("2025-01-05");
    expect(cal.weeks).toHaveLength(53);
    expect(cal.weeks.flatMap((w) => w.days).filter((d) => d.count > 0).map((d) => d.date)).toEqual(["2024-01-01", "2024-06-01"]);
    expect(cal.weeks.flatMap((w) => w.days).some((d) => d.future)).toBe(false);
    expect(cal.monthLabels[0]).toEqual({ month: "2024-01", column: 0 });
    expect(cal.earlierYears).toEqual([]);
  });
});

describe("buildCalendar: month labels", () => {
  it.each(["2026-11-18", "2027-01-02", "2028-02-29", "2026-03-01", "2026-12-31", "2027-01-04"])(
    "today %s: one label per month begun, above the column holding its 1st, 3+ columns apart",
    (today) => {
      const cal = buildCalendar(LONG_AGO, today);
      const labels = cal.monthLabels;
      for (const [i, label] of labels.entries()) {
        if (i > 0) expect(label.column - labels[i - 1]!.column).toBeGreaterThanOrEqual(3);
        const first = `${label.month}-01`;
        if (first >= cal.start) expect(cal.weeks[label.column]!.days.some((d) => d.date === first)).toBe(true);
        else expect(label).toEqual({ month: cal.start.slice(0, 7), column: 0 });
      }
      expect(new Set(labels.map((l) => l.month)).size).toBe(labels.length);
      expect(labels.at(-1)!.month).toBe(today.slice(0, 7));
    },
  );

  it("names the first column's month only when the next label leaves room", () => {
    // Window starts Monday 2025-11-17: November 2025 gets column 0, December is at column 2: too close.
    expect(buildCalendar(LONG_AGO, "2026-11-18").monthLabels.slice(0, 2)).toEqual([
      { month: "2025-12", column: 2 },
      { month: "2026-01", column: 6 },
    ]);
    // Window starts Monday 2025-11-03: December 1 is in column 4, so November gets column 0.
    expect(buildCalendar(LONG_AGO, "2026-11-04").monthLabels.slice(0, 2)).toEqual([
      { month: "2025-11", column: 0 },
      { month: "2025-12", column: 4 },
    ]);
  });
});

describe("calendar text", () => {
  it.each([
    [{ date: "2026-11-18", count: 1, future: false, today: false, level: 1 as const }, "18 November 2026: 1 entry"],
    [{ date: "2026-11-19", count: 0, future: false, today: false, level: 0 as const }, "19 November 2026: no entry"],
    [{ date: "2026-11-20", count: 2, future: false, today: true, level: 2 as const }, "20 November 2026 (today): 2 entries"],
    [{ date: "2026-11-21", count: 0, future: true, today: false, level: 0 as const }, "21 November 2026: still to come"],
  ])("describeDay %j", (d, text) => expect(describeDay(d, "en-GB")).toBe(text));

  it.each([
    [[], ""],
    [[5], "5"],
    [[5, 13, 14], "5, 13, 14"],
    [[1, 2, 3, 4, 9, 20, 21, 22], "1–4, 9, 20–22"],
    [[30, 31], "30, 31"],
  ])("formatDayList %j → %s", (days, text) => expect(formatDayList(days)).toBe(text));

  it("describes full, partial and single-day months", () => {
    expect(describeMonth({ month: "2026-09", tracked: 30, written: 30, missing: [] }, "en-GB")).toBe("September 2026: 30 of 30 days written");
    expect(describeMonth({ month: "2026-10", tracked: 1, written: 0, missing: [31] }, "en-GB")).toBe("October 2026: 0 of 1 day written; missing 31");
    expect(describeMonth({ month: "2026-08", tracked: 31, written: 1, missing: range("2026-08-02", "2026-08-31").map((d) => Number(d.slice(8))) }, "en-GB")).toBe(
      "August 2026: 1 of 31 days written; missing 2–31",
    );
  });

  it("names months and weekdays in the locale", () => {
    expect(monthShortName("2026-11", "en")).toBe("Nov");
    expect([0, 2, 4].map((row) => weekdayShortName(row, "en"))).toEqual(["Mon", "Wed", "Fri"]);
    expect(weekdayShortName(0, "de")).toBe("Mo");
  });
});

describe("StreakCalendar colours", () => {
  const css = readFileSync(new URL("../../src/components/StreakCalendar.astro", import.meta.url), "utf8");
  const global = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
  const blocks = (text: string, property: string) => [...text.matchAll(new RegExp(`${property}:\\s*(#[0-9a-f]{6})`, "gi"))].map((m) => m[1]!);
  // global.css declares --bg once, as light-dark(<light>, <dark>).
  const [, lightBg, darkBg] = /--bg:\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/i.exec(global) ?? [];

  it("defines its colours for light, dark and the system's dark theme", () => {
    expect(lightBg).toBeDefined();
    expect(darkBg).toBeDefined();
    for (const property of ["--cal-level-1", "--cal-level-2", "--cal-level-3", "--cal-empty", "--cal-empty-edge", "--cal-future-edge"]) {
      const [light, dark, systemDark] = blocks(css, property);
      expect(light, property).toBeDefined();
      expect(dark, property).toBe(systemDark);
    }
  });

  it.each(["--cal-level-1", "--cal-level-2", "--cal-level-3", "--cal-empty-edge"])("%s reaches 3:1 against --bg in both themes", (property) => {
    const [light, dark] = blocks(css, property);
    expect(contrastRatio(light!, lightBg!)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(dark!, darkBg!)).toBeGreaterThanOrEqual(3);
  });
});
