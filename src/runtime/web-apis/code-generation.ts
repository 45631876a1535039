/**
 * `eval`, `new Function` and its async and generator siblings refuse with one message wherever a
 * snippet runs: at build the vm context forbids code generation from strings, in the browser the
 * sandbox's Content Security Policy does, each with its own wording. The constructors become
 * Proxies that throw when called or constructed and forward everything else, so `instanceof
 * Function`, `Function.prototype`, `.name` and subclassing (until `super()`) behave as before, and
 * every function's `constructor` leads to a guard, never to a native constructor.
 */
export const NO_CODE_GENERATION = "snippets cannot compile code from strings (eval and new Function are disabled)";

const { defineProperty, getOwnPropertyDescriptor } = Reflect;

function refuse(): never {
  throw new EvalError(NO_CODE_GENERATION);
}

function guard<T extends object>(native: T, prototypeOf?: object): T {
  return new Proxy(native, {
    apply: refuse,
    construct: refuse,
    ...(prototypeOf ? { getPrototypeOf: () => prototypeOf } : {}),
  });
}

/** Points `owner.constructor` at `value`, keeping the property's attributes. */
function replaceConstructor(owner: object, value: object): void {
  const descriptor = getOwnPropertyDescriptor(owner, "constructor");
  defineProperty(owner, "constructor", { ...descriptor, value });
}

/** Installs the guards onto `global`, the global object of the realm this module was evaluated in. */
export function installCodeGenerationGuard(global: object): void {
  const FunctionGuard = guard(Function);
  replaceConstructor(Function.prototype, FunctionGuard);
  defineProperty(global, "Function", { value: FunctionGuard, writable: true, enumerable: false, configurable: true });
  const siblings = [async function () {}, function* () {}, async function* () {}].map((fn) => Object.getPrototypeOf(fn) as { constructor: object });
  for (const prototype of siblings) replaceConstructor(prototype, guard(prototype.constructor, FunctionGuard));
  const evalGuard = { eval: (_source: unknown): never => refuse() }.eval;
  defineProperty(global, "eval", { value: evalGuard, writable: true, enumerable: false, configurable: true });
}
