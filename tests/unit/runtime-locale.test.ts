/**
 * The locale (en-US) and time zone (UTC) snippets run in, whatever the machine says. Each case
 * runs in Daybook's runtime inside vm contexts of Node processes set to German and New York time,
 * and to Turkish and India's time (TZ, LANG, LC_ALL: a context's ICU default and zone come from
 * there), through a SnippetPool started from the German one (its hosts get an empty environment),
 * and in vm contexts of a process set to en-US/UTC; all must print what plain Node prints under
 * en-US/UTC. The pinned cases also run in plain Node abroad, to show that they do depend on the
 * locale or the zone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { pinned, unaffected } from "./runtime-locale-cases.ts";
import { evaluateBare, FOREIGN_ENV, inBatches, OTHER_FOREIGN_ENV, PINNED_ENV, runInNode, runInPool, runInVmContexts } from "./runtime-harness.ts";

const cases = { ...pinned, ...unaffected };
const names = Object.keys(cases);
const sources = names.map((name) => transpileSnippet(cases[name]!));
const pinnedNames = Object.keys(pinned);
let reference: string[] = [];
let abroad: string[] = [];
let elsewhere: string[] = [];
let contextsAbroad: string[] = [];
let contextsElsewhere: string[] = [];
let contextsAtHome: string[] = [];
let poolAbroad: string[] = [];

beforeAll(async () => {
  const outputs = (results: Promise<{ output: string }[]>) => results.then((list) => list.map((result) => result.output));
  [reference, abroad, elsewhere, contextsAbroad, contextsElsewhere, contextsAtHome, poolAbroad] = await Promise.all([
    inBatches(names.map((name) => () => runInNode(cases[name]!, PINNED_ENV))),
    inBatches(pinnedNames.map((name) => () => runInNode(cases[name]!, FOREIGN_ENV))),
    inBatches(pinnedNames.map((name) => () => runInNode(cases[name]!, OTHER_FOREIGN_ENV))),
    outputs(runInVmContexts(sources, FOREIGN_ENV)),
    outputs(runInVmContexts(sources, OTHER_FOREIGN_ENV)),
    outputs(runInVmContexts(sources, PINNED_ENV)),
    outputs(runInPool(sources, FOREIGN_ENV)),
  ]);
});

describe("the foreign environment is foreign", () => {
  it("a bare vm context there defaults to the machine's locale and zone", async () => {
    const probe = "[Intl.DateTimeFormat().resolvedOptions().locale, Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(0).getHours()]";
    expect(await evaluateBare(probe, FOREIGN_ENV)).toEqual(["de-DE", "America/New_York", 19]);
    expect(await evaluateBare(probe, OTHER_FOREIGN_ENV)).toEqual(["tr-TR", "Asia/Calcutta", 5]);
  });
  it.each(pinnedNames.map((name, index) => [name, index] as const))("plain Node prints something else there: %s", (name, index) => {
    const home = reference[names.indexOf(name)];
    expect(abroad[index] !== home || elsewhere[index] !== home).toBe(true);
  });
});

describe("snippets print as in en-US and UTC, wherever they run", () => {
  it.each(names.map((name, index) => [name, index] as const))("%s", (_name, index) => {
    expect(contextsAbroad[index]).toBe(reference[index]);
    expect(contextsElsewhere[index]).toBe(reference[index]);
    expect(poolAbroad[index]).toBe(reference[index]);
    expect(contextsAtHome[index]).toBe(reference[index]);
  });
});

/** What has no reference in Node: the virtual clock, and the cached formatters behind the common calls. */
const runtimeOnly: [name: string, code: string, expected: string][] = [
  [
    "Date looks like the native (fake-timers' class is ClockDate, or a minified name in the browser, and carries its clock)",
    `console.log(Date.name, Object.getOwnPropertyDescriptor(Date, "name")!.value, new Date(0).constructor.name, Date, [Date]);\nconsole.log(Object.getOwnPropertyNames(Date), Object.keys(Date), "clock" in Date, (Date as any).clock, String(Date));\nconsole.log(Date.prototype.constructor === Date, new Date.prototype.constructor(2026, 0, 1, 10).toISOString());`,
    "Date Date Date [Function: Date] [ [Function: Date] ]\n[ 'length', 'name', 'prototype', 'now', 'parse', 'UTC' ] [] false undefined function Date() { [native code] }\ntrue 2026-01-01T10:00:00.000Z",
  ],
  [
    "format() with no date formats the virtual now",
    `const f = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });\nconsole.log(f.format(), f.formatToParts()[0]);\nawait new Promise((r) => setTimeout(r, 61_000));\nconsole.log(Intl.DateTimeFormat().format(), f.format());\nconsole.log(f.format === f.format, f.format.name === "", f.format.length, [0, 86_400_000].map(new Intl.DateTimeFormat().format));`,
    "Jan 1, 2026, 9:00:00 AM { type: 'month', value: 'Jan' }\n1/1/2026 Jan 1, 2026, 9:01:01 AM\ntrue true 1 [ '1/1/1970', '1/2/1970' ]",
  ],
  [
    "the cached formatters give what the built-ins give",
    `const locales = [undefined, "en-US", "de", "fr-CA", "ja", "ar-EG", "hi-IN", "zh-Hant-TW", "tr", "qaa"];
const times = [0, Date.UTC(2026, 2, 8, 7, 30), Date.UTC(1999, 11, 31, 23, 59, 59), -1e12, 8.64e15];
const numbers: (number | bigint)[] = [0, -0, 1234567.891, -0.5, 1e21, NaN, Infinity, 12345678901234567890n];
const differ: unknown[] = [];
for (const locale of locales) {
  for (const time of times) {
    for (const method of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"] as const) {
      const date = new Date(time);
      if (date[method](locale) !== date[method](locale, {})) differ.push([locale, time, method]);
    }
  }
  for (const n of numbers) if (n.toLocaleString(locale) !== n.toLocaleString(locale, {})) differ.push([locale, n]);
  for (const [a, b] of [["a", "B"], ["ä", "z"], ["", "a"], ["résumé", "resume"], ["ı", "i"]]) {
    if (a!.localeCompare(b!, locale) !== a!.localeCompare(b!, locale, {})) differ.push([locale, a, b]);
  }
}
console.log(differ.length ? differ : "same");`,
    "same",
  ],
];

describe("the virtual clock and the fast paths", () => {
  let results: string[][] = [];
  beforeAll(async () => {
    const sources = runtimeOnly.map(([, code]) => transpileSnippet(code));
    results = await Promise.all([FOREIGN_ENV, OTHER_FOREIGN_ENV, PINNED_ENV].map((env) => runInVmContexts(sources, env).then((list) => list.map((result) => result.output))));
  });
  it.each(runtimeOnly.map(([name, , expected], index) => [name, expected, index] as const))("%s", (_name, expected, index) => {
    for (const outputs of results) expect(outputs[index]).toBe(expected);
  });
});
