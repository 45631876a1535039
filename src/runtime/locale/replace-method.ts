/** Replacing built-in methods and constructors so that the replacements look like the natives. */
const { defineProperty, getOwnPropertyDescriptor } = Reflect;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fn = (this: any, ...args: any[]) => any;

/**
 * Replaces `target[key]` with `make(native)`, keeping the property's attributes and the
 * native's `name` and `length`. `make` should return a method (not constructible, like the
 * natives), e.g. `({ m(...args) {…} }).m`. Does nothing when there is no such method.
 */
export function replaceMethod(target: object, key: PropertyKey, make: (native: Fn) => Fn): void {
  const descriptor = getOwnPropertyDescriptor(target, key);
  if (!descriptor || typeof descriptor.value !== "function") return;
  const native = descriptor.value as Fn;
  const replacement = make(native);
  defineProperty(replacement, "name", { value: native.name, configurable: true });
  defineProperty(replacement, "length", { value: native.length, configurable: true });
  defineProperty(target, key, { ...descriptor, value: replacement });
}

/**
 * A Proxy of `Native` whose construct and call pass their arguments through `pin` (and the
 * object made, with the original arguments, to `created`). Its `prototype.constructor` points at
 * the proxy, so `instanceof`, `.name`, `.length`, statics and subclassing behave as before.
 */
export function pinConstructor<T extends object>(Native: T, pin: (args: unknown[]) => unknown[], created?: (instance: unknown, args: unknown[]) => void): T {
  const { apply, construct } = Reflect;
  const proxy = new Proxy(Native, {
    construct: (target, args, newTarget) => {
      const instance = construct(target as never, pin(args), newTarget) as object;
      created?.(instance, args);
      return instance;
    },
    apply: (target, self, args) => {
      const instance = apply(target as Fn, self, pin(args)) as unknown;
      created?.(instance, args);
      return instance;
    },
  });
  const prototype = (Native as { prototype?: object }).prototype;
  const descriptor = prototype && getOwnPropertyDescriptor(prototype, "constructor");
  if (prototype && descriptor) defineProperty(prototype, "constructor", { ...descriptor, value: proxy });
  return proxy;
}
