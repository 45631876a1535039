/**
 * lean-primordials.ts: node-inspect-extracted's primordials, built only for the names its source
 * mentions, must hold exactly what the package's own build holds under each of those names, in a
 * realm like a snippet's (a fresh vm context, no code generation from strings).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { leanInspectSource } from "../../src/integration/snippets/lean-primordials.ts";

const require = createRequire(import.meta.url);
const original = readFileSync(require.resolve("node-inspect-extracted"), "utf8");
const mentioned = [...new Set(original.match(/\b[A-Z][A-Za-z0-9_]*\b/g))];

/** Loads the package's source in a fresh context and returns its primordials module's object. */
function primordials(source: string): Record<string, unknown> {
  const exposed = source.replace(",683(t){", ",683(t){globalThis.primordialsModule=t;");
  expect(exposed).not.toBe(source);
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(`var module = { exports: {} }, exports = module.exports;\n${exposed}`, context);
  return (vm.runInContext("primordialsModule.exports", context) as Record<string, unknown>);
}

/** What a copy is, comparable across realms: its kind, and for a function what it does when called. */
function describeValue(value: unknown): string {
  if (typeof value === "object" || typeof value === "symbol") return typeof value;
  if (typeof value !== "function") return `${typeof value}:${String(value)}`;
  return `function/${value.length}`;
}

describe("lean primordials", () => {
  const full = primordials(original);
  const lean = primordials(leanInspectSource(original));

  it("has every name the package's source mentions that the full primordials have, and nothing else", () => {
    const wanted = mentioned.filter((name) => name in full).sort();
    expect(wanted.length).toBeGreaterThan(150);
    expect(mentioned.filter((name) => name in lean).sort()).toEqual(wanted);
    const names = (object: object) => Object.getOwnPropertyNames(object);
    for (const name of names(lean)) expect(name in full, name).toBe(true);
    // It is smaller, or there would be no point: the full copy holds thousands of names.
    expect(names(full).length).toBeGreaterThan(names(lean).length * 3);
  });

  it("holds the same kind of value under each of those names", () => {
    for (const name of mentioned.filter((n) => n in full)) expect(`${name} ${describeValue(lean[name])}`).toBe(`${name} ${describeValue(full[name])}`);
  });

  it("copies methods, accessors and symbol-keyed methods that behave as the originals", () => {
    const call = (name: string, ...args: unknown[]) => (lean[name] as (...a: unknown[]) => unknown)(...args);
    expect(call("ArrayPrototypeJoin", [1, 2, 3], "-")).toBe("1-2-3");
    expect(call("MapPrototypeGetSize", new Map([[1, 2]]))).toBe(1);
    expect((call("StringPrototypeSymbolIterator", "ab") as Iterator<string>).next().value).toBe("a");
    expect(call("NumberIsNaN", Number.NaN)).toBe(true);
    expect(call("MathMax", 1, 5, 3)).toBe(5);
  });

  it("refuses a build of the package it was not written for, saying which file to update", () => {
    expect(() => leanInspectSource(original.replaceAll("for(const l of o(t)){const o=f(l),s=r(t,l);", "for(const l of o(t)){const o=f(l);const s=r(t,l);"))).toThrow(/lean-primordials\.ts.*0 of 3/);
  });
});
