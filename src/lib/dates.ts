/**
 * Dates in Daybook are calendar days (`YYYY-MM-DD`) with no time zone attached. Which day is
 * "today" depends on the journal's time zone: see journal-today.ts (never the machine's zone).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no Feb 30, no month 13). */
export function isRealIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` shifted by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and style, made once: making an Intl.DateTimeFormat costs far more
 * than formatting with it, and a long journal's build formats dates hundreds of thousands of
 * times (every entry in every list, every day of the calendar). Always in UTC, because the
 * dates are calendar days written as midnight UTC.
 */
export function utcDateFormat(locale: string, options: Omit<Intl.DateTimeFormatOptions, "timeZone">): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })));
  return formatter;
}

/** "18 November 2026" (or the locale's equivalent), never shifted by the reader's time zone. */
export function formatDate(date: string, locale = "en"): string {
  return utcDateFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

/** "November 2026", for grouping the archive. */
export function formatMonth(month: string, locale = "en"): string {
  return utcDateFormat(locale, { month: "long", year: "numeric" }).format(new Date(`${month}-01T00:00:00Z`));
}
