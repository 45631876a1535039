/**
 * The streak calendar: about a year of days laid out as week columns, for a heatmap drawn
 * at build time (src/components/StreakCalendar.astro). Pure: no I/O, no clock. `today` is
 * given: the build date in the journal's time zone (src/lib/journal-today.ts), so "today" and
 * the current week never depend on the machine that builds the site.
 *
 * Layout. Weeks start on Monday (ISO 8601): each column runs Monday (row 0) to Sunday
 * (row 6). The window spans the journal's own history: from the week of its first entry
 * (at least `MIN_CALENDAR_WEEKS` back) to the current week, and at most the 52 full weeks
 * before the current week plus the current week, so a month-old journal shows its five or
 * six weeks and a three-year one its latest year (`earlierYears` names the years before,
 * which pages link to). Columns always start on a Monday and end on the Sunday of `today`'s
 * week; the days of that last week after `today` are flagged `future`. A calendar of one
 * past year (`{ year }`) runs from the week of its 1 January to the week of its 31 December.
 *
 * Missing days. A day is missing when it has no entry, is not after `today`, and is on or
 * after the first entry inside the window (`trackedFrom`). Today counts: a build made
 * before today's entry is written shows today as missing. Days before the first entry in
 * the window are never missing, so a journal started last month does not report a year
 * of gaps. An empty window has no missing days.
 *
 * Streaks. `current`, `longest` and `total` come from `computeStreaks` over every date
 * given, not only the window, so they match the journal's other statistics.
 */
import { countOf } from "./plural.ts";
import { addDays, daysBetween, formatDate, formatMonth, isRealIsoDate, utcDateFormat } from "./dates.ts";
import { computeStreaks, type StreakSummary } from "./streak.ts";

/** The most columns in the calendar: 52 full weeks and the current one. */
export const CALENDAR_WEEKS = 53;
/** The fewest columns, so a journal a few days old still reads as a calendar. */
export const MIN_CALENDAR_WEEKS = 4;

/** Intensity of a day: 0 no entry, 1 one entry, 2 two entries, 3 three or more. */
export type CalendarLevel = 0 | 1 | 2 | 3;

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Entries dated this day (several entries on one day all count). */
  count: number;
  /** After `today`: only the last column has such days. */
  future: boolean;
  /** True for `today` itself. */
  today: boolean;
  level: CalendarLevel;
}

export interface CalendarWeek {
  /** The Monday that starts the column. */
  monday: string;
  /** Exactly seven days, Monday first. */
  days: CalendarDay[];
}

export interface MonthLabel {
  /** `YYYY-MM`. */
  month: string;
  /** Index of the week column the label sits above. */
  column: number;
}

/** One month of the text equivalent: "November 2026: 20 of 23 days written; missing 5, 13, 14". */
export interface MonthSummary {
  /** `YYYY-MM`. */
  month: string;
  /** Days of this month that are tracked: on or after `trackedFrom` and not after `today`. */
  tracked: number;
  /** Tracked days with at least one entry. */
  written: number;
  /** Days of the month (1–31) that are tracked and have no entry, ascending. */
  missing: number[];
}

export interface CalendarSummary extends StreakSummary {
  /** Missing days in the window (see the module comment for the definition). */
  missing: number;
  /** First entry inside the window, not after `today`; undefined when there is none. */
  trackedFrom: string | undefined;
}

export interface StreakCalendarData {
  /** First day of the window (a Monday). */
  start: string;
  /** Last day of the window (the Sunday of `today`'s week). */
  end: string;
  today: string;
  /** `CALENDAR_WEEKS` columns, oldest first. */
  weeks: CalendarWeek[];
  /** Where month names go above the columns, left to right, never closer than 3 columns. */
  monthLabels: MonthLabel[];
  /** Tracked months, oldest first; empty when the window has no entry. */
  months: MonthSummary[];
  summary: CalendarSummary;
  /** Years before the window that have entries, newest first: where "earlier years" links go. */
  earlierYears: number[];
}

export interface CalendarOptions {
  /** Draw this calendar year instead of the journal's recent history. */
  year?: number | undefined;
}

/** Columns a month label may need; the first column's label is dropped if the next one is closer. */
const LABEL_COLUMNS = 3;

/** 0 for Monday … 6 for Sunday. */
export function isoWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -isoWeekday(date));
}

export function calendarLevel(count: number): CalendarLevel {
  if (count <= 0) return 0;
  return count >= 3 ? 3 : (count as 1 | 2);
}

/** The weeks to draw: the journal's own span up to today's week, between the least and the most columns. */
export function calendarWindow(dates: readonly string[], today: string, { year }: CalendarOptions = {}): { start: string; weeks: number } {
  if (year !== undefined) {
    const start = mondayOf(`${year}-01-01`);
    return { start, weeks: daysBetween(start, mondayOf(`${year}-12-31`)) / 7 + 1 };
  }
  const first = dates.filter((d) => d <= today).sort()[0] ?? today;
  const span = daysBetween(mondayOf(first), mondayOf(today)) / 7 + 1;
  const weeks = Math.min(CALENDAR_WEEKS, Math.max(MIN_CALENDAR_WEEKS, span));
  return { start: addDays(mondayOf(today), -7 * (weeks - 1)), weeks };
}

/**
 * The calendar of the journal's recent history ending with `today`'s week (or of one year, see
 * `CalendarOptions`). `dates` are entry dates, repeats allowed.
 */
export function buildCalendar(dates: readonly string[], today: string, options: CalendarOptions = {}): StreakCalendarData {
  if (!isRealIsoDate(today)) throw new Error(`buildCalendar: today must be YYYY-MM-DD, got "${today}"`);
  const { start, weeks: columns } = calendarWindow(dates, today, options);
  const end = addDays(start, 7 * columns - 1);

  const counts = new Map<string, number>();
  for (const date of dates) {
    if (date >= start && date <= end) counts.set(date, (counts.get(date) ?? 0) + 1);
  }

  const trackedFrom = [...counts.keys()].filter((d) => d <= today).sort()[0];
  const isTracked = (date: string) => trackedFrom !== undefined && date >= trackedFrom && date <= today;

  const weeks: CalendarWeek[] = [];
  const monthLabels: MonthLabel[] = [];
  const months = new Map<string, MonthSummary>();
  let missingTotal = 0;

  for (let column = 0; column < columns; column++) {
    const monday = addDays(start, 7 * column);
    const days: CalendarDay[] = [];
    for (let row = 0; row < 7; row++) {
      const date = addDays(monday, row);
      const count = counts.get(date) ?? 0;
      days.push({ date, count, future: date > today, today: date === today, level: calendarLevel(count) });

      if (date.endsWith("-01") && date <= today) monthLabels.push({ month: date.slice(0, 7), column });
      if (isTracked(date)) {
        const month = date.slice(0, 7);
        const summary = months.get(month) ?? { month, tracked: 0, written: 0, missing: [] };
        months.set(month, summary);
        summary.tracked++;
        if (count > 0) summary.written++;
        else {
          summary.missing.push(Number(date.slice(8)));
          missingTotal++;
        }
      }
    }
    weeks.push({ monday, days });
  }

  // The first column usually starts mid-month: name that month too when there is room.
  if (monthLabels[0]?.column !== 0 && (monthLabels[0]?.column ?? columns) >= LABEL_COLUMNS) {
    monthLabels.unshift({ month: start.slice(0, 7), column: 0 });
  }

  return {
    start,
    end,
    today,
    weeks,
    monthLabels,
    months: [...months.values()],
    summary: { ...computeStreaks(dates, today), missing: missingTotal, trackedFrom },
    earlierYears: [...new Set(dates.filter((d) => d < start).map((d) => Number(d.slice(0, 4))))].sort((a, b) => b - a),
  };
}

/** "5, 13, 14" or, for runs of three or more, "1–12, 20". */
export function formatDayList(days: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${days[i]}–${days[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(days[k]));
    i = j + 1;
  }
  return parts.join(", ");
}


/** "November 2026: 20 of 23 days written; missing 5, 13, 14" (no "missing" part when none is). */
export function describeMonth(month: MonthSummary, locale = "en"): string {
  const head = `${formatMonth(month.month, locale)}: ${month.written} of ${countOf(month.tracked, "day")} written`;
  return month.missing.length === 0 ? head : `${head}; missing ${formatDayList(month.missing)}`;
}

/** The tooltip and accessible name of one square: "18 November 2026: 1 entry". */
export function describeDay(day: CalendarDay, locale = "en"): string {
  const when = `${formatDate(day.date, locale)}${day.today ? " (today)" : ""}`;
  if (day.count > 0) return `${when}: ${countOf(day.count, "entry", "entries")}`;
  return `${when}: ${day.future ? "still to come" : "no entry"}`;
}

/** "Nov": the short month name shown above the columns. */
export function monthShortName(month: string, locale = "en"): string {
  return utcDateFormat(locale, { month: "short" }).format(new Date(`${month}-01T00:00:00Z`));
}

/** "Mon", "Wed", "Fri" (or the locale's names) for rows 0, 2 and 4. */
export function weekdayShortName(row: number, locale = "en"): string {
  // 2024-01-01 was a Monday.
  return utcDateFormat(locale, { weekday: "short" }).format(new Date(Date.parse("2024-01-01T00:00:00Z") + row * 86_400_000));
}

/** Days from `trackedFrom` to `today`, inclusive: the span the missing-day count covers. */
export function trackedSpan(data: StreakCalendarData): number {
  return data.summary.trackedFrom === undefined ? 0 : daysBetween(data.summary.trackedFrom, data.today) + 1;
}

