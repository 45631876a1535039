import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks, type PageSource } from "../../src/integration/links/link-check.ts";
import { scanHtml } from "../../src/integration/links/html-scan.ts";
import { locateInSource } from "../../src/integration/links/link-source.ts";

/** A built site in a fresh temp folder: path → HTML body (wrapped in a page) or raw file text. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "daybook-links-"));
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), file.endsWith(".html") ? `<!doctype html>\n<html><body>\n${body}\n</body></html>\n` : body);
  }
  return dir;
}

/** The usual pages every case links to. */
const PAGES = {
  "index.html": '<main id="main">home</main>',
  "day/1/index.html": '<h2 id="intro">Intro</h2><h2 id="caf&eacute;-x">x</h2><h2 id="café">Café</h2><a name="legacy"></a>',
  "search/index.html": "search",
  "tags/queueing/index.html": "queueing",
  "_astro/app.js": "",
  "style.css": "",
  "rss.xml": "<rss/>",
};

interface Case {
  name: string;
  /** The body of the page under test, `day/2/index.html`. */
  body: string;
  base?: string;
  /** One entry per expected problem: [message, fix] patterns. */
  expected: [RegExp, RegExp][];
}

const cases: Case[] = [
  {
    name: "ok links: pages, directories, relative paths, anchors on this and other pages, assets",
    body: `<h2 id="here">Here</h2>
      <a href="/">home</a> <a href="/day/1/">day 1</a> <a href="/day/1">no slash</a> <a href="../1/">relative</a> <a href="./">this page</a>
      <a href="/day/1/#intro">intro</a> <a href="/day/1/#legacy">a name</a> <a href="/day/1/#caf%C3%A9">encoded</a> <a href="#here">same page</a>
      <a href="#">top</a> <a href="#top">top</a> <a href="">self</a> <a href="/search/?q=retries">query</a> <a href="/#main">skip</a>
      <link rel="stylesheet" href="/style.css"><script type="module" src="/_astro/app.js"></script> <a href="/rss.xml">feed</a>`,
    expected: [],
  },
  {
    name: "a missing page",
    body: '<p>See <a href="/day/99/">gone</a>.</p>',
    expected: [[/the link "\/day\/99\/" leads nowhere: \/day\/99\/ is not in the built site/, /^the page \/day\/99\/ does not exist; link to an existing day or remove the link$/]],
  },
  {
    name: "a missing page other than a day, with the nearest page suggested",
    body: '<a href="/search-page/">x</a>',
    expected: [[/\/search-page\/ is not in the built site/, /the page \/search-page\/ does not exist; link to an existing page \(did you mean \/search\/\?\) or remove the link/]],
  },
  {
    name: "a misspelt tag page, with the nearest tag suggested",
    body: '<a href="/tags/queuing/">x</a>',
    expected: [[/"\/tags\/queuing\/" leads nowhere/, /^the page \/tags\/queuing\/ does not exist; link to an existing tag \(did you mean \/tags\/queueing\/\?\) or remove the link$/]],
  },
  {
    name: "a missing anchor on another page",
    body: '<a href="/day/1/#intro-x">x</a>',
    expected: [[/points to #intro-x, which is on no element of \/day\/1\//, /no heading or element on \/day\/1\/ has the id "intro-x"; link to an existing heading or id \(did you mean #intro\?\)/]],
  },
  {
    name: "a missing anchor on the same page",
    body: '<h2 id="waiting">Waiting</h2><a href="#no-such-heading">x</a>',
    expected: [[/"#no-such-heading" points to #no-such-heading, which is on no element of this page/, /^no heading or element here has the id "no-such-heading"; link to an existing heading or id or remove the link$/]],
  },
  {
    name: "a missing file as a src, and as an href to a file",
    body: '<img src="/images/chart.png" alt=""><a href="/notes.pdf">pdf</a>',
    expected: [
      [/the <img> source "\/images\/chart.png" leads nowhere/, /the file \/images\/chart.png does not exist; put it in public\//],
      [/the link "\/notes.pdf" leads nowhere/, /the file \/notes.pdf does not exist/],
    ],
  },
  {
    name: "base path: links under it resolve, links outside it are reported with the fix",
    base: "/journal/",
    body: `<a href="/journal/day/1/#intro">ok</a> <a href="/journal/">home</a> <a href="/journal">home</a> <a href="../../">up</a>
      <a href="/day/1/">outside</a> <a href="/journal/day/99/">missing</a> <a href="/tags/queuing/">outside, misspelt</a>`,
    expected: [
      [/"\/day\/1\/" points outside the site's base path \/journal\//, /^the site is served under \/journal\/, so \/day\/1\/ does not exist there; write \/journal\/day\/1\/, or remove the link$/],
      [/"\/journal\/day\/99\/" leads nowhere/, /the page \/journal\/day\/99\/ does not exist; link to an existing day/],
      [/"\/tags\/queuing\/" points outside the site's base path/, /^the site is served under \/journal\/, so \/tags\/queuing\/ does not exist there, nor does \/journal\/tags\/queuing\/; link to an existing tag \(did you mean \/journal\/tags\/queueing\/\?\) or remove the link$/],
    ],
  },
  {
    name: "entity-encoded hrefs are decoded as a browser does",
    body: `<a href="/search/?q=a&amp;tag=b">ok</a> <a href="&#x2F;day&#47;1&#x2F;#intro">ok</a> <a href="/search/?a=1&copy=2">ok</a>
      <a href="&#47;day&#47;99&#47;">bad</a> <a href="/day/1/&#35;nope">bad</a>`,
    expected: [
      [/"\/day\/99\/" leads nowhere/, /the page \/day\/99\/ does not exist/],
      [/"\/day\/1\/#nope" points to #nope/, /has the id "nope"/],
    ],
  },
  {
    name: "other sites and non-page schemes are not checked",
    body: `<a href="https://example.com/missing/">a</a> <a href="http://example.com/#x">b</a> <script src="//cdn.example/x.js"></script>
      <a href="mailto:me@example.com">c</a> <a href="tel:+441234">d</a> <img src="data:image/png;base64,AAAA" alt=""> <img src="blob:https://example.com/1" alt="">`,
    expected: [],
  },
  {
    name: "javascript: URLs are reported however they are written",
    body: `<a href="javascript:void(0)">a</a> <a href=" JavaScript:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a> <a href="javascript&colon;alert(1)">d</a>`,
    expected: Array.from({ length: 4 }, (): [RegExp, RegExp] => [/is a javascript: URL/, /link to a page or an #anchor, or use a <button>/]),
  },
  {
    name: "quoting styles, and no links read from scripts, styles or comments",
    body: `<a href='/day/98/'>single</a> <a class=x href=/day/97/>unquoted</a>
      <script>const html = '<a href="/day/96/">';</script><style>a[href="/day/95/"] { color: red }</style><!-- <a href="/day/94/"> -->`,
    expected: [
      [/"\/day\/98\/" leads nowhere/, /.*/],
      [/"\/day\/97\/" leads nowhere/, /.*/],
    ],
  },
];

describe("checkLinks", () => {
  it.each(cases)("$name", ({ body, base = "/", expected }) => {
    const dir = site({ ...PAGES, "day/2/index.html": body });
    const report = checkLinks(dir, { base, label: (file) => `dist/${file}` });
    const problems = [...report.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    expect(problems.map((p) => p.message), JSON.stringify(problems, null, 2)).toHaveLength(expected.length);
    expected.forEach(([message, fix], i) => {
      expect(problems[i]!.message).toMatch(message);
      expect(problems[i]!.fix).toMatch(fix);
      expect(problems[i]!.file).toBe("dist/day/2/index.html");
      expect(problems[i]!.message).toMatch(/^on the page \/(journal\/)?day\/2\/, /);
    });
  });

  it("locates a problem in the built page by line and column", () => {
    const dir = site({ ...PAGES, "day/2/index.html": '<p>\n  <a href="/day/99/">x</a></p>' });
    const [problem] = checkLinks(dir, { base: "/", label: (file) => `out/${file}` }).problems;
    expect(problem).toMatchObject({ file: "out/day/2/index.html", line: 4, column: 12 });
  });

  it("names the author's file and line for a link written in an entry, and the built page for a layout link", () => {
    const dir = site({ ...PAGES, "day/2/index.html": '<nav><a href="/archive/">archive</a></nav><article><a href="/day/99/">gone</a> <a href="#no-such-heading">x</a> <a href="/day/99/">again</a></article>' });
    const text = "---\ntitle: Two\n---\n\nIntro.\n\n```md\n[not a link](/day/99/)\n```\n\nSee [gone](/day/99/) and [x](#no-such-heading).\n\nAnd [again](/day/99/).\n";
    const sources = new Map<string, PageSource>([["day/2/index.html", { file: "content/days/002-two.mdx", text }]]);
    const problems = checkLinks(dir, { base: "/", sources, label: (file) => `dist/${file}` }).problems;
    const where = problems.map((p) => `${p.file}:${p.line}:${p.column}`).sort();
    expect(where).toEqual(["content/days/002-two.mdx:11:12", "content/days/002-two.mdx:11:30", "content/days/002-two.mdx:13:13", "dist/day/2/index.html:3:15"]);
  });

  it("finds the author's line for a link the build published under the base path or from an entry's file", () => {
    const dir = site({ ...PAGES, "day/2/index.html": '<article><a href="/journal/day/99/">gone</a> <a href="/journal/day/1/#nope">x</a> <a href="/journal/day/1/#also-nope">y</a></article>' });
    const text = "---\ntitle: Two\n---\n\nSee [gone](/day/99/),\n[x](./001-one.md#nope) and [y](001-one.md#also-nope).\n";
    const sources = new Map<string, PageSource>([
      ["day/2/index.html", { file: "content/days/002-two.md", text }],
      ["day/1/index.html", { file: "content/days/001-one.md", text: "" }],
    ]);
    const problems = checkLinks(dir, { base: "/journal/", sources, label: (file) => `dist/${file}` }).problems;
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`).sort()).toEqual(["content/days/002-two.md:5:12", "content/days/002-two.md:6:32", "content/days/002-two.md:6:5"]);
  });

  it("counts pages and links", () => {
    const report = checkLinks(site(PAGES), { base: "/" });
    expect(report).toMatchObject({ pages: 4, links: 0, problems: [] });
  });
});

describe("scanHtml (htmlparser2's tokenizer)", () => {
  it.each([
    ["/a?x=1&amp;y=2", "/a?x=1&y=2"],
    ["&#x2F;day&#47;1", "/day/1"],
    ["javascript&colon;x", "javascript:x"],
    ["?a=1&copy=2", "?a=1&copy=2"], // a legacy name before `=` stays as written in an attribute
    ["a&amp b", "a& b"],
    ["&unknown;", "&unknown;"],
    ["&#0;", "\ufffd"],
  ])("decodes %s as a browser does: %s", (raw, decoded) => {
    expect(scanHtml(`<a href="${raw}">x</a>`).links.map((l) => l.value)).toEqual([decoded]);
  });

  it("gives each value's offset as written, whatever the quoting, and reads no tag inside raw text or comments", () => {
    const html = `<a href='/one'>1</a>\n<A HREF=/two>2</A> <img\n  src = "/three.png" alt="">\n<script>let s = '<a href="/no">'</script><!-- <a href="/no"> --><title><a href="/no"></title><textarea><a href="/no"></textarea>`;
    const links = scanHtml(html).links;
    expect(links.map((l) => [l.tag, l.attribute, l.value, html.slice(l.offset, l.offset + l.value.length)])).toEqual([
      ["a", "href", "/one", "/one"],
      ["a", "href", "/two", "/two"],
      ["img", "src", "/three.png", "/three.png"],
    ]);
  });

  it("collects ids, a names and the first <base href>, and reads a repeated attribute once (the first, as browsers do)", () => {
    const scan = scanHtml(`<base href="/b/"><base href="/c/"><h2 id="x">x</h2><a name="y"></a><p name="not-an-anchor" id=""></p><a href="/1" href="/2">`);
    expect([...scan.anchors]).toEqual(["x", "y"]);
    expect(scan.baseHref).toBe("/b/");
    expect(scan.links.map((l) => l.value)).toEqual(["/1"]);
  });
});

describe("locateInSource", () => {
  it("matches whole URLs only, skipping code fences, and falls back to any occurrence", () => {
    const text = "[a](/day/1/#x)\n```\n[b](/day/1/)\n```\n<a href=\"/day/1/\">c</a>\n[d]: /day/1/\nplain/day/1/x";
    expect(locateInSource(text, "/day/1/")).toEqual({ line: 5, column: 10 });
    expect(locateInSource(text, "/day/1/", 1)).toEqual({ line: 6, column: 6 });
    expect(locateInSource(text, "/day/1/", 5)).toEqual({ line: 6, column: 6 });
    expect(locateInSource(text, "day/1/x")).toEqual({ line: 7, column: 7 });
    expect(locateInSource(text, "/nowhere/")).toBeUndefined();
  });
});
