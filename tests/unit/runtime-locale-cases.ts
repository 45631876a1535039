/**
 * The locale and time-zone cases of runtime-locale.test.ts, in a module of their own so that a
 * test in another environment (a browser set to another locale and zone) can run the same ones.
 */
/** Cases whose output depends on the locale or the time zone: pinned, they must print what Node prints in en-US/UTC. */
export const pinned: Record<string, string> = {
  "DateTimeFormat defaults": `const o = new Intl.DateTimeFormat().resolvedOptions();\nconsole.log(o.locale, o.timeZone);\nconsole.log(Intl.DateTimeFormat().format(new Date(Date.UTC(2026, 2, 8, 23, 30))));`,
  "DateTimeFormat with options but no zone": `const f = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" });\nconsole.log(f.format(0), f.resolvedOptions().timeZone);\nconsole.log(new Intl.DateTimeFormat([], { hour: "numeric" }).formatToParts(0));`,
  "NumberFormat": `const f = new Intl.NumberFormat();\nconsole.log(f.format(1234567.891), f.resolvedOptions().locale);\nconsole.log(new Intl.NumberFormat(undefined, { style: "currency", currency: "EUR" }).format(1234.5));\nconsole.log(Intl.NumberFormat().format(-0.5));`,
  "Collator": `const c = new Intl.Collator();\nconsole.log(["z", "ä", "a", "Z", "B"].sort(c.compare), c.resolvedOptions().locale);`,
  "PluralRules and RelativeTimeFormat": `console.log(new Intl.PluralRules().select(1), new Intl.PluralRules().resolvedOptions().locale);\nconsole.log(new Intl.RelativeTimeFormat().format(-1, "day"), new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(1, "day"));`,
  "ListFormat, DisplayNames, Segmenter, DurationFormat": `console.log(new Intl.ListFormat().format(["a", "b", "c"]));\nconsole.log(new Intl.DisplayNames(undefined, { type: "region" }).of("DE"), new Intl.DisplayNames(undefined, { type: "language" }).of("fr"));\nconsole.log(new Intl.Segmenter().resolvedOptions().locale);\nconsole.log(new Intl.DurationFormat().format({ hours: 1, minutes: 30 }));`,
  "a locale the engine lacks falls back to en-US": `console.log((1234.5).toLocaleString("qaa"), new Intl.NumberFormat(["qaa", "qab"]).resolvedOptions().locale);`,
  "toLocaleString of numbers and bigints": `console.log((1234567.891).toLocaleString(), (0.5).toLocaleString(undefined, { style: "percent" }));\nconsole.log((12345678901234567890n).toLocaleString(), new Number(1e6).toLocaleString());`,
  "toLocaleString of arrays and typed arrays": `console.log([1234.5, new Date(Date.UTC(2026, 0, 1, 23)), "s", null].toLocaleString());\nconsole.log(new Float64Array([1234.5, 0.25]).toLocaleString());`,
  "toLocaleString of dates": `const d = new Date(Date.UTC(2026, 0, 1, 23, 30));\nconsole.log(d.toLocaleString());\nconsole.log(d.toLocaleDateString());\nconsole.log(d.toLocaleTimeString());\nconsole.log(d.toLocaleDateString(undefined, { weekday: "long", month: "long", day: "numeric" }));\nconsole.log(new Date(NaN).toLocaleString());`,
  "localeCompare, toLocaleUpperCase, toLocaleLowerCase": `console.log(["b", "a", "C", "ä", "é", "e"].sort((x, y) => x.localeCompare(y)));\nconsole.log("a".localeCompare("B"), "a".localeCompare("á", undefined, { sensitivity: "base" }));\nconsole.log("istanbul".toLocaleUpperCase(), "İ".toLocaleLowerCase().length);`,
  "local-time getters": `const d = new Date(Date.UTC(2026, 6, 1, 23, 30, 15, 250));\nconsole.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());\nconsole.log(d.getTimezoneOffset(), new Date(NaN).getTimezoneOffset(), (d as any).getYear());`,
  "local-time setters": `const d = new Date(Date.UTC(2026, 0, 31, 12));\nd.setHours(25, 61);\nconsole.log(d.toISOString());\nd.setDate(0); d.setMonth(13); d.setFullYear(2030, 1, 29);\nconsole.log(d.toISOString());\nd.setMinutes(-1, 5, 7); d.setSeconds(90); d.setMilliseconds(1500);\nconsole.log(d.toISOString(), (d as any).setYear(99), d.getFullYear());\nconsole.log(new Date(NaN).setHours(1), new Date(NaN).setFullYear(2020));`,
  "toString, toDateString, toTimeString": `const d = new Date(Date.UTC(2026, 6, 4, 5, 6, 7));\nconsole.log(d.toString());\nconsole.log(d.toDateString(), "|", d.toTimeString());\nconsole.log(String(d), \`\${d}\`, d + "");\nconsole.log(new Date(Date.UTC(-50, 0, 1)).toString(), new Date(Date.UTC(12345, 0, 1)).toDateString(), new Date(NaN).toString());`,
  "the Date constructor with local fields": `console.log(new Date(2026, 0, 1).toISOString(), new Date(2026, 2, 8, 2, 30).toISOString());\nconsole.log(new Date(99, 11, 31, 23, 59, 59, 999).toISOString(), new Date(2026, 0).getTime());\nconsole.log(new Date(2026, 0, 1, 10).getHours(), new Date(2026, NaN).getTime());`,
  "Date.parse of local-time strings": `for (const s of ["2026-01-01T10:00", "2026-03-08T02:30:00.5", "2026-01-01 10:00", "Jan 1 2026 10:00", "January 1, 2026", "2026/01/02", "01/02/2026 3:04 PM", "Mar 8 2026 02:30", "+002026-01-01T10:00", "2026-1-1"]) {\n  console.log(s, Date.parse(s), new Date(s).toISOString());\n}`,
  "new Date from objects and dates": `const d = new Date(2026, 0, 1);\nconsole.log(new Date(d).toISOString(), new Date({ valueOf: () => 0 }).toISOString(), new Date({ toString: () => "2026-01-01T10:00" } as any).toISOString());\nclass Stamp extends Date {}\nconsole.log(new Stamp(2026, 0, 1).toISOString(), new Stamp(2026, 0, 1) instanceof Date, new Date() instanceof Date);`,
  "Date() and the virtual now": `console.log(Date());\nconsole.log(new Date().toString(), new Date().getHours());`,
  "locales given as lists, Locale objects and odd values": `const locale = (x: any, C: any = Intl.NumberFormat) => new C(x).resolvedOptions().locale;
console.log(locale(["de", "en"]), locale(new Intl.Locale("fr-CA")), locale({ length: 1, 0: "ja" }), locale([, "it"]));
console.log(locale([]), locale(5), locale(["qaa"]));
console.log(locale(undefined, Intl.PluralRules), locale(["qaa"], Intl.PluralRules), locale("en-US", Intl.PluralRules), locale("en-GB", Intl.PluralRules), locale([], Intl.PluralRules));`,
  "Temporal": `console.log(Temporal.Now.timeZoneId(), String(Temporal.Now.instant()), String(Temporal.Now.plainDateTimeISO()));\nconsole.log(Temporal.PlainDateTime.from("2026-03-08T02:30").toLocaleString(), Temporal.Instant.from("2026-01-01T23:00:00Z").toLocaleString());\nconsole.log(Temporal.PlainDate.from("2026-03-08").toLocaleString(), Temporal.Duration.from("PT1H30M").toLocaleString());`,
};

/** Explicit locales and zones are the snippet's own, and absolute times are absolute: the same everywhere (with Node's ICU data). */
export const unaffected: Record<string, string> = {
  "Date.parse of absolute strings": `for (const s of ["2026-01-01", "2026-01", "2026", "2026-01-01T10:00Z", "2026-01-01T10:00+02:00", "Jan 1 2026 10:00 GMT", "Jan 1 2026 10:00 EST", "Jan 1 2026 10:00 +0200", "Thu, 01 Jan 2026 09:00:00 GMT", "Thu Jan 01 2026 09:00:00 GMT+0100 (CET)", "nonsense"]) {\n  console.log(s, Date.parse(s));\n}`,
  "an explicit locale": `console.log((1234.5).toLocaleString("de-DE"), new Intl.NumberFormat("fr").format(1234.5), ["ä", "z"].sort(new Intl.Collator("sv").compare));\nconsole.log(new Date(0).toLocaleDateString("de"), new Date(0).toLocaleString("ja-JP"), new Intl.DateTimeFormat("de").resolvedOptions().locale);\nconsole.log("i".toLocaleUpperCase("tr"), "a".localeCompare("B", "de"), new Intl.Locale("de").baseName);`,
  "an explicit time zone": `console.log(new Date(0).toLocaleString("en-US", { timeZone: "America/New_York" }), new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", timeStyle: "short" }).format(0));\nconsole.log(new Intl.DateTimeFormat(undefined, { timeZone: "Europe/Oslo" }).resolvedOptions().timeZone, Temporal.Now.zonedDateTimeISO("Europe/Oslo").toString());`,
  "wrapped built-ins keep their shape": `console.log(Intl.NumberFormat.name, Intl.NumberFormat.length, Intl.DateTimeFormat.length, new Intl.NumberFormat() instanceof Intl.NumberFormat, new Intl.Collator().constructor === Intl.Collator);
console.log(Date.length, Date.prototype.getHours.name, Date.prototype.setHours.length, Date.parse.name, Date.parse.length, "".localeCompare.length, (0).toLocaleString.length, [].toLocaleString.name);
class Money extends Intl.NumberFormat { constructor() { super(undefined, { style: "currency", currency: "USD" }); } }
console.log(new Money().format(5), new Money() instanceof Intl.NumberFormat, Intl.NumberFormat.supportedLocalesOf(["en-US", "qaa"]));
console.log(Object.getOwnPropertyNames(Date.prototype).length, Object.getOwnPropertyNames(Object.getPrototypeOf(Date.prototype)).length, Object.keys(Intl.DateTimeFormat.prototype));
const cyclic: unknown[] = [1];
cyclic.push(cyclic, [2, cyclic]);
console.log(cyclic.toLocaleString(), [, null, undefined, 3].toLocaleString());`,
  "errors from wrapped built-ins": `const attempt = (f: () => unknown) => { try { return f(); } catch (e: any) { return \`\${e.name}: \${e.message}\`; } };
console.log(attempt(() => Date.prototype.getHours.call({})), "|", attempt(() => Date.prototype.toString.call(1)), "|", attempt(() => Date.prototype.toLocaleString.call("x")));
console.log(attempt(() => Number.prototype.toLocaleString.call("x")), "|", attempt(() => String.prototype.localeCompare.call(null, "a")));
console.log(attempt(() => new Intl.DateTimeFormat(undefined, { timeZone: "Nowhere/City" })), "|", attempt(() => new Intl.NumberFormat("en_US")));
console.log(attempt(() => new Intl.NumberFormat(null as any)), "|", attempt(() => (Intl as any).PluralRules()), "|", attempt(() => (1).toLocaleString("en", { style: "currency" })));
console.log(attempt(() => new Date(Symbol() as any)), "|", attempt(() => new Date({ [Symbol.toPrimitive]: () => ({}) } as any)), "|", attempt(() => Date.parse(Symbol() as any)));`,
  "what is already UTC": `const d = new Date(Date.UTC(2026, 0, 1, 9));\nconsole.log(d, d.toISOString(), d.toUTCString(), d.toJSON(), d.getUTCHours());\nconsole.log({ d }, [d]);`,
};

