/**
 * Helpers that make Daybook's own Web API classes look like the platform's: globals are
 * non-enumerable like natives, members follow WebIDL (enumerable accessors and operations,
 * a `Symbol.toStringTag`), and `util.inspect` (node-inspect-extracted) finds a custom printer.
 */

/** The symbol Node's `util.inspect` and node-inspect-extracted look up for a custom printer. */
export const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/** What node-inspect-extracted passes a custom printer as its third argument. */
export type Inspect = (value: unknown, options?: object) => string;
export interface InspectOptions {
  depth?: number | null;
  breakLength?: number;
  stylize?: (text: string, style: string) => string;
  [key: string]: unknown;
}

/** Installs `value` the way a native global is: writable, configurable, not enumerable. */
export function defineGlobal(global: object, name: string, value: unknown): void {
  Object.defineProperty(global, name, { value, writable: true, enumerable: false, configurable: true });
}

/**
 * Gives a class the shape WebIDL gives interfaces: prototype accessors and methods (and the
 * listed statics) enumerable, plus a `Symbol.toStringTag` so `Object.prototype.toString` names it.
 */
export function webidlClass(cls: abstract new (...args: never[]) => unknown, tag: string, statics: string[] = []): void {
  // Bundlers rename classes that shadow a global (`class URL` becomes `_URL`): the name is part of the API.
  if (!tag.includes(" ")) Object.defineProperty(cls, "name", { value: tag });
  const proto = cls.prototype as object;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key !== "constructor") Object.defineProperty(proto, key, { enumerable: true });
  }
  for (const key of statics) Object.defineProperty(cls, key, { enumerable: true });
  Object.defineProperty(proto, Symbol.toStringTag, { value: tag, writable: false, enumerable: false, configurable: true });
}

/** Hides an inspect hook (own symbol keys are listed by `util.inspect` only with showHidden). */
export function defineInspect<T extends object>(proto: T, fn: (this: T, depth: number, options: InspectOptions, inspect: Inspect) => unknown): void {
  Object.defineProperty(proto, inspectCustom, { value: fn, writable: true, enumerable: false, configurable: true });
}

/**
 * Node's printer for its Web API objects (AbortSignal, Blob, …): `Name { field: value }` with one
 * level of depth used up, or the object itself when the depth is already spent.
 */
export function inspectFields(self: object, name: string, fields: object, depth: number, options: InspectOptions, inspect: Inspect): unknown {
  if (typeof depth === "number" && depth < 0) return self;
  const depthLeft = typeof options.depth === "number" ? options.depth - 1 : options.depth;
  return `${name} ${inspect(fields, { ...options, depth: depthLeft })}`;
}

/** What a method throws when called on an object that is not of its class (as Node says it). */
export function invalidThis(type: string): TypeError {
  return Object.assign(new TypeError(`Value of "this" must be of type ${type}`), { code: "ERR_INVALID_THIS" });
}

/** Node's description of a wrong argument, for its ERR_INVALID_ARG_TYPE messages. */
export function received(value: unknown): string {
  if (value === null || value === undefined) return `Received ${String(value)}`;
  if (typeof value === "function") return `Received function ${value.name}`;
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name ? `Received an instance of ${name}` : "Received an instance of Object";
  }
  const shown = typeof value === "string" ? `'${value.length > 28 ? `${value.slice(0, 25)}...` : value}'` : String(value);
  return `Received type ${typeof value} (${shown}${typeof value === "bigint" ? "n" : ""})`;
}

/** Node's ERR_INVALID_ARG_TYPE. */
export function invalidArgType(message: string): TypeError {
  return Object.assign(new TypeError(message), { code: "ERR_INVALID_ARG_TYPE" });
}
