/**
 * Intl's services default to en-US, and date-time formats to UTC: the constructors are wrapped
 * (see replace-method.ts), so `resolvedOptions()` reports the pinned values, and a snippet that
 * passes a locale or a `timeZone` gets it. `format()` and `formatToParts()` without a date
 * format the virtual clock's now, as they would format `Date.now()`.
 */
import { pinConstructor, replaceMethod, type Fn } from "./replace-method.ts";
import { pinLocales, pinTimeZone } from "./pin-arguments.ts";

const { apply, defineProperty, getOwnPropertyDescriptor } = Reflect;

/** The services that take `locales`; DateTimeFormat also gets its time zone pinned. */
const SERVICES = ["Collator", "NumberFormat", "PluralRules", "RelativeTimeFormat", "ListFormat", "DisplayNames", "Segmenter", "DurationFormat"] as const;

export function pinIntl(intl: Record<string, unknown>, now: () => number): void {
  for (const name of SERVICES) {
    const Native = intl[name];
    if (typeof Native === "function") intl[name] = pinConstructor(Native, ([locales, options]) => [pinLocales(locales), options]);
  }
  const NativeDateTimeFormat = intl["DateTimeFormat"] as typeof Intl.DateTimeFormat;
  intl["DateTimeFormat"] = pinConstructor(NativeDateTimeFormat, ([locales, options]) => [pinLocales(locales), pinTimeZone(options)]);
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
