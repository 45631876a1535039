/**
 * Intl's services default to en-US, and date-time formats to UTC: the constructors are wrapped
 * (see replace-method.ts), so `resolvedOptions()` reports the pinned values, and a snippet that
 * passes a locale or a `timeZone` gets it. `format()` and `formatToParts()` without a date
 * format the virtual clock's now, as they would format `Date.now()`.
 *
 * One quirk is kept: V8 names a service that fell back to its default locale after that default
 * ("en-US"), even where it has only "en" data (PluralRules), but names one asked for "en-US"
 * after the data it found ("en").
 */
import { pinConstructor, replaceMethod, type Fn } from "./replace-method.ts";
import { pinLocales, pinTimeZone } from "./pin-arguments.ts";

const { apply, defineProperty, getOwnPropertyDescriptor } = Reflect;
const { getCanonicalLocales } = Intl;

/** Services made from no locale, or from none English, which V8 would have resolved to its en-US default. */
const fellBack = new WeakSet<object>();
function noteFallback(instance: unknown, [locales]: unknown[]): void {
  if (typeof instance !== "object" || instance === null) return;
  try {
    if (locales === undefined || getCanonicalLocales(locales as string[]).every((tag) => !/^en(?:-|$)/.test(tag))) fellBack.add(instance);
  } catch {
    // The constructor has already rejected invalid locales.
  }
}

function nameDefaultAsV8Does(prototype: object): void {
  replaceMethod(prototype, "resolvedOptions", (native) => ({
    resolvedOptions(this: object) {
      const options = apply(native, this, []) as { locale?: string };
      if (options.locale === "en" && fellBack.has(this)) options.locale = "en-US";
      return options;
    },
  }).resolvedOptions);
}

/** The services that take `locales`; DateTimeFormat also gets its time zone pinned. */
const SERVICES = ["Collator", "NumberFormat", "PluralRules", "RelativeTimeFormat", "ListFormat", "DisplayNames", "Segmenter", "DurationFormat"] as const;

export function pinIntl(intl: Record<string, unknown>, now: () => number): void {
  for (const name of SERVICES) {
    const Native = intl[name];
    if (typeof Native !== "function") continue;
    intl[name] = pinConstructor(Native, ([locales, options]) => [pinLocales(locales), options], noteFallback);
    nameDefaultAsV8Does((Native as { prototype: object }).prototype);
  }
  const NativeDateTimeFormat = intl["DateTimeFormat"] as typeof Intl.DateTimeFormat;
  intl["DateTimeFormat"] = pinConstructor(NativeDateTimeFormat, ([locales, options]) => [pinLocales(locales), pinTimeZone(options)], noteFallback);
  nameDefaultAsV8Does(NativeDateTimeFormat.prototype);
  useVirtualNow(NativeDateTimeFormat.prototype, now);
}

function useVirtualNow(prototype: Intl.DateTimeFormat, now: () => number): void {
  const descriptor = getOwnPropertyDescriptor(prototype, "format");
  const nativeGetter = descriptor?.get;
  if (descriptor && nativeGetter) {
    const wrappers = new WeakMap<Fn, Fn>();
    const getter = getOwnPropertyDescriptor(
      {
        get format() {
          const format = apply(nativeGetter, this, []) as Fn;
          let wrapper = wrappers.get(format);
          if (!wrapper) {
            wrapper = (date?: unknown) => format(date === undefined ? now() : date) as string;
            defineProperty(wrapper, "name", { value: "", configurable: true });
            wrappers.set(format, wrapper);
          }
          return wrapper;
        },
      },
      "format",
    )!.get!;
    defineProperty(prototype, "format", { ...descriptor, get: getter });
  }
  replaceMethod(prototype, "formatToParts", (native) => ({
    formatToParts(this: Intl.DateTimeFormat, date?: unknown) {
      return apply(native, this, [date === undefined ? now() : date]) as unknown;
    },
  }).formatToParts);
}
