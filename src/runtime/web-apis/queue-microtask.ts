/**
 * HTML's queueMicrotask, on the realm's own promise job queue (the only microtask queue a bare
 * ECMAScript realm has). A callback that throws becomes an unhandled rejection, which the
 * snippet runner reports as the snippet's error, as Node reports an uncaught exception.
 */
const { apply } = Reflect;
const then = Promise.prototype.then as (this: Promise<void>, onFulfilled: () => unknown) => Promise<unknown>;
const resolved = Promise.resolve();

export function queueMicrotask(callback: unknown): void {
  if (typeof callback !== "function") {
    const received = callback === undefined || callback === null ? String(callback) : `type ${typeof callback} (${String(callback as string)})`;
    throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${received}`), { code: "ERR_INVALID_ARG_TYPE" });
  }
  apply(then, resolved, [() => apply(callback, undefined, [])]);
}
