/**
 * Web Crypto's `crypto.getRandomValues` and `crypto.randomUUID`, seeded like Math.random (each
 * realm starts from the same seed, so a snippet prints the same on every run and in every
 * browser). Not for secrets. There is no `crypto.subtle`: a sandboxed browser worker is not a
 * secure context, so the browser has none either.
 */
import { SNIPPET_SEED, seededRandom } from "../seeded-random.ts";
import { invalidThis, webidlClass } from "./define.ts";
import { DOMException } from "./dom-exception.ts";

const { apply, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayName = getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag)!.get!;
const typedArrayBuffer = getOwnPropertyDescriptor(TypedArrayPrototype, "buffer")!.get!;
const typedArrayOffset = getOwnPropertyDescriptor(TypedArrayPrototype, "byteOffset")!.get!;
const typedArrayByteLength = getOwnPropertyDescriptor(TypedArrayPrototype, "byteLength")!.get!;
const NativeUint8Array = Uint8Array;
const isView = ArrayBuffer.isView;
const INTEGER_ARRAYS = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array"];
const MAX_BYTES = 65536;
/** Kept apart from Math.random's sequence, so drawing one does not shift the other. */
export const CRYPTO_SEED = (SNIPPET_SEED ^ 0x5eedc0de) >>> 0;

let random = seededRandom(CRYPTO_SEED);
const cryptos = new WeakSet<object>();
let constructing = false;

/** Starts the sequence again (installRealm calls it: every realm draws the same numbers). */
export function reseedCrypto(): void {
  random = seededRandom(CRYPTO_SEED);
}

/** Fills `bytes` with the next words of the sequence, low byte first. */
function fill(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += 4) {
    let word = random() * 4294967296;
    for (let j = i; j < i + 4 && j < bytes.length; j++) {
      bytes[j] = word & 0xff;
      word >>>= 8;
    }
  }
}

export class Crypto {
  constructor() {
    if (!constructing) throw Object.assign(new TypeError("Illegal constructor"), { code: "ERR_ILLEGAL_CONSTRUCTOR" });
    cryptos.add(this);
  }
  getRandomValues<T>(array: T): T {
    if (!cryptos.has(this)) throw invalidThis("Crypto");
    if (arguments.length === 0) {
      throw Object.assign(new TypeError("Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present."), { code: "ERR_MISSING_ARGS" });
    }
    const name = isView(array) ? (apply(typedArrayName, array, []) as string | undefined) : undefined;
    if (name === undefined || !INTEGER_ARRAYS.includes(name)) throw new DOMException("The data argument must be an integer-type TypedArray", "TypeMismatchError");
    const length = apply(typedArrayByteLength, array, []) as number;
    if (length > MAX_BYTES) throw new DOMException("The requested length exceeds 65,536 bytes", "QuotaExceededError");
    // A view on the array's own memory: nothing new is allocated.
    fill(new NativeUint8Array(apply(typedArrayBuffer, array, []) as ArrayBuffer, apply(typedArrayOffset, array, []) as number, length));
    return array;
  }
  randomUUID(): string {
    if (!cryptos.has(this)) throw invalidThis("Crypto");
    const bytes: number[] = [];
    for (let i = 0; i < 16; i += 4) {
      let word = random() * 4294967296;
      for (let j = 0; j < 4; j++) {
        bytes.push(word & 0xff);
        word >>>= 8;
      }
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
    const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
webidlClass(Crypto, "Crypto");

/** The realm's one `crypto` object. */
export function createCrypto(): Crypto {
  constructing = true;
  try {
    return new Crypto();
  } finally {
    constructing = false;
  }
}
