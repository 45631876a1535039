/**
 * The journal's time zone: which calendar day an instant falls on there, and when a day starts
 * there. Everything goes through `Intl` with an explicit zone, so the machine's own `TZ` (a CI
 * runner in UTC, an author's laptop in Tokyo) never changes a result. Pure.
 */
import { nearest } from "./nearest.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone: building one costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US with the Gregorian calendar and Latin digits whatever the machine's locale.
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const canonical = new Map<string, string | undefined>();

/**
 * The zone's canonical name ("asia/tokyo" → "Asia/Tokyo"), or undefined when `Intl` does not
 * know it. Remembered per name: pages read the settings as they render, and building a formatter
 * to ask was 0.3 s of a 1,000-entry build.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  if (!canonical.has(trimmed)) {
    try {
      canonical.set(trimmed, new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone);
    } catch {
      canonical.set(trimmed, undefined);
    }
  }
  return canonical.get(trimmed);
}

/** Up to three known zone names close to `name`, for "did you mean". */
export function suggestTimeZones(name: string): string[] {
  const known = [...Intl.supportedValuesOf("timeZone"), "UTC"];
  const lower = name.trim().toLowerCase();
  const byLower = new Map(known.map((z) => [z.toLowerCase(), z]));
  // Authors often type only the city ("Tokyo", "new york"): match it against the last segment.
  const city = known.filter((z) => z.toLowerCase().split("/").pop() === lower.replace(/ /g, "_"));
  if (city.length) return city.slice(0, 3);
  return nearest(lower, byLower.keys(), 3).map((z) => byLower.get(z)!);
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function zonedIsoDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

const HOUR = 3_600_000;

/**
 * The first instant of `date` in `timeZone`. Usually local midnight; where a zone skips midnight
 * (a daylight-saving change at 00:00, as in Chile), the moment the day actually begins. Found by
 * bisection between 15 hours before and 13 hours after UTC midnight, which bracket every offset
 * in use (UTC−12 to UTC+14).
 */
export function startOfDay(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new Error(`startOfDay: "${date}" is not YYYY-MM-DD`);
  let before = utcMidnight - 15 * HOUR; // still the day before, in every zone
  let after = utcMidnight + 13 * HOUR; // already `date` or later, in every zone
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (zonedIsoDate(new Date(middle), timeZone) < date) before = middle;
    else after = middle;
  }
  return new Date(after);
}
