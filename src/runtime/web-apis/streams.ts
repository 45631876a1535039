/**
 * WHATWG streams from web-streams-polyfill (a pure implementation of the standard's reference
 * algorithms), the same code at build and in the browser. Its byte streams allocate through the
 * realm's ArrayBuffer, so they count against the allocation budget.
 */
import "./streams-prelude.ts";
import {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  ReadableByteStreamController,
  ReadableStream,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultController,
  WritableStreamDefaultWriter,
} from "web-streams-polyfill";
import { defineInspect, inspectFields } from "./define.ts";

export const STREAM_GLOBALS = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableByteStreamController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
} as const;

// A minifier may rename the classes; their names are part of the API.
for (const [name, cls] of Object.entries(STREAM_GLOBALS)) Object.defineProperty(cls, "name", { value: name });

// Print as Node prints its streams, not the polyfill's internal fields.
const state = (stream: object): unknown => (stream as { _state?: unknown })._state;
defineInspect(ReadableStream.prototype, function (depth, options, inspect) {
  const supportsBYOB = (this as unknown as { _readableStreamController?: object })._readableStreamController instanceof ReadableByteStreamController;
  return inspectFields(this, "ReadableStream", { locked: this.locked, state: state(this), supportsBYOB }, depth, options, inspect);
});
defineInspect(WritableStream.prototype, function (depth, options, inspect) {
  return inspectFields(this, "WritableStream", { locked: this.locked, state: state(this) }, depth, options, inspect);
});
defineInspect(TransformStream.prototype, function (depth, options, inspect) {
  return inspectFields(this, "TransformStream", { readable: this.readable, writable: this.writable, backpressure: (this as unknown as { _backpressure?: unknown })._backpressure }, depth, options, inspect);
});

export { ReadableStream };
