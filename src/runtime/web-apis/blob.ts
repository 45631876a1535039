/** The File API's Blob: immutable bytes with a MIME type. Its contents count against the allocation budget. */
import { allocateBytes } from "./allocation-budget.ts";
import { defineInspect, inspectFields, invalidArgType, invalidThis, webidlClass } from "./define.ts";
import { ReadableStream } from "./streams.ts";
import { registerPlatformObject } from "./structured-clone.ts";
import { utf8DecodeWithoutBOM } from "./decoders.ts";
import { bytesOf, utf8Length, utf8Write } from "./text-encoding.ts";

interface BlobState {
  /** Shared between slices and clones: a Blob's bytes never change. */
  bytes: Uint8Array;
  type: string;
}
const blobs = new WeakMap<object, BlobState>();
const STREAM_CHUNK = 65536;
let made: BlobState | undefined;

function blobState(self: unknown): BlobState {
  const state = blobs.get(self as object);
  if (!state) throw invalidThis("Blob");
  return state;
}

/** The standard's type rule: lower-cased, or empty if it holds anything but printable ASCII. */
const normalizeType = (type: string): string => (/^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : "");

function fromState(state: BlobState): Blob {
  made = state;
  try {
    return new Blob();
  } finally {
    made = undefined;
  }
}

export class Blob {
  constructor(parts: unknown = [], options: unknown = {}) {
    if (made) {
      blobs.set(this, made);
      return;
    }
    if (typeof parts !== "object" || parts === null || typeof (parts as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") {
      throw invalidArgType("Value cannot be converted to sequence.");
    }
    const pieces: (Uint8Array | string)[] = [];
    let size = 0;
    for (const part of parts as Iterable<unknown>) {
      const piece = blobs.get(part as object)?.bytes ?? bytesOf(part) ?? `${part as string}`.toWellFormed();
      size += typeof piece === "string" ? utf8Length(piece) : piece.length;
      pieces.push(piece);
    }
    const bytes = allocateBytes(size);
    let at = 0;
    for (const piece of pieces) {
      if (typeof piece === "string") at += utf8Write(piece, bytes, at)[1];
      else {
        bytes.set(piece, at);
        at += piece.length;
      }
    }
    const type = (options as { type?: unknown } | null)?.type;
    blobs.set(this, { bytes, type: type === undefined ? "" : normalizeType(`${type as string}`) });
  }
  get size(): number {
    return blobState(this).bytes.length;
  }
  get type(): string {
    return blobState(this).type;
  }
  slice(start?: unknown, end?: unknown, contentType?: unknown): Blob {
    const { bytes } = blobState(this);
    const size = bytes.length;
    const clamp = (value: unknown, fallback: number): number => {
      if (value === undefined) return fallback;
      const n = Math.trunc(Number(value)) || 0;
      return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
    };
    const from = clamp(start, 0);
    const to = clamp(end, size);
    const type = contentType === undefined ? "" : normalizeType(`${contentType as string}`);
    return fromState({ bytes: bytes.subarray(from, Math.max(from, to)), type });
  }
  text(): Promise<string> {
    try {
      // UTF-8 decode: replacement characters for bad bytes, a leading BOM dropped.
      return Promise.resolve(utf8DecodeWithoutBOM(blobState(this).bytes).replace(/^\uFEFF/, ""));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  bytes(): Promise<Uint8Array> {
    try {
      return Promise.resolve(copyBytes(this));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  /** The bytes in copies of at most 64 KiB each (counted against the budget as they are read). */
  stream(): ReadableStream<Uint8Array> {
    const { bytes } = blobState(this);
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        const end = Math.min(offset + STREAM_CHUNK, bytes.length);
        const chunk = allocateBytes(end - offset);
        chunk.set(bytes.subarray(offset, end));
        offset = end;
        controller.enqueue(chunk);
      },
    });
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    try {
      return Promise.resolve(copyBytes(this).buffer as ArrayBuffer);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
/** A copy of a Blob's bytes, counted against the allocation budget. */
function copyBytes(blob: Blob): Uint8Array {
  const { bytes } = blobState(blob);
  const copy = allocateBytes(bytes.length);
  copy.set(bytes);
  return copy;
}

webidlClass(Blob, "Blob");
defineInspect(Blob.prototype, function (depth, options, inspect) {
  return inspectFields(this, "Blob", { size: this.size, type: this.type }, depth, options, inspect);
});
registerPlatformObject((value) => blobs.has(value), (value) => fromState(blobState(value)));
