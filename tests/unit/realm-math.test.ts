/**
 * The realm's deterministic Math functions, evaluated where they run at build (the realm bundle
 * inside a codegen-free vm context), checked against a 40-digit reference (decimal.js): within
 * one ulp (fdlibm's bound) for every function but six whose fdlibm or V8 algorithm allows up to
 * two. Special values follow ECMAScript exactly (compared with Node's native Math); the functions
 * look like Math's own; and the `**` operator stays V8's (it cannot be intercepted).
 */
import Decimal from "decimal.js";
import { build } from "esbuild";
import vm from "node:vm";
import { beforeAll, describe, expect, test } from "vitest";

let realm: vm.Context;
const run = (source: string): unknown => new vm.Script(source).runInContext(realm);

beforeAll(async () => {
  const bundle = await build({ entryPoints: ["src/runtime/realm.ts"], bundle: true, format: "iife", globalName: "DaybookRealm", platform: "neutral", mainFields: ["module", "main"], write: false, logLevel: "silent" });
  realm = vm.createContext(vm.constants.DONT_CONTEXTIFY, { codeGeneration: { strings: false, wasm: false }, microtaskMode: "afterEvaluate" });
  run(bundle.outputFiles[0]!.text);
  run("DaybookRealm.installRealm(globalThis)");
});

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
type Dec = InstanceType<typeof D>;
const f64 = new Float64Array(1);
const bits = new BigUint64Array(f64.buffer);

/** The exact decimal value of a finite double. */
function exact(x: number): Dec {
  f64[0] = x;
  const b = bits[0]!;
  const biased = Number((b >> 52n) & 0x7ffn);
  let mantissa = b & ((1n << 52n) - 1n);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  const sign = b >> 63n ? "-" : "";
  if (exponent >= 0) return new D(sign + (mantissa << BigInt(exponent)).toString());
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString().padStart(-exponent + 1, "0");
  return new D(`${sign}${digits.slice(0, digits.length + exponent)}.${digits.slice(digits.length + exponent)}`);
}

/** |x - reference| in units of the last place of the double nearest the reference. */
function ulpError(x: number, reference: Dec): number {
  const nearest = Math.abs(Number(reference.toString()));
  f64[0] = nearest;
  bits[0] = bits[0]! + 1n;
  const ulp = exact(f64[0]).minus(exact(nearest));
  return exact(x).minus(reference).abs().div(ulp).toNumber();
}

const references: Record<string, (...args: Dec[]) => Dec> = {
  exp: (x) => x.exp(),
  expm1: (x) => x.exp().minus(1),
  log: (x) => x.ln(),
  log1p: (x) => x.plus(1).ln(),
  log2: (x) => x.log(2),
  log10: (x) => x.log(10),
  sin: (x) => x.sin(),
  cos: (x) => x.cos(),
  tan: (x) => x.tan(),
  asin: (x) => x.asin(),
  acos: (x) => x.acos(),
  atan: (x) => x.atan(),
  sinh: (x) => x.sinh(),
  cosh: (x) => x.cosh(),
  tanh: (x) => x.tanh(),
  asinh: (x) => x.asinh(),
  acosh: (x) => x.acosh(),
  atanh: (x) => x.atanh(),
  cbrt: (x) => x.cbrt(),
  pow: (x, y) => x.pow(y),
  atan2: (y, x) => D.atan2(y, x),
  hypot: (x, y) => x.times(x).plus(y.times(y)).sqrt(),
};

/** Input ranges per function (one argument, or two); expm1 and log1p also near zero, where they matter. */
const domains: Record<string, [number, number][]> = {
  exp: [[-745, 709], [-1, 1]],
  expm1: [[-40, 40], [-1e-5, 1e-5]],
  log: [[0, 1e6], [0.5, 2], [1e-300, 1e-250]],
  log1p: [[-1, 100], [-1e-5, 1e-5]],
  log2: [[0, 1e6], [0.5, 2]],
  log10: [[0, 1e6], [0.5, 2]],
  sin: [[-10, 10], [-1e6, 1e6]],
  cos: [[-10, 10], [-1e6, 1e6]],
  tan: [[-10, 10], [-1e6, 1e6]],
  asin: [[-1, 1]],
  acos: [[-1, 1]],
  atan: [[-50, 50], [-1, 1]],
  sinh: [[-700, 700], [-2, 2]],
  cosh: [[-700, 700], [-2, 2]],
  tanh: [[-20, 20], [-1, 1]],
  asinh: [[-1e6, 1e6], [-2, 2]],
  acosh: [[1, 1e6], [1, 3]],
  atanh: [[-1, 1]],
  cbrt: [[-1e6, 1e6], [-1e-300, 1e-300]],
  pow: [[0, 100]],
  atan2: [[-10, 10]],
  hypot: [[-1e3, 1e3], [-1e-300, 1e-300]],
};

/** fdlibm's sinh, cosh, tanh, atanh and atan2 and V8's hypot (kept so results match Node's) are not bound to one ulp. */
const bound = (name: string): number => (["sinh", "cosh", "tanh", "atanh", "atan2", "hypot"].includes(name) ? 2 : 1);

const PER_RANGE = 150;

describe("accuracy against a 40-digit reference, in the vm context", () => {
  test.each(Object.keys(references))("%s", (name) => {
    const binary = ["pow", "atan2", "hypot"].includes(name);
    const cases = JSON.parse(
      run(`(() => {
        let seed = ${name.length * 7919};
        const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
        const out = [];
        for (const [lo, hi] of ${JSON.stringify(domains[name])}) {
          for (let i = 0; i < ${PER_RANGE}; i++) {
            const x = lo + (hi - lo) * next();
            const y = ${name === "pow" ? "(next() * 2 - 1) * 30" : "lo + (hi - lo) * next()"};
            const args = ${binary} ? [x, y] : [x];
            out.push([args, Math.${name}(...args)]);
          }
        }
        return JSON.stringify(out);
      })()`) as string,
    ) as [number[], number][];
    let worst = 0;
    for (const [args, result] of cases) {
      const reference = references[name]!(...args.map(exact));
      if (!reference.isFinite() || reference.isZero()) continue;
      worst = Math.max(worst, ulpError(result, reference));
    }
    expect(cases.length).toBe(domains[name]!.length * PER_RANGE);
    expect(worst).toBeLessThan(bound(name));
  });

  test("huge arguments of sin, cos and tan are reduced exactly", () => {
    const big = [1e22, 1e300, 2 ** 1000 * 1.5, 1.7976931348623157e308, 123456789012345.6];
    const results = JSON.parse(run(`JSON.stringify(${JSON.stringify(big)}.map((x) => [Math.sin(x), Math.cos(x), Math.tan(x)]))`) as string) as number[][];
    const P = D.clone({ precision: 400 });
    for (const [i, x] of big.entries()) {
      const X = new P(exact(x));
      const [s, c, t] = results[i]!;
      for (const [value, reference] of [[s, X.sin()], [c, X.cos()], [t, X.tan()]] as const) expect(ulpError(value!, new D(reference))).toBeLessThan(1);
    }
  });
});

const specials = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 710, -746, 1e-20, -1e-20];
/** The specials as array-literal source (JSON would turn -0 into 0). */
const specialsSource = `[${specials.map((x) => (Object.is(x, -0) ? "-0" : String(x))).join(", ")}]`;

describe("special values follow ECMAScript (as Node's native Math does)", () => {
  const unary = ["exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt"];
  /** Results ECMAScript fixes (NaN, ±0, ±Infinity, exact values), compared by Object.is; anything else is left to the accuracy tests. */
  const fixed = (x: number) => Number.isNaN(x) || !Number.isFinite(x) || x === 0 || Number.isInteger(x);
  test.each(unary)("%s", (name) => {
    const ours = JSON.parse(run(`JSON.stringify(${specialsSource}.map((x) => String(Object.is(Math.${name}(x), -0) ? "-0" : Math.${name}(x))))`) as string) as string[];
    specials.forEach((x, i) => {
      const native = (Math as unknown as Record<string, (x: number) => number>)[name]!(x);
      if (fixed(native)) expect([name, x, ours[i]]).toEqual([name, x, Object.is(native, -0) ? "-0" : String(native)]);
    });
  });

  test.each(["pow", "atan2", "hypot"])("%s on every pair", (name) => {
    const ours = JSON.parse(
      run(`(() => { const s = ${specialsSource}; const out = []; for (const x of s) for (const y of s) { const r = Math.${name}(x, y); out.push(Object.is(r, -0) ? "-0" : String(r)); } return JSON.stringify(out); })()`) as string,
    ) as string[];
    let k = 0;
    for (const x of specials) {
      for (const y of specials) {
        const native = (Math as unknown as Record<string, (x: number, y: number) => number>)[name]!(x, y);
        const mine = ours[k++];
        if (fixed(native)) expect([name, x, y, mine]).toEqual([name, x, y, Object.is(native, -0) ? "-0" : String(native)]);
      }
    }
  });

  test("Math.hypot takes any number of arguments, converting each first", () => {
    expect(JSON.parse(run(`JSON.stringify([Math.hypot(), Math.hypot(3), Math.hypot(3, 4), Math.hypot(1, 2, 2), Math.hypot(NaN, Infinity), Math.hypot("3", { valueOf: () => 4 })])`) as string)).toEqual([0, 3, 5, 3, null, 5]);
    expect(run(`(() => { const order = []; Math.hypot({ valueOf() { order.push(1); return NaN; } }, { valueOf() { order.push(2); return 1; } }); return order.join(); })()`)).toBe("1,2");
  });
});

describe("the replacements look like Math's own functions", () => {
  test("names, lengths, attributes, and not constructors", () => {
    const shape = `["exp", "log", "sin", "atan2", "pow", "hypot", "cbrt"].map((name) => { const d = Object.getOwnPropertyDescriptor(Math, name); let constructs; try { new Math[name](1); constructs = true; } catch (e) { constructs = e.constructor.name; } return [name, Math[name].name, Math[name].length, d.enumerable, d.writable, d.configurable, constructs]; })`;
    expect(JSON.parse(run(`JSON.stringify(${shape})`) as string)).toEqual(JSON.parse(JSON.stringify(vm.runInThisContext(shape))));
  });

  test("arguments are converted as Math converts them (BigInt and Symbol refused)", () => {
    const body = `[Math.exp("1"), Math.pow("2", [3]), Math.atan2(null, true), ...[() => Math.exp(1n), () => Math.sin(Symbol())].map((f) => { try { return f(); } catch (e) { return e.constructor.name + ": " + e.message; } })]`;
    expect(JSON.parse(run(`JSON.stringify(${body})`) as string)).toEqual(JSON.parse(JSON.stringify(vm.runInThisContext(body))));
  });

  test("sqrt, fround, floor and the other exact functions stay native", () => {
    expect(run(`[Math.sqrt, Math.fround, Math.abs, Math.floor, Math.ceil, Math.round, Math.trunc, Math.sign, Math.imul, Math.clz32, Math.max, Math.min, Math.pow].every((f) => Function.prototype.toString.call(f).includes("[native code]"))`)).toBe(true);
    expect(run(`Function.prototype.toString.call(Math.exp).includes("[native code]")`)).toBe(false);
  });

  test("Math.pow stays V8's own, as the ** operator is, so the two always agree", () => {
    const disagreement = run(`(() => { let seed = 1; for (let i = 0; i < 100000; i++) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; const x = seed / 4294967296 * 100, y = (i % 61) - 30 + 0.5; if (Math.pow(x, y) !== x ** y) return [x, y]; } return null; })()`);
    expect(disagreement).toBeNull();
    expect(run("Math.pow(10, -5) === 0.00001 && 10 ** -5 === 0.00001")).toBe(true);
  });

});
