/**
 * Pins the locale to en-US and the time zone to UTC in the realm a snippet runs in, at build
 * (a vm context, whose ICU default comes from the machine and TZ from the environment) and in
 * the browser (the reader's language and zone), so output is the same everywhere:
 *
 * - Intl's constructors default to en-US and DateTimeFormat to UTC (pinned-intl.ts);
 * - `toLocaleString` and friends of numbers, bigints, dates, arrays and typed arrays,
 *   `localeCompare`, `toLocaleUpperCase`/`LowerCase` default to en-US (pinned-locale-methods.ts);
 * - `Date` behaves as in UTC (pinned-date.ts), and so does Temporal (pinned-temporal.ts).
 *
 * A snippet can still ask for any locale or time zone explicitly. Where a locale is given, the
 * engine's ICU data decides the result, and Node's full ICU and Chromium's trimmed one can
 * differ (a locale Chromium lacks falls back to en-US there). Not pinned: `Intl.Locale`, which
 * has no default, and `Function.prototype.toString` of a replaced method (it shows source, not
 * `[native code]`). The Date constructor reached through a date's own `constructor` (fake-timers
 * points it, unchangeably, at the intrinsic Date) still reads `new D(y, m, d)` in the machine's zone.
 */
import { pinDateConstructor, pinDatePrototype } from "./pinned-date.ts";
import { pinIntl } from "./pinned-intl.ts";
import { pinLocaleMethods } from "./pinned-locale-methods.ts";
import { pinTemporal } from "./pinned-temporal.ts";

/** The clock of the snippet running now, read by `Intl.DateTimeFormat().format()` and `Temporal.Now`. */
let virtualNow: () => number = () => NaN;
let pinned = false;

/**
 * Installs the pinning on `global`, the global object of the realm this module was evaluated
 * in, after its `Date` has been replaced by the virtual clock's. Built-ins are patched once per
 * realm; `Date` is wrapped on every call.
 */
export function installLocale(global: Record<string, unknown>, now: () => number): void {
  virtualNow = now;
  if (!pinned) {
    pinned = true;
    const current = () => virtualNow();
    pinIntl(global["Intl"] as Record<string, unknown>, current);
    pinLocaleMethods();
    pinDatePrototype();
    pinTemporal(global["Temporal"] as Parameters<typeof pinTemporal>[0], current);
  }
  global["Date"] = pinDateConstructor(global["Date"] as DateConstructor);
}
