import { isRealIsoDate } from "../../lib/dates.ts";
import { isClockProblem, readJournalToday } from "../../lib/journal-today.ts";
import { refuse, type Refusal } from "./new-entry-refusal.ts";

/**
 * "Today" for a new entry: the date in the journal's time zone (`timeZone` in daybook.config.ts),
 * never the machine's own zone, so `new` and the build's future-date rule agree wherever each
 * runs. `DAYBOOK_TODAY` (a date) or `DAYBOOK_NOW` (an instant) set the clock in tests.
 */
export function todayFor(env: NodeJS.ProcessEnv, timeZone: string, now: Date = new Date()): string | Refusal {
  const today = readJournalToday(env, timeZone, now);
  return isClockProblem(today) ? refuse(today.message, today.fix) : today;
}

/** Checks a date the author gave with `--date`: a real calendar day, written `YYYY-MM-DD`, not after today. */
export function checkEntryDate(date: string, today: string, timeZone = "UTC"): Refusal | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return refuse(`--date is "${date}", which is not written YYYY-MM-DD`, `write it like ${today}, with a four-digit year and two-digit month and day`);
  }
  if (!isRealIsoDate(date)) {
    return refuse(`--date ${date} is not a real calendar date`, "check the day of the month (February has 28 days, or 29 in a leap year; April, June, September and November have 30)");
  }
  if (date > today) {
    return refuse(
      `--date ${date} is in the future (today is ${today} in ${timeZone}, the journal's time zone), and the build rejects entries dated after the day it runs`,
      `use a date on or before ${today}, or run the command again on that day (if you write in another time zone, set timeZone in daybook.config.ts)`,
    );
  }
  return undefined;
}
