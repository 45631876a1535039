import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { MAX_TABLE_ROWS } from "../../src/figures/figure-limits.ts";
import { read } from "../helpers/html.ts";

/**
 * Figures baked at build (days 100 and 101 of the real-journal fixture, one snippet drawing every
 * kind, in `.md` and `.mdx`): each SVG sits after its line in the output, is an image with a title
 * and a description, carries no style, and has its data beside it as a table of at most 50 rows.
 */
const DAYS = { 100: "tests/fixtures/real-journal/days/100-figures-md.md", 101: "tests/fixtures/real-journal/days/101-figures-mdx.mdx" } as const;
const KINDS = ["line", "scatter", "bar", "histogram", "table", "sequence"];

const decode = (html: string) => html.replace(/&#10;/g, "\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
/** The same element tree whether written `<rect/>` (the renderer, in .md) or `<rect></rect>` (Astro's JSX, in .mdx), with one spelling of quotes. */
const tree = (svg: string) => decode(svg.replace(/<([a-z]+)([^<>]*?)\/>/g, "<$1$2></$1>"));

describe("figures in the built real-journal fixture (.md and .mdx alike)", () => {
  const build = inject("realJournalBuild");
  const panel = (day: number) => {
    const html = read(build.outDir, `day/${day}/index.html`);
    const start = html.indexOf('<div class="snippet-output"');
    expect(start, `day ${day} has an output panel`).toBeGreaterThan(0);
    return html.slice(start, html.indexOf("</daybook-snippet>", start));
  };
  const fence = (file: string) => /```output\n([\s\S]*?)\n```/.exec(readFileSync(file, "utf8"))![1]!;

  it.each(Object.entries(DAYS))("draws every kind, each SVG an image with a title and a description (day %s)", (day) => {
    const svgs = panel(Number(day)).match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.map((svg) => /class="fig fig-chart-([a-z]+)"/.exec(svg)?.[1])).toEqual(KINDS);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="fig fig-chart-[a-z]+" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" role="img"><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    }
    expect(svgs[1]).toContain("<title>Requests &lt;by&gt; {size} &amp; *time*</title>");
    expect(svgs[2]).toContain("<desc>Jitter cuts the p99 to under a third.</desc>");
  });

  it.each(Object.entries(DAYS))("puts each figure after its line, the text parts together being the output fence (day %s)", (day, file) => {
    const html = panel(Number(day));
    const parts = [...html.matchAll(/<pre class="snippet-output-text" tabindex="0"><code>([\s\S]*?)<\/code><\/pre>|<figure class="snippet-figure">/g)];
    const texts = parts.filter((p) => p[1] !== undefined).map((p) => decode(p[1]!));
    expect(texts.join("\n")).toBe(fence(file));
    // Every text part before a figure ends in that figure's line.
    parts.forEach((part, i) => {
      if (part[1] !== undefined) return;
      const before = decode(parts[i - 1]![1] ?? "");
      expect(before.split("\n").at(-1)!.trimStart()).toMatch(new RegExp(`^\\[figure ${KINDS[parts.slice(0, i).filter((p) => p[1] === undefined).length]} `));
    });
    expect(fence(file).match(/^\s*\[figure /gm)).toHaveLength(6);
  });

  it.each(Object.entries(DAYS))("gives each figure its data as a table of at most 50 rows, with a caption (day %s)", (day) => {
    const tables = panel(Number(day)).match(/<details class="snippet-figure-data"><summary>Data<\/summary><table class="fig-table"><caption>[^<]+<\/caption>[\s\S]*?<\/table><\/details>/g) ?? [];
    expect(tables).toHaveLength(6);
    for (const table of tables) expect((table.match(/<tr>/g) ?? []).length - 1).toBeLessThanOrEqual(MAX_TABLE_ROWS);
    // The scatter's 80 points are sampled to 50 rows, and the caption says so.
    expect(tables[1]).toContain("<caption>Requests &lt;by&gt; {size} &amp; *time* (50 of 80 points, sampled evenly)</caption>");
    expect((tables[1]!.match(/<tr>/g) ?? []).length - 1).toBe(50);
  });

  it("writes no style attribute or <style> element in the figures", () => {
    for (const day of Object.keys(DAYS)) {
      const html = panel(Number(day));
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/<style/i);
    }
  });

  it("bakes the same figures into .md (the renderer's own string) and .mdx (written as JSX)", () => {
    const svgs = (day: number) => (panel(day).match(/<svg[\s\S]*?<\/svg>/g) ?? []).map(tree);
    expect(svgs(101)).toEqual(svgs(100));
  });

  it("links the figure styles from the page's stylesheet", () => {
    const html = read(build.outDir, "day/100/index.html");
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(build.outDir, m[1]!.replace(/^\/journal\//, "")));
    expect(sheets.some((css) => css.includes(".fig-series-0") && css.includes(".snippet-figure-data"))).toBe(true);
  });
});
