/**
 * `Date.prototype.toString`, `toDateString` and `toTimeString` as V8 prints them when the time
 * zone is UTC and the locale en-US: `Thu Jan 01 2026 09:00:00 GMT+0000 (Coordinated Universal Time)`.
 */
const DateProto = Date.prototype;
const { apply } = Reflect;
const { abs } = Math;
const get = (method: () => number, date: Date) => apply(method, date, []) as number;
const { getTime, getUTCFullYear, getUTCMonth, getUTCDate, getUTCDay, getUTCHours, getUTCMinutes, getUTCSeconds } = DateProto;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ZONE = "GMT+0000 (Coordinated Universal Time)";
const two = (n: number) => `${n}`.padStart(2, "0");

/** The date's time value; throws V8's TypeError when `date` is not a Date. */
const timeOf = (date: Date) => get(getTime, date);

function datePart(date: Date): string {
  const year = get(getUTCFullYear, date);
  const paddedYear = `${year < 0 ? "-" : ""}${`${abs(year)}`.padStart(4, "0")}`;
  return `${DAYS[get(getUTCDay, date)]} ${MONTHS[get(getUTCMonth, date)]} ${two(get(getUTCDate, date))} ${paddedYear}`;
}

function timePart(date: Date): string {
  return `${two(get(getUTCHours, date))}:${two(get(getUTCMinutes, date))}:${two(get(getUTCSeconds, date))} ${ZONE}`;
}

export function dateToString(date: Date): string {
  return Number.isNaN(timeOf(date)) ? "Invalid Date" : `${datePart(date)} ${timePart(date)}`;
}

export function dateToDateString(date: Date): string {
  return Number.isNaN(timeOf(date)) ? "Invalid Date" : datePart(date);
}

export function dateToTimeString(date: Date): string {
  return Number.isNaN(timeOf(date)) ? "Invalid Date" : timePart(date);
}
