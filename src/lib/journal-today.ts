/**
 * "Today" for the journal: the calendar date in the journal's own time zone (`timeZone` in
 * daybook.config.ts), never the machine's. `new`, the future-date rule, the streak, the
 * calendar and the feed all ask here, so an author in Tokyo and a CI runner in UTC agree.
 *
 * Two test-only variables set the clock: `DAYBOOK_TODAY=YYYY-MM-DD` pins the date outright;
 * `DAYBOOK_NOW=<ISO instant>` pins the moment, so a test can stand either side of midnight in
 * the journal's zone. Pure apart from reading the real clock when neither is set.
 */
import { isRealIsoDate } from "./dates.ts";
import { zonedIsoDate } from "./time-zone.ts";

/** Why the clock variables cannot be used; `fix` says what to set instead. */
export interface ClockProblem {
  message: string;
  fix: string;
}

/** An instant with its offset written out: `2026-11-22T23:00:00Z`, `2026-11-23T08:00+09:00`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function isClockProblem(value: unknown): value is ClockProblem {
  return typeof value === "object" && value !== null && "fix" in value && !(value instanceof Date);
}

/** The current instant: `DAYBOOK_NOW` when set, else `now`. */
export function journalNow(env: NodeJS.ProcessEnv, now: Date = new Date()): Date | ClockProblem {
  const pinned = env.DAYBOOK_NOW?.trim();
  if (!pinned) return now;
  // Without an offset, `Date.parse` reads the machine's zone: exactly what this module avoids.
  const instant = ISO_INSTANT.test(pinned) ? new Date(pinned) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || !isRealIsoDate(pinned.slice(0, 10))) {
    return {
      message: `DAYBOOK_NOW is "${pinned}", which is not an instant written like 2026-11-22T23:00:00Z`,
      fix: "write a date, a time and an offset (Z for UTC, or e.g. +09:00), or unset DAYBOOK_NOW to use the clock",
    };
  }
  return instant;
}

/** Today's date in `timeZone`, or `DAYBOOK_TODAY` when it is set. */
export function readJournalToday(env: NodeJS.ProcessEnv, timeZone: string, now: Date = new Date()): string | ClockProblem {
  const pinned = env.DAYBOOK_TODAY?.trim();
  if (pinned) {
    if (isRealIsoDate(pinned)) return pinned;
    return {
      message: `DAYBOOK_TODAY is "${pinned}", which is not a real calendar date written YYYY-MM-DD`,
      fix: "set it to a date such as 2026-11-19, or unset it to use today's date",
    };
  }
  const instant = journalNow(env, now);
  return isClockProblem(instant) ? instant : zonedIsoDate(instant, timeZone);
}

/** `readJournalToday` for build code, where a bad clock variable stops everything. */
export function journalToday(env: NodeJS.ProcessEnv, timeZone: string, now?: Date): string {
  const today = readJournalToday(env, timeZone, now);
  if (isClockProblem(today)) throw new Error(`${today.message}; ${today.fix}.`);
  return today;
}
