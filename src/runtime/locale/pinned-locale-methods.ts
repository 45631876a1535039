/**
 * The locale-sensitive methods outside Intl default to en-US (and dates to UTC):
 * `toLocaleString` of numbers, bigints, arrays and typed arrays, `toLocaleString`/
 * `toLocaleDateString`/`toLocaleTimeString` of dates, `localeCompare`, and
 * `toLocaleUpperCase`/`toLocaleLowerCase`. The common calls (no options, at most one locale
 * string) go through cached formatters (cached-formats.ts).
 */
import { compareFor, dateFormatFor, numberFormatFor, type DateLocaleMethod } from "./cached-formats.ts";
import { pinDefaultLocale, pinLocales, pinTimeZone } from "./pin-arguments.ts";
import { replaceMethod } from "./replace-method.ts";

const { apply, getPrototypeOf } = Reflect;
const { getTime } = Date.prototype;
const simple = (locales: unknown, options: unknown): locales is string | undefined => options === undefined && (locales === undefined || typeof locales === "string");

export function pinLocaleMethods(): void {
  replaceMethod(Number.prototype, "toLocaleString", (native) => ({
    toLocaleString(this: number, locales?: unknown, options?: unknown) {
      if (typeof this === "number" && simple(locales, options)) return numberFormatFor(locales)(this);
      return apply(native, this, [pinLocales(locales), options]) as string;
    },
  }).toLocaleString);
  replaceMethod(BigInt.prototype, "toLocaleString", (native) => ({
    toLocaleString(this: bigint, locales?: unknown, options?: unknown) {
      if (typeof this === "bigint" && simple(locales, options)) return numberFormatFor(locales)(this);
      return apply(native, this, [pinLocales(locales), options]) as string;
    },
  }).toLocaleString);
  for (const method of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"] as DateLocaleMethod[]) {
    replaceMethod(Date.prototype, method, (native) => ({
      method(this: Date, locales?: unknown, options?: unknown) {
        if (simple(locales, options)) {
          const time = apply(getTime, this, []) as number;
          return Number.isNaN(time) ? "Invalid Date" : dateFormatFor(method, locales)(time);
        }
        return apply(native, this, [pinLocales(locales), pinTimeZone(options)]) as string;
      },
    }).method);
  }
  // Arrays hand `locales` and `options` on to each element's own (pinned) toLocaleString.
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;
  for (const prototype of [Array.prototype, TypedArrayPrototype]) {
    replaceMethod(prototype, "toLocaleString", (native) => ({
      toLocaleString(this: unknown, locales?: unknown, options?: unknown) {
        return apply(native, this, [pinDefaultLocale(locales), options]) as string;
      },
    }).toLocaleString);
  }
  replaceMethod(String.prototype, "localeCompare", (native) => ({
    localeCompare(this: string, that: unknown, locales?: unknown, options?: unknown) {
      if (typeof this === "string" && simple(locales, options)) return compareFor(locales)(this, `${that as string}`);
      return apply(native, this, [that, pinLocales(locales), options]) as number;
    },
  }).localeCompare);
  for (const name of ["toLocaleUpperCase", "toLocaleLowerCase"]) {
    replaceMethod(String.prototype, name, (native) => ({
      method(this: string, locales?: unknown) {
        return apply(native, this, [pinDefaultLocale(locales)]) as string;
      },
    }).method);
  }
}
