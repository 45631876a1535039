/**
 * The allocation budget: every byte a snippet asks for through ArrayBuffer, SharedArrayBuffer,
 * typed arrays, WebAssembly.Memory or Daybook's own APIs (Blob, TextEncoder, …) is counted, and
 * past the limit the allocation throws a RangeError before any memory is taken. Counting is
 * cumulative (freed buffers still count), so the result does not depend on the garbage collector
 * and is the same at build and in the browser.
 *
 * Constructors are wrapped in Proxies with a `construct` trap and their `prototype.constructor`
 * points at the wrapper, so `instanceof`, `.name`, `.length`, subclassing and `Symbol.species`
 * behave as before. Methods that allocate through the intrinsic constructor (no species lookup:
 * `toSorted`, `transfer`, …, or species lookups that fall back to it) are wrapped too.
 * Everything this file calls is captured when the bundle is evaluated, before any snippet runs,
 * so a snippet that replaces `Reflect` or `WeakMap.prototype` cannot reach the unwrapped natives.
 */

type Fn = (...args: unknown[]) => unknown;
type Ctor = new (...args: unknown[]) => object;

const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const { isArray } = Array;
const { trunc, max, min, floor } = Math;
const NativeRangeError = RangeError;
const NativeUint8Array = Uint8Array;
const NativeWeakMap = WeakMap;
const weakMapGet = WeakMap.prototype.get as Fn;
const weakMapSet = WeakMap.prototype.set as Fn;
const iteratorSymbol = Symbol.iterator;
const arrayValues = Array.prototype[Symbol.iterator] as Fn;
const ArrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]()) as { next: Fn };
const arrayIteratorNext = ArrayIteratorPrototype.next;

const getter = (target: object, key: PropertyKey): Fn => getOwnPropertyDescriptor(target, key)?.get as Fn;
const call = (fn: Fn, self: unknown, ...args: unknown[]): unknown => apply(fn, self, args);

const TypedArray = getPrototypeOf(Uint8Array) as Ctor;
const typedArrayName = getter(TypedArray.prototype, Symbol.toStringTag);
const typedArrayLength = getter(TypedArray.prototype, "length");
const typedArrayByteLength = getter(TypedArray.prototype, "byteLength");
const abByteLength = getter(ArrayBuffer.prototype, "byteLength");
const abResizable = getter(ArrayBuffer.prototype, "resizable");
const abMaxByteLength = getter(ArrayBuffer.prototype, "maxByteLength");
/**
 * A browser worker without cross-origin isolation has no SharedArrayBuffer global, but a shared
 * WebAssembly memory's buffer still has one as its constructor: find it there, to wrap it too.
 */
function findSharedArrayBuffer(): SharedArrayBufferConstructor | undefined {
  if (typeof SharedArrayBuffer === "function") return SharedArrayBuffer;
  try {
    const wasm = (globalThis as { WebAssembly?: { Memory: new (d: object) => { buffer: object } } }).WebAssembly;
    const buffer = wasm && new wasm.Memory({ initial: 0, maximum: 0, shared: true }).buffer;
    const constructor = buffer && (getPrototypeOf(buffer) as { constructor?: unknown }).constructor;
    return typeof constructor === "function" ? (constructor as SharedArrayBufferConstructor) : undefined;
  } catch {
    return undefined;
  }
}
const NativeSharedArrayBuffer = findSharedArrayBuffer();
const sabByteLength = NativeSharedArrayBuffer && getter(NativeSharedArrayBuffer.prototype, "byteLength");
const sabGrowable = NativeSharedArrayBuffer && getter(NativeSharedArrayBuffer.prototype, "growable");
const sabMaxByteLength = NativeSharedArrayBuffer && getter(NativeSharedArrayBuffer.prototype, "maxByteLength");

const typedArrayNames = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
const bytesPerElement: Record<string, number> = {};

export const DEFAULT_ALLOCATION_LIMIT = 256 * 1024 * 1024;
const WASM_PAGE = 65536;

let limit = DEFAULT_ALLOCATION_LIMIT;
let used = 0;
/** What each buffer made under the budget was charged (resizable ones: their maximum). */
const charged = new NativeWeakMap<object, number>();
const chargedOf = (buffer: unknown): number | undefined => call(weakMapGet, charged, buffer) as number | undefined;
const markCharged = (object: object, bytes: number): void => void call(weakMapSet, charged, object, bytes);

function budgetError(): RangeError {
  const amount = limit % 1048576 === 0 ? `${limit / 1048576} MiB` : `${limit} bytes`;
  return new NativeRangeError(`the snippet allocated more than ${amount} of buffers (Daybook's limit)`);
}

/** Throws unless `bytes` more still fit; counts nothing. */
function reserve(bytes: number): void {
  if (!(bytes <= limit - used)) throw budgetError();
}

/**
 * Counts bytes that were allocated; if they do not fit, throws instead (the caller drops the
 * result), so, as with `reserve`, an allocation that was refused is not counted.
 */
function commit(bytes: number): void {
  if (!(bytes <= limit - used)) throw budgetError();
  used += bytes;
}

/** Counts `bytes` more against the snippet's budget, or throws the budget's RangeError. */
export function chargeAllocation(bytes: number): void {
  if (!(bytes >= 0)) throw new NativeRangeError(`chargeAllocation needs a byte count ≥ 0, not ${String(bytes)}`);
  reserve(bytes);
  commit(bytes);
}

/** Bytes counted so far. */
export function allocatedBytes(): number {
  return used;
}

/** A zeroed Uint8Array of `length` bytes, counted against the budget (for Daybook's own APIs). */
export function allocateBytes(length: number): Uint8Array {
  reserve(length);
  const bytes = new NativeUint8Array(length);
  commit(length);
  markCharged(bytes, length);
  return bytes;
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** ECMAScript ToIntegerOrInfinity (it may call valueOf, once). */
function toIntegerOrInfinity(value: unknown): number {
  const number = +(value as number);
  return number !== number || number === 0 ? 0 : trunc(number);
}

/** ECMAScript ToIndex, or null where the native would throw a RangeError (let it, with its own message). */
function toIndex(value: unknown): number | null {
  if (value === undefined) return 0;
  const integer = toIntegerOrInfinity(value);
  return integer >= 0 && integer <= Number.MAX_SAFE_INTEGER ? integer : null;
}

function relativeIndex(value: unknown, length: number): number {
  const relative = toIntegerOrInfinity(value);
  return relative < 0 ? max(length + relative, 0) : min(relative, length);
}

function brand(get: Fn | undefined, value: unknown): number | undefined {
  if (!get) return undefined;
  try {
    return call(get, value) as number;
  } catch {
    return undefined;
  }
}
const typedArrayBytesPerElement = (value: unknown): number | undefined => {
  const name = brand(typedArrayName, value) as unknown as string | undefined;
  return name === undefined ? undefined : bytesPerElement[name];
};
const isBuffer = (value: unknown): boolean => brand(abByteLength, value) !== undefined || brand(sabByteLength, value) !== undefined;

/** After a method made a typed array: count it unless a wrapped constructor already did. */
function settleTypedArray(result: unknown): unknown {
  if (chargedOf(result) === undefined) {
    const bytes = (brand(typedArrayByteLength, result) as number | undefined) ?? 0;
    markCharged(result as object, bytes);
    commit(bytes);
  }
  return result;
}

/** What a new buffer costs: its length, or its maximum if it can grow. */
function bufferCost(buffer: unknown): number {
  if (brand(abByteLength, buffer) !== undefined) {
    return (call(abResizable, buffer) ? call(abMaxByteLength, buffer) : call(abByteLength, buffer)) as number;
  }
  return ((brand(sabGrowable, buffer) as unknown as boolean) ? brand(sabMaxByteLength, buffer) : brand(sabByteLength, buffer)) ?? 0;
}

function settleBuffer(result: unknown): unknown {
  if (chargedOf(result) === undefined) {
    const bytes = bufferCost(result);
    markCharged(result as object, bytes);
    commit(bytes);
  }
  return result;
}

/** Replaces a method with a transparent Proxy (same name, length, `[native code]` source). */
function wrapMethod(owner: object, key: string, handler: (native: Fn, self: unknown, args: unknown[]) => unknown): void {
  const descriptor = getOwnPropertyDescriptor(owner, key);
  const native = descriptor?.value as Fn | undefined;
  if (typeof native !== "function") return;
  const wrapped = new Proxy(native, { apply: (target, self, args: unknown[]) => handler(target, self, args) });
  defineProperty(owner, key, { ...descriptor, value: wrapped });
}

/** Wraps a constructor, points its prototype's `constructor` at the wrapper, and returns the wrapper. */
function wrapConstructor(Native: Ctor, trap: (target: Ctor, args: unknown[], newTarget: Ctor) => object): Ctor {
  const wrapped = new Proxy(Native, { construct: (target, args: unknown[], newTarget: Ctor) => trap(target, args, newTarget) });
  const descriptor = getOwnPropertyDescriptor(Native.prototype, "constructor");
  defineProperty(Native.prototype, "constructor", { ...descriptor, value: wrapped });
  return wrapped;
}

function bufferTrap(target: Ctor, args: unknown[], newTarget: Ctor): object {
  const length = toIndex(args[0]);
  let maxLength: number | null | undefined;
  const options = args[1];
  if (isObject(options)) {
    const requested = (options as { maxByteLength?: unknown }).maxByteLength;
    if (requested !== undefined) maxLength = toIndex(requested);
  }
  if (length === null || maxLength === null) return construct(target, args, newTarget) as object;
  reserve(maxLength ?? length);
  const buffer = construct(target, maxLength === undefined ? [length] : [length, { maxByteLength: maxLength }], newTarget) as object;
  return settleBuffer(buffer) as object;
}

function typedArrayTrap(bytes: number, target: Ctor, args: unknown[], newTarget: Ctor): object {
  const source = args[0];
  let array: object;
  if (!isObject(source)) {
    const length = toIndex(source);
    if (length === null) return construct(target, args, newTarget) as object;
    reserve(length * bytes);
    array = construct(target, [length], newTarget) as object;
  } else if (isBuffer(source)) {
    // A view on memory already counted.
    array = construct(target, args, newTarget) as object;
    markCharged(array, 0);
    return array;
  } else if (typedArrayBytesPerElement(source) !== undefined) {
    reserve((call(typedArrayLength, source) as number) * bytes);
    array = construct(target, args, newTarget) as object;
  } else {
    const iterate = (source as { [iteratorSymbol]?: unknown })[iteratorSymbol];
    if (iterate !== undefined && iterate !== null && typeof iterate !== "function") return construct(target, args, newTarget) as object;
    if (iterate === arrayValues && isArray(source) && ArrayIteratorPrototype.next === arrayIteratorNext) {
      // A plain array: its length is known before the native copies it (and the native's fast path stays).
      reserve((source as unknown[]).length * bytes);
      array = construct(target, args, newTarget) as object;
    } else {
      // Any other iterable or array-like: take the values first, as the native would, so their count is known.
      const values: unknown[] = [];
      if (iterate) {
        const iterator = call(iterate as Fn, source) as { next: Fn };
        const next = iterator.next;
        for (;;) {
          const step = call(next, iterator) as IteratorResult<unknown>;
          if (step.done) break;
          values[values.length] = step.value;
        }
      } else {
        const length = min(max(toIntegerOrInfinity((source as { length?: unknown }).length), 0), Number.MAX_SAFE_INTEGER);
        reserve(length * bytes);
        array = construct(target, [length], newTarget) as object;
        for (let k = 0; k < length; k++) (array as unknown[])[k] = (source as unknown[])[k];
        return settleTypedArray(array) as object;
      }
      reserve(values.length * bytes);
      array = construct(target, [values.length], newTarget) as object;
      for (let k = 0; k < values.length; k++) (array as unknown[])[k] = values[k];
    }
  }
  return settleTypedArray(array) as object;
}

function wrapTypedArrayMethods(): void {
  const proto = TypedArray.prototype;
  wrapMethod(proto, "slice", (native, self, args) => {
    const bytes = typedArrayBytesPerElement(self);
    if (bytes === undefined) return apply(native, self, args);
    const length = call(typedArrayLength, self) as number;
    const start = relativeIndex(args[0], length);
    const end = args[1] === undefined ? length : relativeIndex(args[1], length);
    reserve(max(end - start, 0) * bytes);
    return settleTypedArray(apply(native, self, [start, end]));
  });
  wrapMethod(proto, "map", (native, self, args) => {
    reserve((brand(typedArrayByteLength, self) as number | undefined) ?? 0);
    return settleTypedArray(apply(native, self, args));
  });
  // The result is at most the source's size, which is already counted: counted once made.
  wrapMethod(proto, "filter", (native, self, args) => settleTypedArray(apply(native, self, args)));
  for (const key of ["toReversed", "toSorted", "with"]) {
    wrapMethod(proto, key, (native, self, args) => {
      reserve((brand(typedArrayByteLength, self) as number | undefined) ?? 0);
      return settleTypedArray(apply(native, self, args));
    });
  }
}

function wrapBufferMethods(Native: Ctor, byteLength: Fn): void {
  wrapMethod(Native.prototype, "slice", (native, self, args) => {
    const length = brand(byteLength, self);
    if (length === undefined) return apply(native, self, args);
    const start = relativeIndex(args[0], length);
    const end = args[1] === undefined ? length : relativeIndex(args[1], length);
    reserve(max(end - start, 0));
    return settleBuffer(apply(native, self, [start, end]));
  });
  for (const key of ["transfer", "transferToFixedLength"]) {
    wrapMethod(Native.prototype, key, (native, self, args) => {
      const length = brand(byteLength, self);
      const newLength = args[0] === undefined ? length : toIndex(args[0]);
      if (length === undefined || newLength === null || newLength === undefined) return apply(native, self, args);
      const keepsMaximum = key === "transfer" && (call(abResizable, self) as boolean);
      const cost = keepsMaximum ? (call(abMaxByteLength, self) as number) : newLength;
      // The old buffer's memory moves to the new one: only growth costs.
      const growth = max(0, cost - (chargedOf(self) ?? 0));
      reserve(growth);
      const result = apply(native, self, [newLength]) as object;
      markCharged(result, cost);
      commit(growth);
      return result;
    });
  }
}

function wrapWebAssembly(wasm: { Memory?: Ctor }): void {
  const Memory = wasm.Memory;
  if (typeof Memory !== "function") return;
  const memoryBuffer = getter(Memory.prototype, "buffer");
  const memoryBytes = (memory: unknown): number => bufferCost(call(memoryBuffer, memory));
  wasm.Memory = wrapConstructor(Memory, (target, args, newTarget) => {
    const descriptor = args[0] as { initial?: unknown } | undefined;
    const pages = isObject(descriptor) ? +(descriptor.initial as number) : NaN;
    if (pages >= 0) reserve(floor(pages) * WASM_PAGE);
    const memory = construct(target, args, newTarget) as object;
    commit(memoryBytes(memory));
    return memory;
  });
  wrapMethod(Memory.prototype, "grow", (native, self, args) => {
    const pages = +(args[0] as number);
    if (pages >= 0) reserve(floor(pages) * WASM_PAGE);
    const before = memoryBytes(self);
    const result = apply(native, self, args);
    commit(max(0, memoryBytes(self) - before));
    return result;
  });
}

function wrapFromString(Native: Ctor, key: string, bytesPerChar: number): void {
  wrapMethod(Native, key, (native, self, args) => {
    if (typeof args[0] === "string") reserve(floor(args[0].length * bytesPerChar));
    return settleTypedArray(apply(native, self, args));
  });
}

/**
 * Wraps the allocating constructors and methods of `global` (its own realm's) so they count
 * against a budget of `limitBytes`, and removes `SharedArrayBuffer` (a sandboxed browser worker
 * has none; shared WebAssembly memories still work, their buffers' constructor wrapped too).
 */
export function installAllocationBudget(global: typeof globalThis, limitBytes = DEFAULT_ALLOCATION_LIMIT): void {
  limit = limitBytes;
  const slots = global as unknown as Record<string, unknown>;
  slots["ArrayBuffer"] = wrapConstructor(ArrayBuffer as unknown as Ctor, bufferTrap);
  wrapBufferMethods(ArrayBuffer as unknown as Ctor, abByteLength);
  if (NativeSharedArrayBuffer && sabByteLength) {
    wrapConstructor(NativeSharedArrayBuffer as unknown as Ctor, bufferTrap);
    wrapBufferMethods(NativeSharedArrayBuffer as unknown as Ctor, sabByteLength);
  }
  delete slots["SharedArrayBuffer"];
  for (const name of typedArrayNames) {
    const Native = slots[name] as (Ctor & { BYTES_PER_ELEMENT: number }) | undefined;
    if (typeof Native !== "function") continue;
    const bytes = Native.BYTES_PER_ELEMENT;
    bytesPerElement[name] = bytes;
    slots[name] = wrapConstructor(Native, (target, args, newTarget) => typedArrayTrap(bytes, target, args, newTarget));
  }
  wrapTypedArrayMethods();
  wrapFromString(NativeUint8Array as unknown as Ctor, "fromBase64", 3 / 4);
  wrapFromString(NativeUint8Array as unknown as Ctor, "fromHex", 1 / 2);
  const wasm = slots["WebAssembly"];
  if (isObject(wasm)) wrapWebAssembly(wasm as { Memory?: Ctor });
}
