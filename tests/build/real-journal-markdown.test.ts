import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { read } from "../helpers/html.ts";

/**
 * Markdown as GitHub renders it (days 10–17 of the real-journal fixture), each feature written
 * once as `.md` and once as `.mdx`: the built pages under `/journal/`. The Chromium test beside
 * the fixture visits them for CSP violations; this one reads the HTML.
 */
const PAIRS = { fences: [10, 11], gfm: [12, 13], callouts: [14, 15], maths: [16, 17] } as const;

describe("Markdown features in the built real-journal fixture (.md and .mdx alike)", () => {
  const build = inject("realJournalBuild");
  /** The entry's own content: the page's `.prose` block, where nothing of the layout is. */
  const entry = (day: number) => {
    const html = read(build.outDir, `day/${day}/index.html`);
    const start = html.indexOf('<div class="prose">');
    expect(start, `day ${day} has a .prose block`).toBeGreaterThan(0);
    return html.slice(start, html.indexOf("</article>", start));
  };
  const both = (pair: readonly [number, number]) => pair.map(entry) as [string, string];

  it("writes no style attribute in any entry (the CSP would block it)", () => {
    for (const [md, mdx] of Object.values(PAIRS).map(both)) {
      expect(md).not.toMatch(/\sstyle=/);
      expect(mdx).not.toMatch(/\sstyle=/);
    }
  });

  it("gives every <pre> exactly one class attribute, and the same code markup in both formats", () => {
    const [md, mdx] = both(PAIRS.fences);
    const pres = (html: string) => html.match(/<pre[^>]*>[\s\S]*?<\/pre>/g) ?? [];
    expect(pres(md)).toHaveLength(8);
    for (const pre of pres(md)) expect(/<pre[^>]*>/.exec(pre)![0].match(/\sclass=/g)).toHaveLength(1);
    // The two serialisers escape quotes in text differently (`"` and `&quot;`); the markup is the same.
    const same = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
    expect(pres(mdx).map(same)).toEqual(pres(md).map(same));
  });

  it.each(PAIRS.fences)("shows unknown fence languages as plain code in the code box, and highlights known ones in any case (day %i)", (day) => {
    const html = entry(day);
    for (const lang of ["reason", "groq", "vimrc", "postgresql", "mysql"]) {
      expect(html).toMatch(new RegExp(`<pre class="astro-code l-1f2328 d-e6edf3 lb-ffffff db-0d1117" tabindex="0" data-language="${lang}"><code><span class="line"><span>`));
    }
    for (const lang of ["c\\+\\+", "dockerfile", "json"]) {
      expect(html).toMatch(new RegExp(`data-language="${lang}"><code><span class="line"><span class="[ld]-[0-9a-f]{6}`));
    }
  });

  it.each(PAIRS.fences)("keeps inline code that wraps onto a second line as code (day %i)", (day) => {
    const html = entry(day);
    expect(html).toContain("<code>git log --follow {file}</code>");
    expect(html).toContain("<code>&lt;script&gt; alert(1)&lt;/script&gt;</code>");
  });

  it.each(PAIRS.gfm)("renders tables with alignment classes, task lists, footnotes, strikethrough and autolinks (day %i)", (day) => {
    const html = entry(day);
    expect(html.match(/<t[hd] class="align-(left|center|right)">/g)).toHaveLength(9);
    expect(html.match(/<th>|<td>/g)).toHaveLength(3);
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" checked disabled\/?> write the note<\/li>/);
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled\/?> link it from the index<\/li>/);
    expect(html).toMatch(/<sup><a href="#user-content-fn-source" id="user-content-fnref-source" data-footnote-ref(="true")? aria-describedby="footnote-label">1<\/a><\/sup>/);
    expect(html).toMatch(/<section data-footnotes(="true")? class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes<\/h2>/);
    expect(html).toContain('<li id="user-content-fn-second">');
    expect(html).toContain("<del>Two-phase commit is always the answer.</del>");
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toContain('<a href="https://example.org/notes">https://example.org/notes</a>');
  });

  it.each(PAIRS.callouts)("turns GitHub alerts into callouts with a visible title, and leaves a plain quote alone (day %i)", (day) => {
    const html = entry(day);
    const titles = [...html.matchAll(/<div class="callout callout-(\w+)" role="note"><p class="callout-title">(\w+)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([["note", "Note"], ["tip", "Tip"], ["important", "Important"], ["warning", "Warning"], ["caution", "Caution"]]);
    expect(html).not.toContain("[!");
    expect(html).toMatch(/<p>A second paragraph stays inside the callout.<\/p>\s*<\/div>/);
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
  });

  it.each(PAIRS.maths)("renders maths as MathML, prose dollars as text and broken TeX as its source (day %i)", (day) => {
    const html = entry(day);
    expect(html.match(/<math>/g)).toHaveLength(2);
    expect(html.match(/<div class="math-display"><math display="block" class="tml-display">/g)).toHaveLength(2);
    expect(html).toContain('<mtd class="tml-padding-left_0em tml-padding-right_5_9776pt">');
    expect(html).toContain('mathcolor="#0969da"');
    expect(html).toContain("two prices, $5 and $10, stays prose");
    expect(html).toContain('<code class="math-error">$\\frac{1}{$</code>');
    expect(html).not.toMatch(/<script/);
  });

  it("ships the maths and GFM stylesheets: Temml's classes, one rule per style class, the font under the base path", () => {
    const assets = path.join(build.outDir, "_astro");
    const css = readdirSync(assets).filter((f) => f.endsWith(".css")).map((f) => readFileSync(path.join(assets, f), "utf8")).join("\n");
    for (const rule of [/\.tml-padding-right_5_9776pt\{padding-right:5\.9776pt\}/, /\.tml-display\{/, /\.callout-title\{/, /\.align-center\{text-align:center\}/, /\.sr-only\{/]) expect(css).toMatch(rule);
    const font = /url\((\/journal\/_astro\/Temml\.[\w-]+\.woff2)\)/.exec(css);
    expect(font).not.toBeNull();
    expect(readdirSync(assets)).toContain(font![1]!.slice("/journal/_astro/".length));
  });
});
