import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite, type BuildResult } from "../helpers/build-site.ts";
import { htmlFiles, linkTargets, read } from "../helpers/html.ts";

const FIXTURE = "tests/fixtures/basic";

/**
 * Makes the fixture copy in `content` keep its snippet check going past Vite's start: a slow
 * snippet (about 5 s of CPU) in a new entry, day 4, and no snippet in the .md entry, since Astro
 * renders Markdown before bundling and would wait for the check there.
 */
function checkPastVitesStart(content: string): void {
  const markdown = path.join(content, "days/002-second-day.md");
  writeFileSync(markdown, readFileSync(markdown, "utf8").replace(/```ts run[\s\S]*```output[\s\S]*?```\n/, "Twenty-seven calls.\n"));
  const slow = "let total = 0;\nfor (let i = 0; i < 1_000_000_000; i++) total = (total + i) % 1_000_003;\nconsole.log(total);";
  writeFileSync(path.join(content, "days/004-slow.mdx"), `---\ntitle: Slow\nday: 4\ndate: 2026-02-03\ntags: [retries]\nsummary: x\n---\n\n\`\`\`ts run timeout=60000\n${slow}\n\`\`\`\n\n\`\`\`output\n501488\n\`\`\`\n`);
}

describe("building the basic fixture journal", () => {
  // buildSite({ content: FIXTURE }), built once for the files that read it (tests/helpers/sample-build-setup.ts).
  const build = inject("basicBuild");

  it("succeeds without any warning", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[(WARN|ERROR)\]/);
  });

  it("writes one page per published entry and per tag, and no page for a draft", () => {
    expect(htmlFiles(build.outDir)).toEqual([
      "404.html",
      "archive/index.html",
      "day/1/index.html",
      "day/2/index.html",
      "graph/index.html",
      "index.html",
      "runner/sandbox.html",
      "search/index.html",
      "tags/index.html",
      "tags/queueing/index.html",
      "tags/retries/index.html",
    ]);
    for (const file of htmlFiles(build.outDir)) expect(read(build.outDir, file)).not.toContain("Unfinished thoughts");
  });

  it("renders an entry with its day, date, tags, reading time, contents and neighbours", () => {
    const html = read(build.outDir, "day/1/index.html");
    expect(html).toContain("<title>Day 1: First day: queues · Daybook</title>");
    expect(html).toMatch(/<time datetime="2026-01-30"[^>]*>January 30, 2026<\/time>/);
    expect(html).toMatch(/href="\/tags\/queueing\/"[^>]*>\s*Queueing\s*<\/a>/);
    expect(html).toMatch(/\d+ min read/);
    expect(html).toContain('<a href="#waiting-grows-fast">Waiting grows fast</a>');
    expect(html).toContain('<h3 id="a-detail">A detail<a href="#a-detail" class="heading-anchor"');
    expect(html).toContain('href="/day/2/" rel="next"');
    // Highlighted in both themes, as classes (light and dark foreground and background of the block).
    expect(html).toMatch(/<pre class="astro-code l-1f2328 d-e6edf3 lb-ffffff db-0d1117"[^>]*data-language="ts">/);
    expect(html).not.toMatch(/<[^>]+ style=/);
  });

  it("resolves tag aliases on entries and lists a tag's entries newest first", () => {
    const page = read(build.outDir, "tags/queueing/index.html");
    const newestFirst = page.slice(page.indexOf("Entries, newest first"));
    expect(newestFirst.indexOf("Retry storms")).toBeGreaterThan(0);
    expect(newestFirst.indexOf("Retry storms")).toBeLessThan(newestFirst.indexOf("First day: queues"));
    const path = page.slice(page.indexOf("Learning path"), page.indexOf("Entries, newest first"));
    expect(path.indexOf("Day 1: First day: queues")).toBeLessThan(path.indexOf("Day 2: Retry storms"));
    expect(page).toMatch(/first seen <a href="\/day\/1\/">Day 1<\/a>/);
    expect(page).toMatch(/<a href="\/tags\/retries\/">Retries<\/a>\s*<span class="tag-count">1 shared day<\/span>/); // related, ranked by co-occurrence
    expect(read(build.outDir, "tags/index.html")).toMatch(/Queueing<\/a>\s*<span class="tag-count">2 entries/);
  });

  it("groups the archive by month and shows the streak on the home page", () => {
    expect(read(build.outDir, "archive/index.html")).toContain("January 2026");
    const home = read(build.outDir, "index.html");
    expect(home).toContain("Current streak: 0 days. Longest streak: 2 days. Days written: 2.");
    // The calendar: one titled square per day, days with an entry linking to it.
    expect(home).toMatch(/<a href="\/day\/1\/"[^>]*><title>January 30, 2026: 1 entry<\/title><rect class="day level-1"/);
    expect(home).toContain("<title>February 1, 2026: no entry</title>");
  });

  it("publishes an RSS feed and sitemap with absolute URLs", () => {
    const rss = read(build.outDir, "rss.xml");
    expect(rss).toContain("<link>http://localhost:4321/day/2/</link>");
    expect(rss).toContain("<description>A plain Markdown entry about retries.</description>");
    // The full entry, snippet output included, with absolute links.
    expect(rss).toMatch(/<content:encoded>[\s\S]*95% busy: wait ≈ 19\.0 service times[\s\S]*<\/content:encoded>/);
    expect(rss).not.toContain("data-js=");
    expect(rss).toContain('<atom:link href="http://localhost:4321/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(read(build.outDir, "sitemap-0.xml")).toContain("<loc>http://localhost:4321/day/1/</loc>");
    expect(existsSync(path.join(build.outDir, "sitemap-index.xml"))).toBe(true);
  });

  it("renders a share image for every entry and points its meta at it", () => {
    const png = readFileSync(path.join(build.outDir, "og/day/1.png"));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(read(build.outDir, "day/1/index.html")).toContain('<meta property="og:image" content="http://localhost:4321/og/day/1.png">');
    expect(read(build.outDir, "day/1/index.html")).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it("puts Open Graph and Twitter meta on every page", () => {
    // runner/sandbox.html is the frame snippets run in, not a page for readers or crawlers.
    for (const file of htmlFiles(build.outDir).filter((f) => f !== "runner/sandbox.html")) {
      const html = read(build.outDir, file);
      const metas = ['property="og:title"', 'property="og:description"', 'name="twitter:card"', 'rel="icon"', ...(file === "404.html" ? ['name="robots" content="noindex"'] : ['property="og:url"', 'rel="canonical"'])];
      for (const meta of metas) {
        expect(html, `${file} lacks ${meta}`).toContain(meta);
      }
    }
  });
});

describe("building under a base path, with share images off", () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ content: FIXTURE, base: "/journal/", site: "https://someone.example", env: { DAYBOOK_SHARE_IMAGES: "false" } });
  });

  it("writes no share image and no meta pointing at one", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain("share images: off (shareImages in daybook.config.ts)");
    expect(existsSync(path.join(build.outDir, "og"))).toBe(false);
    for (const file of htmlFiles(build.outDir)) {
      expect(read(build.outDir, file), file).not.toMatch(/og:image|twitter:image|\/og\/day\//);
    }
    expect(read(build.outDir, "day/1/index.html")).toContain('<meta name="twitter:card" content="summary">');
  });

  it("prefixes every internal link and asset with the base", () => {
    expect(build.code, build.output).toBe(0);
    for (const file of htmlFiles(build.outDir)) {
      for (const target of linkTargets(read(build.outDir, file))) {
        if (target.startsWith("#") || target.startsWith("https://")) continue;
        expect(target, `${file} links to ${target}`).toMatch(/^\/journal\//);
      }
    }
  });

  it("uses the site URL and base in the feed, sitemap and canonical links", () => {
    expect(read(build.outDir, "rss.xml")).toContain("<channel><title>Daybook</title><description>");
    expect(read(build.outDir, "rss.xml")).toMatch(/<\/description><link>https:\/\/someone\.example\/journal\/<\/link>/);
    expect(read(build.outDir, "rss.xml")).toContain("<link>https://someone.example/journal/day/1/</link>");
    expect(read(build.outDir, "sitemap-0.xml")).toContain("<loc>https://someone.example/journal/tags/retries/</loc>");
    expect(read(build.outDir, "day/2/index.html")).toContain('<link rel="canonical" href="https://someone.example/journal/day/2/">');
  });
});

describe("building a journal reached through a symbolic link, while its snippets are still being checked", () => {
  it("bakes every snippet's output into its page (Vite names the entries by their real path)", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "daybook-linked-"));
    const real = path.join(work, "real");
    cpSync(FIXTURE, real, { recursive: true });
    checkPastVitesStart(real);
    const link = path.join(work, "link");
    symlinkSync(real, link);
    const build = await buildSite({ content: link });
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Building static entrypoints[\s\S]*2 snippets checked/);
    expect(read(build.outDir, "day/1/index.html")).toContain("95% busy: wait ≈ 19.0 service times");
    expect(read(build.outDir, "day/4/index.html")).toContain("501488");
    for (const day of [1, 2, 4]) expect(read(build.outDir, `day/${day}/index.html`)).not.toContain("has not been run yet");
  });
});

describe("building a journal with mistakes", () => {
  it("fails, names each file and line with a fix, and writes nothing", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-bad-"));
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(path.join(content, "days/004-bad.mdx"), "---\ntitle: Bad\nday: 2\ndate: 2026-02-30\ntags: [retry]\nsummary: x\n---\n");
    writeFileSync(path.join(content, "days/005-worse.mdx"), "---\ntitle: Worse\nday: 5\ndate: 2026-02-03\ntags: [queuing]\nsummary: x\n---\n");
    const build = await buildSite({ content });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/004-bad\.mdx:4:1\n\s+✗ `date` must be a real calendar date/);
    expect(build.output).toMatch(/005-worse\.mdx:5:\d+\n\s+✗ the tag "queuing" matches no tag id or alias[^\n]*\n\s+→ did you mean "queueing"/);
    expect(build.output).toContain("Nothing was built");
    expect(existsSync(build.outDir)).toBe(false);
  });

  it("stops at a snippet problem found while Vite bundles, before any page is written", async () => {
    // Snippets are checked while Vite bundles; a wrong output fence in day 1.
    const content = mkdtempSync(path.join(tmpdir(), "daybook-bad-snippet-"));
    cpSync(FIXTURE, content, { recursive: true });
    checkPastVitesStart(content);
    const first = path.join(content, "days/001-first-day.mdx");
    writeFileSync(first, readFileSync(first, "utf8").replace("95% busy: wait ≈ 19.0 service times\n", "95% busy: wait ≈ 9.0 service times\n"));
    const build = await buildSite({ content });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/Building static entrypoints[\s\S]*001-first-day\.mdx:\d+\n\s+✗ the snippet's output differs from its ```output fence[^\n]*\n\s+- 95% busy: wait ≈ 9\.0 service times\n\s+\+ 95% busy: wait ≈ 19\.0 service times/);
    expect(build.output).not.toMatch(/0\d\d-[a-z-]+\.mdx?:\d+\n\s+✗ (?!the snippet's output differs)/);
    expect(build.output).toContain("Nothing was built");
    const written = existsSync(build.outDir) ? htmlFiles(build.outDir) : [];
    expect(written).toEqual([]);
  });

  it("reports a day number used twice", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "daybook-dup-"));
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(path.join(content, "days/009-again.md"), "---\ntitle: Again\nday: 1\ndate: 2026-02-03\ntags: [retries]\nsummary: x\n---\n");
    const build = await buildSite({ content });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/days\/009-again\.md\n\s+✗ day 1 is already used by [^\n]*001-first-day\.mdx/);
  });
});
