/**
 * Formatters for the common calls (`n.toLocaleString()`, `date.toLocaleDateString("de")`,
 * `a.localeCompare(b)`): passing an explicit locale and time zone takes V8 off its fast paths
 * (`date.toLocaleString("en-US", { timeZone: "UTC" })` costs ~150 µs a call), so the pinned
 * forms keep one Intl object per locale, giving exactly what the built-in would.
 */
import { pinLocales, PINNED_TIME_ZONE } from "./pin-arguments.ts";

const NativeCollator = Intl.Collator;
const NativeNumberFormat = Intl.NumberFormat;
const NativeDateTimeFormat = Intl.DateTimeFormat;
const { apply } = Reflect;
const compareGetter = Object.getOwnPropertyDescriptor(NativeCollator.prototype, "compare")!.get!;
const numberFormatGetter = Object.getOwnPropertyDescriptor(NativeNumberFormat.prototype, "format")!.get!;
const dateFormatGetter = Object.getOwnPropertyDescriptor(NativeDateTimeFormat.prototype, "format")!.get!;
const MAX_CACHED = 64;

type Format<T> = (value: T) => string;

/** A cache per kind, keyed by the locale string ("" for the default), bounded in case a snippet loops over locales. */
function cached<T>(make: (locales: unknown) => T): (locales: string | undefined) => T {
  const cache = new Map<string, T>();
  return (locales) => {
    const key = locales ?? "";
    let value = cache.get(key);
    if (value === undefined) {
      value = make(pinLocales(locales));
      if (cache.size < MAX_CACHED) cache.set(key, value);
    }
    return value;
  };
}

export const compareFor = cached((locales) => apply(compareGetter, new NativeCollator(locales as string), []) as (a: string, b: string) => number);
export const numberFormatFor = cached((locales) => apply(numberFormatGetter, new NativeNumberFormat(locales as string), []) as Format<number | bigint>);

const numeric = "numeric";
const DATE_DEFAULTS = {
  toLocaleString: { year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric },
  toLocaleDateString: { year: numeric, month: numeric, day: numeric },
  toLocaleTimeString: { hour: numeric, minute: numeric, second: numeric },
} as const;
export type DateLocaleMethod = keyof typeof DATE_DEFAULTS;

const dateFormats = Object.fromEntries(
  Object.entries(DATE_DEFAULTS).map(([method, defaults]) => [
    method,
    cached((locales) => apply(dateFormatGetter, new NativeDateTimeFormat(locales as string, { ...defaults, timeZone: PINNED_TIME_ZONE }), []) as Format<number>),
  ]),
) as Record<DateLocaleMethod, (locales: string | undefined) => Format<number>>;

export function dateFormatFor(method: DateLocaleMethod, locales: string | undefined): Format<number> {
  return dateFormats[method](locales);
}
