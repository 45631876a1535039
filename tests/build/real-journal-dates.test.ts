// Dates and day numbers in the real-journal fixture (days 90–91), built under /journal/: a
// back-filled day (a higher day number with an earlier date) and two entries on one date are
// listed by date, then day number, on every page that lists entries.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { read } from "../helpers/html.ts";
import { REAL_JOURNAL } from "../helpers/sample-build-setup.ts";

const build = inject("realJournalBuild");

/**
 * Every published entry of the fixture, oldest first, sorted here on a key of its own (not with
 * the site's comparator), so the test and the code under test do not share a mistake.
 */
function fixtureOrder(): number[] {
  const dir = path.join(REAL_JOURNAL, "days");
  const entries = readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => parse(readFileSync(path.join(dir, f), "utf8").split(/^---$/m)[1]!) as { day: number; date: string; draft?: boolean })
    .filter((e) => !e.draft);
  const key = (e: { day: number; date: string }) => `${e.date}#${String(e.day).padStart(8, "0")}`;
  return entries.sort((a, b) => key(a).localeCompare(key(b))).map((e) => e.day);
}

/** Day numbers linked from `html` between two markers, in page order. */
function daysLinked(html: string, from = 0, to = html.length): number[] {
  return [...html.slice(from, to).matchAll(/href="\/journal\/day\/(\d+)\/"/g)].map((m) => Number(m[1]));
}

function pagerOf(day: number): { prev?: number; next?: number } {
  const html = read(build.outDir, `day/${day}/index.html`);
  const nav = html.slice(html.indexOf('class="entry-pager"'));
  const find = (rel: string) => new RegExp(`href="/journal/day/(\\d+)/" rel="${rel}"`).exec(nav)?.[1];
  const prev = find("prev");
  const next = find("next");
  return { ...(prev && { prev: Number(prev) }), ...(next && { next: Number(next) }) };
}

describe("entries ordered by date, then day number", () => {
  const order = fixtureOrder();
  const newestFirst = [...order].reverse();

  it("the fixture has a back-filled day first and a second entry on Day 10's date", () => {
    expect(order[0]).toBe(90);
    expect(order.slice(order.indexOf(10), order.indexOf(10) + 3)).toEqual([10, 91, 11]);
  });

  it("the archive lists every entry newest first, with months in date order", () => {
    expect(build.code, build.output).toBe(0);
    const html = read(build.outDir, "archive/index.html");
    // The month lists (the year calendars above them link days by date too).
    const lists = html.indexOf('<h2 id="month-');
    expect(lists).toBeGreaterThan(html.indexOf("<h1>Archive</h1>"));
    expect(daysLinked(html, lists)).toEqual(newestFirst);
    const months = [...html.matchAll(/<h2 id="month-(\d{4}-\d{2})">/g)].map((m) => m[1]);
    expect(months).toEqual(["2025-07", "2025-06", "2025-04", "2025-03", "2025-02"]);
  });

  it("the pager walks the same order: the back-filled days sit between their neighbours by date", () => {
    expect(pagerOf(90)).toEqual({ next: 1 });
    expect(pagerOf(1)).toEqual({ prev: 90, next: 10 });
    expect(pagerOf(10)).toEqual({ prev: 1, next: 91 });
    expect(pagerOf(91)).toEqual({ prev: 10, next: 11 });
    // Days 100-103 (figures, inputs) come after Day 71 on its date and after it; 103 is the last.
    expect(pagerOf(71)).toEqual({ prev: 70, next: 100 });
    expect(pagerOf(103)).toEqual({ prev: 102 });
  });

  it("the feed is newest first, dated at the start of each entry's date in the journal's zone (UTC here)", () => {
    const rss = read(build.outDir, "rss.xml");
    const items = [...rss.matchAll(/<item>[\s\S]*?<link>https:\/\/example\.github\.io\/journal\/day\/(\d+)\/<\/link>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)];
    expect(items.map((m) => Number(m[1]))).toEqual(newestFirst.slice(0, 50));
    expect(items.find((m) => m[1] === "90")?.[2]).toBe("Thu, 20 Feb 2025 00:00:00 GMT");
  });

  it("the home page's latest entries and a tag page's list follow it too", () => {
    const home = read(build.outDir, "index.html");
    expect(daysLinked(home, home.indexOf('id="latest-title"'))).toEqual(newestFirst.slice(0, 10));
    const tag = read(build.outDir, "tags/markdown/index.html");
    const listed = daysLinked(tag, tag.indexOf('id="entries-title"'));
    expect(listed).toContain(90);
    expect(listed).toEqual(newestFirst.filter((d) => listed.includes(d)));
  });
});
