/**
 * The locale-sensitive methods outside Intl default to en-US (and dates to UTC):
 * `toLocaleString` of numbers, bigints, arrays and typed arrays, `toLocaleString`/
 * `toLocaleDateString`/`toLocaleTimeString` of dates, `localeCompare`, and
 * `toLocaleUpperCase`/`toLocaleLowerCase`. The common calls (no options, at most one locale
 * string) go through cached formatters (cached-formats.ts).
 */
import { compareFor, dateFormatFor, numberFormatFor, type DateLocaleMethod } from "./cached-formats.ts";
import { pinDefaultLocale, pinLocales, pinTimeZone } from "./pin-arguments.ts";
import { isDate } from "./pinned-date.ts";
import { replaceMethod } from "./replace-method.ts";

// Taken now: by the time the pinning is installed, the global `Date` is the virtual clock's.
const DatePrototype = Date.prototype;
const { getTime } = DatePrototype;
const TypedArrayPrototype = Reflect.getPrototypeOf(Uint8Array.prototype) as object;
const { apply } = Reflect;
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
    replaceMethod(DatePrototype, method, (native) => ({
      method(this: Date, locales?: unknown, options?: unknown) {
        if (isDate(this) && simple(locales, options)) {
          const time = apply(getTime, this, []) as number;
          return Number.isNaN(time) ? "Invalid Date" : dateFormatFor(method, locales)(time);
        }
        return apply(native, this, [pinLocales(locales), pinTimeZone(options)]) as string;
      },
    }).method);
  }
  replaceMethod(Array.prototype, "toLocaleString", (native) => arrayToLocaleString(native));
  // Typed arrays hold numbers, which V8 formats without a property lookup: pass en-US on.
  replaceMethod(TypedArrayPrototype, "toLocaleString", (native) => ({
    toLocaleString(this: unknown, locales?: unknown, options?: unknown) {
      return apply(native, this, [pinDefaultLocale(locales), options]) as string;
    },
  }).toLocaleString);
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

/**
 * Array.prototype.toLocaleString as specified (ECMA-402: each element's own `toLocaleString`
 * called with `locales` and `options`, joined with ","), since V8's formats dates in the host's
 * zone without looking the method up. Like V8, an array met again while it is being printed
 * prints as "".
 */
function arrayToLocaleString(native: (this: unknown) => string) {
  const printing = new Set<object>();
  return {
    toLocaleString(this: unknown, locales?: unknown, options?: unknown): string {
      if (this === null || this === undefined) return apply(native, this, []) as string;
      const array = Object(this) as { length?: unknown; [index: number]: unknown };
      if (printing.has(array)) return "";
      printing.add(array);
      try {
        const length = Math.min(Math.max(Math.trunc(Number(array.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
        let result = "";
        for (let k = 0; k < length; k++) {
          if (k > 0) result += ",";
          const element = array[k];
          if (element === undefined || element === null) continue;
          const method = (element as { toLocaleString?: unknown }).toLocaleString;
          if (typeof method !== "function") throw new TypeError(`${typeof method === "undefined" ? "undefined" : String(method)} is not a function`);
          result += `${apply(method as (...args: unknown[]) => unknown, element, [locales, options]) as string}`;
        }
        return result;
      } finally {
        printing.delete(array);
      }
    },
  }.toLocaleString;
}
