/**
 * Temporal, where the engine has it: `Temporal.Now` reads the virtual clock in UTC (as `Date`
 * does), and `toLocaleString` defaults to en-US, formatting instants and plain dates and times
 * in UTC (a plain date-time formatted in a zone with daylight saving can shift by an hour).
 */
import { pinLocales, pinTimeZone, PINNED_TIME_ZONE } from "./pin-arguments.ts";
import { replaceMethod } from "./replace-method.ts";

type TemporalLike = Record<string, { prototype: object } | undefined> & {
  Now: Record<string, unknown>;
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(zone: unknown): ZonedLike } };
};
interface ZonedLike {
  toPlainDateTime(): unknown;
  toPlainDate(): unknown;
  toPlainTime(): unknown;
}

const { apply } = Reflect;
const IN_UTC = ["Instant", "PlainDateTime", "PlainDate", "PlainTime", "PlainYearMonth", "PlainMonthDay"];
const OWN_ZONE = ["ZonedDateTime", "Duration"];

export function pinTemporal(temporal: TemporalLike | undefined, now: () => number): void {
  if (!temporal?.Now || !temporal.Instant) return;
  const { Instant } = temporal;
  const zoned = (zone: unknown) => Instant.fromEpochMilliseconds(now()).toZonedDateTimeISO(zone === undefined ? PINNED_TIME_ZONE : zone);
  const methods = {
    instant: () => Instant.fromEpochMilliseconds(now()),
    timeZoneId: () => PINNED_TIME_ZONE,
    zonedDateTimeISO: (zone?: unknown) => zoned(zone),
    plainDateTimeISO: (zone?: unknown) => zoned(zone).toPlainDateTime(),
    plainDateISO: (zone?: unknown) => zoned(zone).toPlainDate(),
    plainTimeISO: (zone?: unknown) => zoned(zone).toPlainTime(),
  };
  for (const [name, method] of Object.entries(methods)) {
    replaceMethod(temporal.Now, name, () => ({ [name]: (...args: unknown[]) => apply(method, undefined, args) as unknown })[name]!);
  }
  for (const name of [...IN_UTC, ...OWN_ZONE]) {
    const prototype = temporal[name]?.prototype;
    if (!prototype) continue;
    const zone = IN_UTC.includes(name);
    replaceMethod(prototype, "toLocaleString", (native) => ({
      toLocaleString(this: object, locales?: unknown, options?: unknown) {
        return apply(native, this, [pinLocales(locales), zone ? pinTimeZone(options) : options]) as string;
      },
    }).toLocaleString);
  }
}
