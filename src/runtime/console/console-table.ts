/**
 * `console.table` as Node prints it (lib/internal/console/constructor.js): an `(index)` column,
 * one column per key of the rows (or the `properties` asked for), a `Values` column for rows
 * that are primitives; Maps as `(iteration index) | Key | Values`, Sets as `(iteration index) |
 * Values`; anything that is not an object is logged as is. Cells are inspected one level deep
 * (`[Object]`), at most three array items, on one line.
 *
 * Unlike Node, a Map or Set iterator is not looked into (that would use it up): it is printed
 * as an object without keys.
 */
import { inspect } from "node-inspect-extracted";
import { invalidArgType, received } from "../web-apis/define.ts";
import { cliTable } from "./cli-table.ts";

const { isArray } = Array;
const { keys: objectKeys, values: objectValues, getOwnPropertyDescriptor, getPrototypeOf } = Object;
const hasOwn = (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key);
const mapSize = getOwnPropertyDescriptor(Map.prototype, "size")!.get!;
const setSize = getOwnPropertyDescriptor(Set.prototype, "size")!.get!;
const typedArrayTag = getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get!;

/** Brand checks, which a snippet cannot fool with `Symbol.toStringTag`. */
function hasBrand(getter: () => unknown, value: object): boolean {
  try {
    Reflect.apply(getter, value, []);
    return true;
  } catch {
    return false;
  }
}
const isMap = (value: object): value is Map<unknown, unknown> => hasBrand(mapSize, value);
const isSet = (value: object): value is Set<unknown> => hasBrand(setSize, value);
const isArrayLike = (value: unknown) => isArray(value) || Reflect.apply(typedArrayTag, value, []) !== undefined;

const INDEX = "(index)";
const ITERATION_INDEX = "(iteration index)";
const KEY = "Key";
const VALUES = "Values";

/** The table's text, or `undefined` when `data` is not an object and should be logged instead. */
export function formatTable(data: unknown, properties?: readonly PropertyKey[]): string | undefined {
  if (properties !== undefined && !isArray(properties)) {
    throw invalidArgType(`The "properties" argument must be an instance of Array. ${received(properties)}`);
  }
  if (data === null || typeof data !== "object") return undefined;

  const cell = (v: unknown) => {
    const depth = v !== null && typeof v === "object" && !isArrayLike(v) && objectKeys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  };
  const indexes = (length: number) => Array.from({ length }, (_, i) => cell(i));

  if (isMap(data)) {
    const keys: string[] = [];
    const values: string[] = [];
    for (const [k, v] of data) {
      keys.push(cell(k));
      values.push(cell(v));
    }
    return cliTable([ITERATION_INDEX, KEY, VALUES], [indexes(keys.length), keys, values]);
  }
  if (isSet(data)) {
    const values: string[] = [];
    for (const v of data) values.push(cell(v));
    return cliTable([ITERATION_INDEX, VALUES], [indexes(values.length), values]);
  }

  const map: Record<PropertyKey, string[]> = Object.create(null) as Record<PropertyKey, string[]>;
  let hasPrimitives = false;
  const valuesColumn: string[] = [];
  const indexColumn = objectKeys(data);
  for (let i = 0; i < indexColumn.length; i++) {
    const item = (data as Record<string, unknown>)[indexColumn[i]!];
    const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesColumn[i] = cell(item);
    } else {
      for (const key of properties ?? objectKeys(item as object)) {
        map[key] ??= [];
        map[key]![i] = (primitive && properties) || !hasOwn(item as object, key) ? "" : cell((item as Record<PropertyKey, unknown>)[key]);
      }
    }
  }
  const head = objectKeys(map);
  const columns = objectValues(map);
  if (hasPrimitives) {
    head.push(VALUES);
    columns.push(valuesColumn);
  }
  return cliTable([INDEX, ...head], [indexColumn, ...columns]);
}
