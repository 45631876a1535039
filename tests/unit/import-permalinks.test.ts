import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";
import { RESERVED_SEGMENTS, isReservedPermalink, permalinkProblem, redirectFile } from "../../src/lib/old-permalinks.ts";
import { redirectPageHtml } from "../../src/lib/redirect-page.ts";
import { contentSecurityPolicy } from "../../src/integration/content-security-policy.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const enc = new TextEncoder();
const tag: SourceFile = { path: "content/tags/git.md", relative: "git.md", bytes: enc.encode("---\ntitle: Git\n---\nGit.\n") };
const entry = (day: number, redirects: string) => ({
  path: `content/days/00${day}-x${day}.md`,
  relative: `00${day}-x${day}.md`,
  bytes: enc.encode(`---\ntitle: X\nday: ${day}\ndate: 2024-01-0${day}\ntags: [git]\nsummary: S.\nredirectFrom: ${redirects}\n---\n\nText.\n`),
});
const validate = (...days: SourceFile[]) => validateJournal(days, [tag], { today: "2026-11-23", maxEntryBytes: 1_000_000 }).problems;

describe("old addresses (redirectFrom)", () => {
  it.each([
    ["/2020/01/02/post.html", "2020/01/02/post.html"],
    ["/git/bisect", "git/bisect/index.html"],
    ["/notes/own/", "notes/own/index.html"],
    ["/café/x.htm", "café/x.htm"],
  ])("%s is written to %s", (permalink, file) => {
    expect(permalinkProblem(permalink)).toBeUndefined();
    expect(redirectFile(permalink)).toBe(file);
  });

  it.each([
    ["git/bisect", /start with \//],
    ["/", /home page/],
    ["/a/../b", /\.\. segment/],
    ["/a/./b", /\. or \.\. segment/],
    ["/a//b", /empty segment/],
    ["/.well-known/x/", /hidden segment/],
    ["/a?b=1", /plain path/],
    ["/a#b", /plain path/],
    ["/a%2e%2e/b", /plain path/],
    ["/a\\b", /plain path/],
    ["/a b", /not allowed/],
    ["/<script>", /not allowed/],
    ["/x.php", /extension/],
    [`/${"a".repeat(301)}`, /longer than 300/],
  ])("%s is refused", (permalink, reason) => {
    expect(permalinkProblem(permalink)).toMatch(reason);
  });

  it("reserves every first segment the site writes itself (src/pages/ and public/)", () => {
    const pages = readdirSync(path.join(ROOT, "src/pages"))
      .filter((f) => !f.startsWith("["))
      .map((f) => f.replace(/\.(astro|ts)$/, "").replace(/^(404|index)$/, "$1.html"));
    const publicFiles = readdirSync(path.join(ROOT, "public"));
    for (const name of [...pages, ...publicFiles]) expect(RESERVED_SEGMENTS, `${name} is a page or file of the site; add it to RESERVED_SEGMENTS in src/lib/old-permalinks.ts`).toContain(name);
    for (const permalink of ["/day/3/", "/tags/git", "/Tags/git", "/_astro/x.html", "/pagefind/", "/rss.xml/", "/sitemap-7.xml/", "/index.html", "/404.html"]) expect(isReservedPermalink(permalink), permalink).toBe(true);
    expect(isReservedPermalink("/days/3/")).toBe(false);
  });

  it("is checked by the journal validator: syntax, collisions with the site, two entries claiming one address", () => {
    expect(validate(entry(1, "[/git/bisect, /2020/01/02/a.html]"))).toEqual([]);
    expect(validate(entry(1, "[/a/../../etc]"))[0]?.message).toMatch(/`redirectFrom` path "\/a\/..\/..\/etc" has a \. or \.\. segment/);
    expect(validate(entry(1, "/git/bisect"))[0]?.message).toMatch(/must be a list/);
    expect(validate(entry(1, "[/day/2/]"))[0]?.message).toMatch(/would replace one of the site's own pages/);
    const clash = validate(entry(1, "[/git/Bisect]"), entry(2, "[/git/bisect/]"));
    expect(clash).toHaveLength(1);
    expect(clash[0]).toMatchObject({ file: "content/days/002-x2.md", message: expect.stringMatching(/also claimed by content\/days\/001-x1\.md/) });
  });
});

describe("the redirect page", () => {
  const html = redirectPageHtml({
    from: "/old/<b>.html",
    to: "/journal/day/5/",
    canonical: "https://example.github.io/journal/day/5/",
    label: 'Day 5: "Quotes" & <tags>',
    language: "en",
    policy: contentSecurityPolicy().directives ?? [],
  });

  it("redirects without script: meta refresh, canonical link, noindex and a visible link", () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/journal/day/5/">');
    expect(html).toContain('<link rel="canonical" href="https://example.github.io/journal/day/5/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/journal/day/5/">Day 5: &quot;Quotes&quot; &amp; &lt;tags&gt;</a>');
    expect(html).toContain("<code>/old/&lt;b&gt;.html</code>");
  });

  it("carries the site's policy with scripts and styles refused, and has neither", () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("style-src 'none'");
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });
});
