import { afterEach, describe, expect, it } from "vitest";
import { canonicalTimeZone, startOfDay, zonedIsoDate } from "../../src/lib/time-zone.ts";
import { journalToday, readJournalToday } from "../../src/lib/journal-today.ts";
import { checkedTimeZone, daybookSettings } from "../../src/integration/daybook-settings.ts";
import config from "../../daybook.config.ts";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";

// Every assertion runs under several machine zones: the journal's zone alone decides "today".
const MACHINE_ZONES = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"];
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
function underEveryMachineZone(check: () => void): void {
  for (const zone of MACHINE_ZONES) {
    process.env.TZ = zone;
    check();
  }
}

describe("the date in the journal's time zone", () => {
  // 23:00 UTC on 22 November is 08:00 on the 23rd in Tokyo: the author's morning.
  const tokyoMorning = new Date("2026-11-22T23:00:00Z");

  it.each([
    ["UTC", "2026-11-22"],
    ["Asia/Tokyo", "2026-11-23"],
    ["America/Los_Angeles", "2026-11-22"],
    ["Pacific/Kiritimati", "2026-11-23"], // UTC+14
    ["Pacific/Pago_Pago", "2026-11-22"], // UTC-11
  ])("in %s it is %s", (zone, date) => underEveryMachineZone(() => expect(zonedIsoDate(tokyoMorning, zone)).toBe(date)));

  it("is set by DAYBOOK_NOW (an instant) or DAYBOOK_TODAY (a date), never by the machine's TZ", () => {
    underEveryMachineZone(() => {
      const clock = new Date("2031-01-01T12:00:00Z"); // ignored when a variable is set
      expect(journalToday({ DAYBOOK_NOW: "2026-11-22T23:00:00Z" }, "Asia/Tokyo", clock)).toBe("2026-11-23");
      expect(journalToday({ DAYBOOK_NOW: "2026-11-22T23:00:00Z" }, "UTC", clock)).toBe("2026-11-22");
      expect(journalToday({ DAYBOOK_NOW: "2026-11-23T08:00+09:00" }, "UTC", clock)).toBe("2026-11-22");
      expect(journalToday({ DAYBOOK_TODAY: "2026-11-19", DAYBOOK_NOW: "2026-11-22T23:00:00Z" }, "Asia/Tokyo", clock)).toBe("2026-11-19");
      expect(journalToday({}, "Asia/Tokyo", tokyoMorning)).toBe("2026-11-23");
    });
  });

  it.each([
    ["2026-11-22T23:00", "no offset, so it would mean the machine's zone"],
    ["2026-11-22", "a date alone"],
    ["2026-02-30T10:00:00Z", "a day that does not exist"],
    ["yesterday", "words"],
  ])("refuses DAYBOOK_NOW=%s (%s)", (value) => {
    expect(readJournalToday({ DAYBOOK_NOW: value }, "UTC")).toEqual({ message: expect.stringContaining(`DAYBOOK_NOW is "${value}"`), fix: expect.stringContaining("Z for UTC") });
    expect(() => journalToday({ DAYBOOK_NOW: value }, "UTC")).toThrow(/DAYBOOK_NOW .*unset DAYBOOK_NOW/);
  });
});

describe("the start of a day in a zone (the feed's pubDate)", () => {
  it.each([
    ["UTC", "2026-11-23", "2026-11-23T00:00:00.000Z"],
    ["Asia/Tokyo", "2026-11-23", "2026-11-22T15:00:00.000Z"],
    ["America/Los_Angeles", "2026-11-23", "2026-11-23T08:00:00.000Z"],
    ["America/Los_Angeles", "2026-07-01", "2026-07-01T07:00:00.000Z"], // summer time
    ["Europe/London", "2026-03-29", "2026-03-29T00:00:00.000Z"], // the clocks go forward at 01:00
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"], // midnight is skipped: the day starts at 01:00
    ["Pacific/Kiritimati", "2026-01-01", "2025-12-31T10:00:00.000Z"],
  ])("%s, %s starts at %s", (zone, date, instant) =>
    underEveryMachineZone(() => {
      const start = startOfDay(date, zone);
      expect(start.toISOString()).toBe(instant);
      expect(zonedIsoDate(start, zone)).toBe(date);
      expect(zonedIsoDate(new Date(start.getTime() - 1), zone) < date).toBe(true);
    }),
  );

  it("is never after an entry written that morning, where UTC midnight would be", () => {
    const writtenAt = new Date("2026-11-22T23:00:00Z"); // 08:00 on the 23rd in Tokyo
    expect(startOfDay("2026-11-23", "Asia/Tokyo").getTime()).toBeLessThanOrEqual(writtenAt.getTime());
    expect(Date.parse("2026-11-23T00:00:00Z")).toBeGreaterThan(writtenAt.getTime());
  });
});

describe("timeZone in daybook.config.ts", () => {
  it("defaults to UTC and is documented in the config file", () => {
    expect(config.timeZone).toBe("UTC");
    const { timeZone: _omitted, ...withoutZone } = config;
    expect(daybookSettings({}, "/project", withoutZone).timeZone).toBe("UTC");
  });

  it("takes an IANA name, canonically spelt, and DAYBOOK_TIME_ZONE overrides it", () => {
    expect(daybookSettings({}, "/project", { ...config, timeZone: "asia/tokyo" }).timeZone).toBe("Asia/Tokyo");
    expect(daybookSettings({ DAYBOOK_TIME_ZONE: "Europe/Berlin" }, "/project", { ...config, timeZone: "Asia/Tokyo" }).timeZone).toBe("Europe/Berlin");
    expect(canonicalTimeZone("")).toBeUndefined();
  });

  it("rejects an unknown zone with an error naming the config file and the nearest names", () => {
    expect(() => daybookSettings({}, "/project", { ...config, timeZone: "Europe/Berln" })).toThrow(
      /^timeZone in daybook\.config\.ts: "Europe\/Berln" is not a time zone name this Node\.js knows\. Did you mean "Europe\/Berlin"/,
    );
    expect(() => daybookSettings({}, "/project", { ...config, timeZone: "Tokyo" })).toThrow(/Did you mean "Asia\/Tokyo"\?/);
    expect(() => daybookSettings({ DAYBOOK_TIME_ZONE: "Mars/Olympus" }, "/project")).toThrow(/^DAYBOOK_TIME_ZONE in the environment: "Mars\/Olympus".*"UTC" \(the default\)/);
    expect(() => checkedTimeZone("JST+9", "x")).toThrow(/not a time zone name/);
  });
});

describe("the future-date rule", () => {
  const tag: SourceFile = { path: "content/tags/t.md", relative: "t.md", bytes: new TextEncoder().encode("---\ntitle: T\n---\nT.\n") };
  const entry = (date: string): SourceFile => ({
    path: "content/days/001-a.mdx",
    relative: "001-a.mdx",
    bytes: new TextEncoder().encode(`---\ntitle: A\nday: 1\ndate: ${date}\ntags: [t]\nsummary: S.\n---\n\nText.\n`),
  });
  const problemsAt = (now: string, timeZone: string) =>
    validateJournal([entry("2026-11-23")], [tag], { today: journalToday({ DAYBOOK_NOW: now }, timeZone), timeZone, maxEntryBytes: 10_000 }).problems;

  it("accepts an entry written at 08:00 in Tokyo (23:00 UTC the day before) when the journal is in Tokyo", () => {
    underEveryMachineZone(() => expect(problemsAt("2026-11-22T23:00:00Z", "Asia/Tokyo")).toEqual([]));
  });

  it("rejects the same entry, naming the zone, when the journal is in UTC", () => {
    underEveryMachineZone(() =>
      expect(problemsAt("2026-11-22T23:00:00Z", "UTC")).toEqual([
        expect.objectContaining({ file: "content/days/001-a.mdx", line: 4, message: "`date` is 2026-11-23, after the build date 2026-11-22 in UTC, the journal's time zone", fix: expect.stringContaining("set timeZone in daybook.config.ts") }),
      ]),
    );
    expect(problemsAt("2026-11-23T00:00:00Z", "UTC")).toEqual([]); // from midnight UTC, the 23rd is today
  });
});
