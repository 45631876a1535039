/**
 * `Date.parse` (and `new Date(string)`) reading local-time strings as UTC. V8 reads a date-time
 * without an offset (`2026-01-01T10:00`, `Jan 1 2026 10:00`, `2026/01/02`) in the local time
 * zone; a date-only ISO string, or any string naming a zone or an offset, is absolute already.
 * ISO strings get a `Z`; other formats are parsed by V8 with ` UTC` appended (its legacy parser
 * takes the last zone it reads), after checking, as V8's parser does, that they name no zone.
 */
const NativeDate = Date;
const nativeParse = Date.parse;
const { apply } = Reflect;
const { getFullYear, getMonth, getDate, getHours, getMinutes, getSeconds, getMilliseconds, setUTCFullYear, setUTCHours } = Date.prototype;

const ISO_LOCAL_DATE_TIME = /^(?:[+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;
const ISO_DATE_ONLY = /^(?:[+-]\d{6}|\d{4})(?:-\d\d(?:-\d\d)?)?$/;
/** The zone names V8's legacy date parser knows (it matches words of at most three letters). */
const ZONE_WORDS = new Set(["z", "ut", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"]);

function namesZone(text: string): boolean {
  const bare = text.replace(/\([^)]*\)/g, " ");
  for (const word of bare.match(/[a-z]+/gi) ?? []) {
    if (ZONE_WORDS.has(word.toLowerCase())) return true;
  }
  // A signed number after a time of day is an offset: `10:00 +0200`.
  return /\d:\d\d[^+-]*[+-]\d/.test(bare);
}

export function parseAsUtc(text: string): number {
  if (ISO_LOCAL_DATE_TIME.test(text)) {
    const time = nativeParse(`${text}Z`);
    if (!Number.isNaN(time)) return time;
  }
  const time = nativeParse(text);
  if (Number.isNaN(time) || ISO_DATE_ONLY.test(text) || namesZone(text)) return time;
  const asUtc = nativeParse(`${text} UTC`);
  if (!Number.isNaN(asUtc)) return asUtc;
  // Read back the local wall-clock time V8 parsed, and take it as UTC.
  const local = new NativeDate(time);
  const part = (method: () => number) => apply(method, local, []) as number;
  const utc = new NativeDate(0);
  apply(setUTCFullYear, utc, [part(getFullYear), part(getMonth), part(getDate)]);
  return apply(setUTCHours, utc, [part(getHours), part(getMinutes), part(getSeconds), part(getMilliseconds)]) as number;
}
