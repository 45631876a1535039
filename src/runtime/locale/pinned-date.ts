/**
 * `Date` behaves as in UTC: the local-time getters and setters are their UTC twins,
 * `getTimezoneOffset()` is 0, `toString()` and friends print UTC (date-string.ts), and `new Date(y, m, …)`
 * and `Date.parse` read local times as UTC (date-parse.ts); `toLocale*String` are in
 * pinned-locale-methods.ts. The prototype and `Date.parse` are patched in place; the `Date` global (fake-timers'
 * virtual-clock Date) is wrapped by pinDateConstructor.
 */
import { dateToDateString, dateToString, dateToTimeString } from "./date-string.ts";
import { parseAsUtc } from "./date-parse.ts";
import { replaceMethod, type Fn } from "./replace-method.ts";

const NativeDate = Date;
const DateProto = Date.prototype as unknown as Record<string, Fn>;
const { apply, construct } = Reflect;
const { UTC } = Date;
const { getTime, getUTCFullYear, setUTCFullYear } = Date.prototype;
const toPrimitiveSymbol = Symbol.toPrimitive;

const UTC_TWINS = ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"];

export function pinDatePrototype(): void {
  for (const unit of UTC_TWINS) {
    for (const verb of unit === "Day" ? ["get"] : ["get", "set"]) {
      const twin = DateProto[`${verb}UTC${unit}`]!;
      replaceMethod(DateProto, `${verb}${unit}`, () => ({ method(this: Date, ...args: unknown[]) { return apply(twin, this, args) as number; } }).method);
    }
  }
  replaceMethod(DateProto, "getTimezoneOffset", () => ({ getTimezoneOffset(this: Date) { return Number.isNaN(apply(getTime, this, [])) ? NaN : 0; } }).getTimezoneOffset);
  replaceMethod(DateProto, "getYear", () => ({ getYear(this: Date) { return (apply(getUTCFullYear, this, []) as number) - 1900; } }).getYear);
  replaceMethod(DateProto, "setYear", () => ({
    setYear(this: Date, year: unknown) {
      apply(getTime, this, []);
      const y = Number(year);
      const truncated = Math.trunc(y);
      return apply(setUTCFullYear, this, [truncated >= 0 && truncated <= 99 ? 1900 + truncated : truncated]) as number;
    },
  }).setYear);
  // On anything but a Date, the natives throw V8's own message ("Method … called on incompatible receiver …").
  const strings = { toString: dateToString, toDateString: dateToDateString, toTimeString: dateToTimeString };
  for (const [name, print] of Object.entries(strings)) {
    replaceMethod(DateProto, name, (native) => ({ method(this: Date) { return isDate(this) ? print(this) : (apply(native, this, []) as string); } }).method);
  }
  replaceMethod(NativeDate, "parse", () => ({ parse(text: unknown) { return parseAsUtc(`${text as string}`); } }).parse);
}

/** What fake-timers adds to its Date class, unlisted so that `Date` prints and lists as the native does; the first two are gone altogether. */
const HIDDEN_STATICS = new Set<PropertyKey>(["clock", "isFake", "toString", "toSource"]);
const REMOVED_STATICS = new Set<PropertyKey>(["clock", "isFake"]);
const NATIVE_STATICS = ["length", "name", "prototype", "now", "parse", "UTC"];

/**
 * Wraps a Date constructor (fake-timers' ClockDate) so the forms that read local time read UTC,
 * and so it looks like the native: called `Date` (not `ClockDate` at build and a minified name in
 * the browser), with the native's statics (`parse` and `UTC` own, `now` not enumerable) and
 * without fake-timers' `clock`, which `console.log(Date)` would print whole.
 */
export function pinDateConstructor<T extends DateConstructor>(ClockDate: T): T {
  for (const key of ["parse", "UTC"] as const) {
    Reflect.defineProperty(ClockDate, key, { value: NativeDate[key], writable: true, enumerable: false, configurable: true });
  }
  const proxy = new Proxy(ClockDate, {
    construct: (target, args, newTarget) => construct(target, pinArguments(args), newTarget) as object,
    get: (target, key, receiver) => (key === "name" ? "Date" : REMOVED_STATICS.has(key) ? undefined : (Reflect.get(target, key, receiver) as unknown)),
    has: (target, key) => !REMOVED_STATICS.has(key) && Reflect.has(target, key),
    ownKeys: (target) => {
      const own = Reflect.ownKeys(target).filter((key) => !HIDDEN_STATICS.has(key));
      return [...NATIVE_STATICS.filter((key) => own.includes(key)), ...own.filter((key) => !NATIVE_STATICS.includes(key as string))];
    },
    getOwnPropertyDescriptor: (target, key) => {
      if (HIDDEN_STATICS.has(key)) return undefined;
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (!descriptor) return descriptor;
      if (key === "name") return { ...descriptor, value: "Date" };
      if (key === "now") return { ...descriptor, enumerable: false };
      return descriptor;
    },
  });
  Reflect.defineProperty(ClockDate.prototype, "constructor", { value: proxy, writable: true, enumerable: false, configurable: true });
  return proxy;
}

function pinArguments(args: unknown[]): unknown[] {
  if (args.length >= 2) return [apply(UTC, undefined, args)];
  if (args.length === 0 || isDate(args[0])) return args;
  const value = toPrimitive(args[0]);
  return [typeof value === "string" ? parseAsUtc(value) : value];
}

export function isDate(value: unknown): boolean {
  try {
    apply(getTime, value, []);
    return true;
  } catch {
    return false;
  }
}

/** ECMAScript's ToPrimitive with no hint, as `new Date(value)` applies it. */
function toPrimitive(value: unknown): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
  const object = value as Record<PropertyKey, unknown>;
  const exotic = object[toPrimitiveSymbol];
  if (exotic !== undefined && exotic !== null) {
    const result = apply(exotic as Fn, value, ["default"]) as unknown;
    if (result === null || (typeof result !== "object" && typeof result !== "function")) return result;
    throw new TypeError("Cannot convert object to primitive value");
  }
  for (const name of ["valueOf", "toString"]) {
    const method = object[name];
    if (typeof method === "function") {
      const result = apply(method as Fn, value, []) as unknown;
      if (result === null || (typeof result !== "object" && typeof result !== "function")) return result;
    }
  }
  throw new TypeError("Cannot convert object to primitive value");
}
