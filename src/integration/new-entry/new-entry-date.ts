import { isRealIsoDate, localIsoDate } from "../../lib/dates.ts";
import { refuse, type Refusal } from "./new-entry-refusal.ts";

/**
 * "Today" for a new entry: the author's local calendar date at `now` (never the UTC date, which
 * is already tomorrow or still yesterday near midnight), or `DAYBOOK_TODAY` when it is set.
 */
export function todayFor(env: NodeJS.ProcessEnv, now: Date = new Date()): string | Refusal {
  const pinned = env.DAYBOOK_TODAY?.trim();
  if (!pinned) return localIsoDate(now);
  if (!isRealIsoDate(pinned)) {
    return refuse(`DAYBOOK_TODAY is "${pinned}", which is not a real calendar date written YYYY-MM-DD`, "set it to a date such as 2026-11-19, or unset it to use today's date");
  }
  return pinned;
}

/** Checks a date the author gave with `--date`: a real calendar day, written `YYYY-MM-DD`, not after today. */
export function checkEntryDate(date: string, today: string): Refusal | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return refuse(`--date is "${date}", which is not written YYYY-MM-DD`, `write it like ${today}, with a four-digit year and two-digit month and day`);
  }
  if (!isRealIsoDate(date)) {
    return refuse(`--date ${date} is not a real calendar date`, "check the day of the month (February has 28 days, or 29 in a leap year; April, June, September and November have 30)");
  }
  if (date > today) {
    return refuse(`--date ${date} is in the future (today is ${today}), and the build rejects entries dated after the day it runs`, `use a date on or before ${today}, or run the command again on that day`);
  }
  return undefined;
}
