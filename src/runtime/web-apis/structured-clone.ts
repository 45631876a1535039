/**
 * HTML's structuredClone, as V8 and Node implement it: the same types cloned, the same ones
 * refused with a DataCloneError (functions, symbols, WeakMaps, Promises, URLs, …), shared and
 * cyclic references kept, views over one buffer still sharing their copy of it. Written here
 * because @ungap/structured-clone goes through a serialised form that loses buffer sharing and
 * array holes and throws TypeErrors instead of DataCloneErrors. Buffer copies count against the
 * allocation budget.
 */
import { chargeAllocation } from "./allocation-budget.ts";
import { DOMException } from "./dom-exception.ts";

type Fn = (...args: unknown[]) => unknown;
const { apply, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const getter = (target: object, key: PropertyKey): Fn => getOwnPropertyDescriptor(target, key)!.get as Fn;
const NativeArrayBuffer = ArrayBuffer;
const NativeUint8Array = Uint8Array;
const NativeDataView = DataView;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;

function brand(method: Fn | undefined, value: unknown, ...args: unknown[]): boolean {
  if (!method) return false;
  try {
    apply(method, value, args);
    return true;
  } catch {
    return false;
  }
}

const checks = {
  arrayBuffer: getter(ArrayBuffer.prototype, "byteLength"),
  sharedArrayBuffer: typeof SharedArrayBuffer === "function" ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined,
  typedArrayName: getter(TypedArrayPrototype, Symbol.toStringTag),
  dataView: getter(DataView.prototype, "buffer"),
  map: getter(Map.prototype, "size"),
  set: getter(Set.prototype, "size"),
  date: Date.prototype.getTime as Fn,
  regExp: getter(RegExp.prototype, "source"),
  boolean: Boolean.prototype.valueOf as Fn,
  number: Number.prototype.valueOf as Fn,
  string: String.prototype.valueOf as Fn,
  bigint: BigInt.prototype.valueOf as Fn,
  symbol: Symbol.prototype.valueOf as Fn,
  weakMap: WeakMap.prototype.has as Fn,
  weakSet: WeakSet.prototype.has as Fn,
  weakRef: WeakRef.prototype.deref as Fn,
  finalizationRegistry: FinalizationRegistry.prototype.unregister as Fn,
};
const abResizable = getter(ArrayBuffer.prototype, "resizable");
const abMaxByteLength = getter(ArrayBuffer.prototype, "maxByteLength");
const abDetached = getter(ArrayBuffer.prototype, "detached");
const isError = (Error as { isError?: (value: unknown) => boolean }).isError ?? ((value: unknown) => value instanceof Error);
const errorNames = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];

/** Daybook's own platform classes say how they clone (Blob, DOMException) or that they do not (URL). */
type PlatformClone = (value: object) => unknown;
const platformObjects: [is: (value: object) => boolean, clone: PlatformClone | null][] = [];
export function registerPlatformObject(is: (value: object) => boolean, clone: PlatformClone | null): void {
  platformObjects.push([is, clone]);
}
registerPlatformObject(
  (value) => value instanceof DOMException,
  (value) => new DOMException((value as DOMException).message, (value as DOMException).name),
);

const dataCloneError = (message: string): DOMException => new DOMException(message, "DataCloneError");

function describe(value: object): string {
  if (typeof value === "function") return String(value);
  if (brand(checks.symbol, value)) return "[object Symbol]";
  const constructor = (getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor;
  return `#<${typeof constructor?.name === "string" && constructor.name ? constructor.name : "Object"}>`;
}

function cloneBuffer(buffer: ArrayBuffer): ArrayBuffer {
  if (apply(abDetached, buffer, [])) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
  const length = apply(checks.arrayBuffer, buffer, []) as number;
  const maxLength = apply(abResizable, buffer, []) ? (apply(abMaxByteLength, buffer, []) as number) : undefined;
  chargeAllocation(maxLength ?? length);
  const copy = maxLength === undefined ? new NativeArrayBuffer(length) : new NativeArrayBuffer(length, { maxByteLength: maxLength });
  new NativeUint8Array(copy).set(new NativeUint8Array(buffer));
  return copy;
}

function copyError(value: Error): Error {
  const nameValue = value.name;
  const name = typeof nameValue === "string" && errorNames.includes(nameValue) ? nameValue : "Error";
  const Constructor = (globalThis as unknown as Record<string, ErrorConstructor>)[name]!;
  const copy = new Constructor();
  const define = (key: string, v: unknown) => Object.defineProperty(copy, key, { value: v, writable: true, enumerable: false, configurable: true });
  const message = getOwnPropertyDescriptor(value, "message");
  if (message && "value" in message) define("message", String(message.value));
  const stack = value.stack;
  if (typeof stack === "string") define("stack", stack);
  else delete (copy as { stack?: unknown }).stack;
  return copy;
}

/** Clones one value, recording each object's copy in `memory` (so shared and cyclic references survive). */
function clone(value: unknown, memory: Map<object, unknown>): unknown {
  if (typeof value === "symbol") throw dataCloneError(`${String(value)} could not be cloned.`);
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return value;
  if (memory.has(value)) return memory.get(value);
  const keep = <T>(copy: T): T => (memory.set(value, copy), copy);

  if (brand(checks.boolean, value)) return keep(Object(apply(checks.boolean, value, [])));
  if (brand(checks.number, value)) return keep(Object(apply(checks.number, value, [])));
  if (brand(checks.bigint, value)) return keep(Object(apply(checks.bigint, value, [])));
  if (brand(checks.string, value)) return keep(Object(apply(checks.string, value, [])));
  if (brand(checks.date, value)) return keep(new Date(apply(checks.date, value, []) as number));
  if (brand(checks.regExp, value) && value !== RegExp.prototype) {
    const { source, flags } = value as RegExp;
    return keep(new RegExp(source, flags));
  }
  if (brand(checks.arrayBuffer, value)) return keep(cloneBuffer(value as ArrayBuffer));
  if (brand(checks.sharedArrayBuffer, value)) throw dataCloneError(`${describe(value)} could not be cloned.`);
  const typedArrayName = apply(checks.typedArrayName, value, []) as string | undefined;
  if (typedArrayName !== undefined || brand(checks.dataView, value)) {
    const view = value as ArrayBufferView & { length?: number };
    const buffer = clone(view.buffer, memory) as ArrayBuffer;
    if (typedArrayName === undefined) return keep(new NativeDataView(buffer, view.byteOffset, view.byteLength));
    const Constructor = (globalThis as unknown as Record<string, new (b: ArrayBuffer, o: number, l: number) => object>)[typedArrayName]!;
    return keep(new Constructor(buffer, view.byteOffset, view.length!));
  }
  if (brand(checks.map, value)) {
    const copy = keep(new Map());
    for (const [k, v] of [...(value as Map<unknown, unknown>)]) copy.set(clone(k, memory), clone(v, memory));
    return copy;
  }
  if (brand(checks.set, value)) {
    const copy = keep(new Set());
    for (const v of [...(value as Set<unknown>)]) copy.add(clone(v, memory));
    return copy;
  }
  for (const [is, cloneOf] of platformObjects) {
    if (!is(value)) continue;
    if (!cloneOf) throw dataCloneError("Cannot clone object of unsupported type.");
    return keep(cloneOf(value));
  }
  if (isError(value)) {
    const copy = keep(copyError(value as Error));
    const cause = getOwnPropertyDescriptor(value, "cause");
    if (cause) Object.defineProperty(copy, "cause", { value: clone((value as { cause?: unknown }).cause, memory), writable: true, enumerable: false, configurable: true });
    return copy;
  }
  if (
    typeof value === "function" ||
    brand(checks.symbol, value) ||
    brand(checks.weakMap, value, {}) ||
    brand(checks.weakSet, value, {}) ||
    brand(checks.weakRef, value) ||
    brand(checks.finalizationRegistry, value, {}) ||
    value instanceof Promise
  ) {
    throw dataCloneError(`${describe(value)} could not be cloned.`);
  }
  const copy = keep(Array.isArray(value) ? new Array((value as unknown[]).length) : {}) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(value, key)) copy[key] = clone((value as Record<string, unknown>)[key], memory);
  }
  return copy;
}

function missingValue(): TypeError {
  return Object.assign(new TypeError('The "value" argument must be specified'), { code: "ERR_MISSING_ARGS" });
}

/** HTML's structuredClone(value, { transfer }): transferred ArrayBuffers are detached once the copy is made. */
export function structuredClone(value: unknown, options?: { transfer?: Iterable<unknown> }): unknown {
  if (arguments.length === 0) throw missingValue();
  const transfer = options?.transfer === undefined ? [] : [...options.transfer];
  for (const [index, item] of transfer.entries()) {
    if (!brand(checks.arrayBuffer, item)) throw dataCloneError("Value not transferable");
    if (transfer.indexOf(item) !== index) throw dataCloneError(`ArrayBuffer at index ${index} is a duplicate of an earlier ArrayBuffer. Duplicates cannot be transferred.`);
    if (apply(abDetached, item, [])) throw dataCloneError(`ArrayBuffer at index ${index} is already detached and could not be transferred.`);
  }
  const copy = clone(value, new Map());
  for (const item of transfer) (item as ArrayBuffer).transferToFixedLength(0);
  return copy;
}
