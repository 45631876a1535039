/**
 * The locale and time zone every snippet runs in, whatever the machine or the reader's browser
 * is set to, and how the `locales` and `options` arguments of locale-sensitive built-ins are
 * pinned to them. Everything used here is captured when the runtime is evaluated, before any
 * snippet code exists.
 */
export const PINNED_LOCALE = "en-US";
export const PINNED_TIME_ZONE = "UTC";

const { apply } = Reflect;
const { create } = Object;
const { isArray } = Array;
const localeBaseName = Object.getOwnPropertyDescriptor(Intl.Locale.prototype, "baseName")!.get!;

function isLocale(value: object): boolean {
  try {
    apply(localeBaseName, value, []);
    return true;
  } catch {
    return false;
  }
}

/**
 * `locales` as ECMA-402 reads it, with the default replaced by en-US: no locale (undefined, an
 * empty list) becomes `"en-US"`, and a list gets en-US appended, so a locale the engine does not
 * support falls back to en-US rather than to the host's default. Invalid input is passed on for
 * the built-in to reject with its own error.
 */
export function pinLocales(locales: unknown): unknown {
  if (locales === undefined) return PINNED_LOCALE;
  if (typeof locales === "string") return [locales, PINNED_LOCALE];
  if (locales === null) return locales;
  if (typeof locales !== "object" && typeof locales !== "function") return PINNED_LOCALE;
  if (isLocale(locales)) return [locales, PINNED_LOCALE];
  // A list is read as ECMA-402 reads it (length, then each index present), the elements left for the built-in to check.
  const object = locales as { length?: unknown; [index: number]: unknown };
  const length = Math.min(Math.max(Math.trunc(Number(object.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
  const list: unknown[] = [];
  for (let k = 0; k < length; k++) if (k in object) list.push(object[k]);
  return list.length === 0 ? PINNED_LOCALE : [...list, PINNED_LOCALE];
}

/** For `toLocaleUpperCase`/`LowerCase`, which fall back to the root locale, not the default: only the default is pinned. */
export function pinDefaultLocale(locales: unknown): unknown {
  if (locales === undefined) return PINNED_LOCALE;
  if (isArray(locales) && locales.length === 0) return PINNED_LOCALE;
  return locales;
}

/** Date-time `options` with `timeZone: "UTC"` unless the snippet names a time zone itself. */
export function pinTimeZone(options: unknown): unknown {
  if (options === undefined) return { timeZone: PINNED_TIME_ZONE };
  if (options === null || (typeof options !== "object" && typeof options !== "function")) return options;
  if ((options as { timeZone?: unknown }).timeZone !== undefined) return options;
  return create(options, { timeZone: { value: PINNED_TIME_ZONE, writable: true, enumerable: true, configurable: true } });
}
