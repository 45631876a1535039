import { defineInspect, invalidThis, webidlClass } from "./define.ts";
import { registerPlatformObject } from "./structured-clone.ts";
import { parseUrlencoded, serializeUrlencoded } from "./percent-encoding.ts";

type Pair = [string, string];
interface ParamsState {
  list: Pair[];
  /** Called after every change, so the URL this object belongs to can update its query. */
  onUpdate: (() => void) | null;
}
const states = new WeakMap<object, ParamsState>();

/** Internal access for URL: the list of a URLSearchParams, and a hook for its changes. */
export function paramsState(params: URLSearchParams): ParamsState {
  return states.get(params)!;
}

function state(self: unknown): ParamsState {
  const found = states.get(self as object);
  if (!found) throw invalidThis("URLSearchParams");
  return found;
}

export const toUSVString = (value: unknown): string => `${value as string}`.toWellFormed();

export function missingArguments(...names: string[]): TypeError {
  const list = names.map((name) => `"${name}"`).join(" and ");
  return Object.assign(new TypeError(`The ${list} argument${names.length > 1 ? "s" : ""} must be specified`), { code: "ERR_MISSING_ARGS" });
}

function invalidTuple(): TypeError {
  return Object.assign(new TypeError("Each query pair must be an iterable [name, value] tuple"), { code: "ERR_INVALID_TUPLE" });
}

function changed(params: ParamsState): void {
  params.onUpdate?.();
}

/** The URL Standard's URLSearchParams. */
export class URLSearchParams {
  constructor(init: unknown = "") {
    const list: Pair[] = [];
    states.set(this, { list, onUpdate: null });
    if ((typeof init === "object" && init !== null) || typeof init === "function") {
      const iterate = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
      if (iterate !== undefined && iterate !== null) {
        if (typeof iterate !== "function") throw Object.assign(new TypeError("Query pairs must be iterable"), { code: "ERR_ARG_NOT_ITERABLE" });
        for (const pair of init as Iterable<unknown>) {
          if ((typeof pair !== "object" && typeof pair !== "function") || pair === null || typeof (pair as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") {
            throw invalidTuple();
          }
          const items = Array.from(pair as Iterable<unknown>, toUSVString);
          if (items.length !== 2) throw invalidTuple();
          list.push(items as Pair);
        }
      } else {
        const seen = new Map<string, number>();
        for (const key of Reflect.ownKeys(init)) {
          const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
          if (!descriptor?.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString((init as Record<PropertyKey, unknown>)[key]);
          const index = seen.get(name);
          if (index !== undefined) list[index]![1] = value;
          else seen.set(name, list.push([name, value]) - 1);
        }
      }
    } else {
      const text = toUSVString(init);
      list.push(...parseUrlencoded(text.startsWith("?") ? text.slice(1) : text));
    }
  }
  get size(): number {
    return state(this).list.length;
  }
  append(name: unknown, value: unknown): void {
    const params = state(this);
    if (arguments.length < 2) throw missingArguments("name", "value");
    params.list.push([toUSVString(name), toUSVString(value)]);
    changed(params);
  }
  delete(name: unknown, value?: unknown): void {
    const params = state(this);
    if (arguments.length < 1) throw missingArguments("name");
    const key = toUSVString(name);
    const only = value === undefined ? undefined : toUSVString(value);
    const kept = params.list.filter(([n, v]) => n !== key || (only !== undefined && v !== only));
    params.list.splice(0, params.list.length, ...kept);
    changed(params);
  }
  get(name: unknown): string | null {
    const params = state(this);
    if (arguments.length < 1) throw missingArguments("name");
    const key = toUSVString(name);
    return params.list.find(([n]) => n === key)?.[1] ?? null;
  }
  getAll(name: unknown): string[] {
    const params = state(this);
    if (arguments.length < 1) throw missingArguments("name");
    const key = toUSVString(name);
    return params.list.filter(([n]) => n === key).map(([, v]) => v);
  }
  has(name: unknown, value?: unknown): boolean {
    const params = state(this);
    if (arguments.length < 1) throw missingArguments("name");
    const key = toUSVString(name);
    const only = value === undefined ? undefined : toUSVString(value);
    return params.list.some(([n, v]) => n === key && (only === undefined || v === only));
  }
  set(name: unknown, value: unknown): void {
    const params = state(this);
    if (arguments.length < 2) throw missingArguments("name", "value");
    const key = toUSVString(name);
    const text = toUSVString(value);
    const first = params.list.findIndex(([n]) => n === key);
    if (first < 0) params.list.push([key, text]);
    else {
      params.list[first] = [key, text];
      const kept = params.list.filter(([n], index) => n !== key || index === first);
      params.list.splice(0, params.list.length, ...kept);
    }
    changed(params);
  }
  sort(): void {
    const params = state(this);
    // Stable, by UTF-16 code units, as the standard says.
    params.list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    changed(params);
  }
  forEach(callback: unknown, thisArg?: unknown): void {
    const params = state(this);
    if (typeof callback !== "function") {
      throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${callback === undefined ? "undefined" : typeof callback}`), { code: "ERR_INVALID_ARG_TYPE" });
    }
    for (let i = 0; i < params.list.length; i++) {
      const [name, value] = params.list[i]!;
      Reflect.apply(callback, thisArg, [value, name, this]);
    }
  }
  keys(): URLSearchParamsIterator {
    return new URLSearchParamsIterator(state(this), "key");
  }
  values(): URLSearchParamsIterator {
    return new URLSearchParamsIterator(state(this), "value");
  }
  entries(): URLSearchParamsIterator {
    return new URLSearchParamsIterator(state(this), "key+value");
  }
  toString(): string {
    return serializeUrlencoded(state(this).list);
  }
  declare [Symbol.iterator]: () => URLSearchParamsIterator;
}
webidlClass(URLSearchParams, "URLSearchParams");
registerPlatformObject((value) => states.has(value), null);
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries,
  writable: true,
  enumerable: false,
  configurable: true,
});

type Kind = "key" | "value" | "key+value";
const iterators = new WeakMap<object, { params: ParamsState; kind: Kind; index: number }>();

/** The iterator `keys()`, `values()` and `entries()` return; it sees later changes, as the standard says. */
class URLSearchParamsIterator {
  constructor(params: ParamsState, kind: Kind) {
    iterators.set(this, { params, kind, index: 0 });
  }
  next(): IteratorResult<string | Pair> {
    const it = iterators.get(this);
    if (!it) throw invalidThis("URLSearchParamsIterator");
    const pair = it.params.list[it.index];
    if (!pair) return { value: undefined, done: true };
    it.index++;
    return { value: it.kind === "key" ? pair[0] : it.kind === "value" ? pair[1] : [pair[0], pair[1]], done: false };
  }
}
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
webidlClass(URLSearchParamsIterator, "URLSearchParams Iterator");
// Not a global: its constructor is not exposed, as on the platform.
delete (URLSearchParamsIterator.prototype as { constructor?: unknown }).constructor;

defineInspect(URLSearchParams.prototype, function (depth, options, inspect) {
  const { list } = state(this);
  if (typeof depth === "number" && depth < 0) return options.stylize ? options.stylize("[Object]", "special") : "[Object]";
  const inner = { ...options, ...(depth === null ? {} : { depth: depth - 1 }) };
  const output = list.map(([name, value]) => `${inspect(name, inner)} => ${inspect(value, inner)}`);
  const length = output.reduce((sum, item) => sum + item.length + 2, -2);
  const name = (this.constructor as { name?: unknown } | undefined)?.name;
  if (length > (options.breakLength ?? 80)) return `${String(name)} {\n  ${output.join(",\n  ")} }`;
  return output.length ? `${String(name)} { ${output.join(", ")} }` : `${String(name)} {}`;
});

defineInspect(URLSearchParamsIterator.prototype, function (depth, options, inspect) {
  const it = iterators.get(this);
  if (!it) throw invalidThis("URLSearchParamsIterator");
  if (typeof depth === "number" && depth < 0) return options.stylize ? options.stylize("[Object]", "special") : "[Object]";
  const inner = { ...options, ...(depth === null ? {} : { depth: depth - 1 }) };
  const rest = it.params.list.slice(it.index).map(([name, value]) => (it.kind === "key" ? name : it.kind === "value" ? value : [name, value]));
  const parts = rest.map((item) => inspect(item, inner));
  const body = inspect(rest, inner).includes("\n") ? `\n  ${parts.join(",\n  ")}` : ` ${parts.join(", ")}`;
  return `URLSearchParams Iterator {${body} }`;
});
