/**
 * Readers for untrusted figure data. Each reads every property once (a getter or Proxy cannot
 * show the check one value and the renderer another) into a fresh object of known keys, so
 * nothing of the input's prototype or extra keys (`__proto__`, `constructor`) survives.
 */
import { MAX_MAGNITUDE, MAX_POINTS, MAX_STRING_LENGTH } from "./figure-limits.ts";

/** A problem with figure data; `message` names the place and the rule broken. */
export class FigureDataError extends Error {
  override name = "FigureDataError";
}

/** A printable name for what `value` is, for error messages. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Own data properties of a plain object (any realm's), after checking every key is expected. */
export function readObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new FigureDataError(`${path} must be an object, not ${kindOf(value)}`);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new FigureDataError(`${path} must be a plain object ({ ... }), not an instance of a class`);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== "string" || !allowed.includes(key)) {
      throw new FigureDataError(`${path} has an unknown field ${JSON.stringify(String(key))}; the fields are ${allowed.join(", ")}`);
    }
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !("value" in descriptor)) throw new FigureDataError(`${path}.${key} must be a plain value, not a getter`);
    out[key] = descriptor.value;
  }
  return out;
}

/** The items of an array of at most `max` items, each read by `item`. */
export function readArray<T>(value: unknown, path: string, item: (value: unknown, path: string) => T, max = MAX_POINTS, limit = `${max} items`): T[] {
  if (!Array.isArray(value)) throw new FigureDataError(`${path} must be an array, not ${kindOf(value)}`);
  const length = value.length;
  if (length > max) throw new FigureDataError(`${path} has ${length} items; the limit is ${limit}`);
  const out: T[] = [];
  for (let i = 0; i < length; i++) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, i);
    if (descriptor === undefined || !("value" in descriptor)) throw new FigureDataError(`${path}[${i}] is missing or a getter`);
    out.push(item(descriptor.value, `${path}[${i}]`));
  }
  return out;
}

/** A finite number. */
export function readNumber(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new FigureDataError(`${path} is ${kindOf(value)}; numbers must be finite`);
  if (Math.abs(value) > MAX_MAGNITUDE) throw new FigureDataError(`${path} is ${value}; the limit is 1e300 either side of zero`);
  return value === 0 ? 0 : value; // -0 would print as "0" in JSON but "-0" in the table
}

/** A count: a whole number, 0 or more. */
export function readCount(value: unknown, path: string): number {
  const n = readNumber(value, path);
  if (!Number.isInteger(n) || n < 0) throw new FigureDataError(`${path} is ${n}; a count must be a whole number, 0 or more`);
  return n;
}

// C0 and C1 controls and DEL: not allowed in XML 1.0 text, and invisible in a label anyway.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A string of at most 200 characters, well formed (no lone surrogates) and without control characters. */
export function readString(value: unknown, path: string): string {
  if (typeof value !== "string") throw new FigureDataError(`${path} must be a string, not ${kindOf(value)}`);
  if (value.length > MAX_STRING_LENGTH) throw new FigureDataError(`${path} is ${value.length} characters; the limit is ${MAX_STRING_LENGTH} characters per string`);
  if (!value.isWellFormed()) throw new FigureDataError(`${path} has a lone surrogate (half of a character); strings must be well-formed Unicode`);
  if (CONTROL.test(value)) throw new FigureDataError(`${path} has a control character (such as a newline or tab); strings must be one line of printable text`);
  return value;
}

/** `read(value)` when the field is present, else nothing: `{ ...optional(fields, "label", readString, path) }`. */
export function optional<K extends string, T>(fields: Record<string, unknown>, key: K, read: (value: unknown, path: string) => T, path: string): { [P in K]?: T } {
  if (fields[key] === undefined) return {};
  return { [key]: read(fields[key], `${path}.${key}`) } as { [P in K]?: T };
}

/** A required field. */
export function required<T>(fields: Record<string, unknown>, key: string, read: (value: unknown, path: string) => T, path: string): T {
  if (fields[key] === undefined) throw new FigureDataError(`${path}.${key} is missing`);
  return read(fields[key], `${path}.${key}`);
}
