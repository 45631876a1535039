import { allocateBytes } from "./allocation-budget.ts";
import { createDecoder, type Decoder, encodingOf, StringSink } from "./decoders.ts";
import { defineInspect, invalidArgType, invalidThis, received, webidlClass } from "./define.ts";

const NativeUint8Array = Uint8Array;
const { isView } = ArrayBuffer;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")!.get!;
const sabByteLength = typeof SharedArrayBuffer === "function" ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength")!.get! : undefined;

function isBufferOf(get: (() => number) | undefined, value: unknown): boolean {
  try {
    return get !== undefined && (get.call(value), true);
  } catch {
    return false;
  }
}

/** The bytes of an ArrayBuffer, SharedArrayBuffer or view, as a Uint8Array over the same memory; undefined for anything else. */
export function bytesOf(input: unknown): Uint8Array | undefined {
  if (isView(input)) return new NativeUint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isBufferOf(abByteLength, input) || isBufferOf(sabByteLength, input)) return new NativeUint8Array(input as ArrayBuffer);
  return undefined;
}


/** How many UTF-8 bytes `input` takes (lone surrogates become U+FFFD, 3 bytes). */
export function utf8Length(input: string): number {
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Writes `input` as UTF-8 into `out` from `at`, whole code points only; returns [units read, bytes written]. */
export function utf8Write(input: string, out: Uint8Array, at = 0): [number, number] {
  let read = 0;
  let written = at;
  const end = out.length;
  while (read < input.length) {
    let point = input.charCodeAt(read);
    let units = 1;
    if (point >= 0xd800 && point <= 0xdfff) {
      const next = input.charCodeAt(read + 1);
      if (point <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        point = 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      } else point = 0xfffd;
    }
    const size = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    if (written + size > end) break;
    if (size === 1) out[written++] = point;
    else {
      const lead = size === 2 ? 0xc0 : size === 3 ? 0xe0 : 0xf0;
      out[written++] = lead | (point >> (6 * (size - 1)));
      for (let shift = 6 * (size - 2); shift >= 0; shift -= 6) out[written++] = 0x80 | ((point >> shift) & 0x3f);
    }
    read += units;
  }
  return [read, written - at];
}

/** UTF-8 bytes of a string, counted against the allocation budget. */
export function utf8Encode(input: string): Uint8Array {
  const bytes = allocateBytes(utf8Length(input));
  utf8Write(input, bytes);
  return bytes;
}

interface DecoderState {
  fatal: boolean;
  ignoreBOM: boolean;
  encoding: string;
  decoder: Decoder;
  /** Whether the current stream already passed its start (where a BOM is dropped). */
  started: boolean;
}
const decoders = new WeakMap<object, DecoderState>();
const encoders = new WeakSet<object>();

function decoderState(self: unknown): DecoderState {
  const state = decoders.get(self as object);
  if (!state) throw invalidThis("TextDecoder");
  return state;
}

/** The Encoding standard's TextEncoder: strings to UTF-8 bytes. */
export class TextEncoder {
  constructor() {
    encoders.add(this);
  }
  get encoding(): string {
    if (!encoders.has(this)) throw invalidThis("TextEncoder");
    return "utf-8";
  }
  encode(input: unknown = ""): Uint8Array {
    if (!encoders.has(this)) throw invalidThis("TextEncoder");
    return utf8Encode(`${input as string}`);
  }
  encodeInto(source: unknown, destination: unknown): { read: number; written: number } {
    if (!encoders.has(this)) throw invalidThis("TextEncoder");
    const target = destination instanceof NativeUint8Array ? destination : undefined;
    if (!target) throw invalidArgType(`The "dest" argument must be an instance of Uint8Array. ${received(destination)}`);
    const [read, written] = utf8Write(`${source as string}`, target);
    return { read, written };
  }
}

/** The Encoding standard's TextDecoder, for UTF-8, UTF-16 and windows-1252. */
export class TextDecoder {
  constructor(label: unknown = "utf-8", options: unknown = {}) {
    const encoding = encodingOf(`${label as string}`);
    if (encoding === undefined) {
      throw Object.assign(new RangeError(`The "${`${label as string}`}" encoding is not supported`), { code: "ERR_ENCODING_NOT_SUPPORTED" });
    }
    const { fatal = false, ignoreBOM = false } = (options ?? {}) as { fatal?: unknown; ignoreBOM?: unknown };
    decoders.set(this, { fatal: Boolean(fatal), ignoreBOM: Boolean(ignoreBOM), encoding, decoder: createDecoder(encoding), started: false });
  }
  get encoding(): string {
    return decoderState(this).encoding;
  }
  get fatal(): boolean {
    return decoderState(this).fatal;
  }
  get ignoreBOM(): boolean {
    return decoderState(this).ignoreBOM;
  }
  decode(input: unknown = new NativeUint8Array(0), options: unknown = {}): string {
    const state = decoderState(this);
    const bytes = bytesOf(input);
    if (!bytes) throw invalidArgType('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    const stream = Boolean((options as { stream?: unknown } | null)?.stream);
    const sink = new StringSink();
    try {
      state.decoder.decode(bytes, sink, !stream, () => {
        if (state.fatal) {
          throw Object.assign(new TypeError(`The encoded data was not valid for encoding ${state.encoding}`), { code: "ERR_ENCODING_INVALID_ENCODED_DATA" });
        }
        sink.push(0xfffd);
      });
    } catch (error) {
      state.decoder.reset();
      state.started = false;
      throw error;
    }
    let text = sink.toString();
    if (!state.started && text.length > 0) {
      if (!state.ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      state.started = true;
    }
    if (!stream) state.started = false;
    return text;
  }
}

webidlClass(TextEncoder, "TextEncoder");
webidlClass(TextDecoder, "TextDecoder");
// Node prints a TextEncoder as a plain `{ encoding: 'utf-8' }`; so do we.
defineInspect(TextEncoder.prototype, function (depth, options, inspect) {
  if (typeof depth === "number" && depth < 0) return this;
  return inspect({ encoding: this.encoding }, options);
});
defineInspect(TextDecoder.prototype, function (depth, _options, inspect) {
  if (typeof depth === "number" && depth < 0) return this;
  return `TextDecoder ${inspect({ encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM })}`;
});
