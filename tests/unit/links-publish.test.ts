// The Markdown plugin that publishes links, run through satteri as Astro runs it, in .md and .mdx.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { markdownToHtml, mdxToJs } from "satteri";
import { satteri } from "@astrojs/markdown-satteri";
import { authorMarkup } from "../../src/integration/markdown/mdast-author-markup.ts";
import { entryLinks, rewriteHrefs } from "../../src/integration/links/mdast-entry-links.ts";
import { registerLinkTargets } from "../../src/integration/links/link-targets.ts";
import type { LinkTargets } from "../../src/integration/links/entry-link-resolve.ts";

const ROOT = "/project";
const FILE = "content/days/005-links";

beforeAll(() => {
  registerLinkTargets(
    {
      base: "/journal/",
      contentDir: "content",
      pages: new Map([
        ["content/days/002-second.md", "day/2/"],
        ["content/tags/retries.md", "tags/retries/"],
      ]),
      exists: () => false,
    },
    ROOT,
  );
});

async function md(body: string): Promise<string> {
  const { html } = markdownToHtml(body, { mdastPlugins: [authorMarkup, entryLinks], fileURL: pathToFileURL(`${ROOT}/${FILE}.md`) });
  return html;
}

/** The hrefs of the compiled MDX module (JSX compiles to `href: "…"` properties). */
async function mdxHrefs(body: string): Promise<string[]> {
  const { code } = mdxToJs(body, { mdastPlugins: [authorMarkup, entryLinks], fileURL: pathToFileURL(`${ROOT}/${FILE}.mdx`) });
  return [...code.matchAll(/href: ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
}

/** The href of every <a> in the HTML. */
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*?href=(["'])(.*?)\1/g)].map((m) => m[2]!.replaceAll("&amp;", "&"));

const BODY = `See [day 8](/day/8/), [a tag](/tags/retries/ "Retries"), [search](/search/?q=a&tag=b), [the second](./002-second.md#why),
[its tag](../tags/retries.md), [ref][r], [out](https://example.com/day/8/), [here](#top), [already](/journal/day/1/),
[other host](//evil.com/day/8/), [backslash host](/\\evil.com) and [script](javascript:alert(1)).

[r]: 002-second.md
`;

const EXPECTED = ["/journal/day/8/", "/journal/tags/retries/", "/journal/search/?q=a&tag=b", "/journal/day/2/#why", "/journal/tags/retries/", "/journal/day/2/", "https://example.com/day/8/", "#top", "/journal/day/1/", "//evil.com/day/8/"];

describe("entryLinks", () => {
  it("publishes Markdown links and reference definitions in .md", async () => {
    const html = await md(BODY);
    // A javascript: link is the sanitiser's and the link checker's business; the rest is published,
    // and a host written with a backslash stays as written (the HTML writer encodes it as %5C, a path).
    expect(hrefs(html).filter((h) => !h.startsWith("javascript:"))).toEqual([...EXPECTED, "/%5Cevil.com"]);
  });

  it("publishes the same links in .mdx", async () => {
    expect((await mdxHrefs(BODY)).filter((h) => !h.startsWith("javascript:"))).toEqual([...EXPECTED, "/%5Cevil.com"]);
  });

  it("publishes the href of raw HTML <a> in .md, inline and in blocks, and leaves everything else byte for byte", async () => {
    const html = await md(`Inline <a href="/day/8/" title="/day/8/">day 8</a> and <a href='./002-second.md'>second</a>.\n\n<div>\n<a title="t" href=/tags/retries/>tag</a> <a href="https://example.com/">out</a>\n</div>\n`);
    expect(hrefs(html)).toEqual(["/journal/day/8/", "/journal/day/2/", "/journal/tags/retries/", "https://example.com/"]);
    expect(html).toContain('title="/day/8/"');
    expect(html).toContain(`<a title="t" href="/journal/tags/retries/">tag</a>`);
  });

  it("publishes the href of JSX <a> in .mdx, nested ones too", async () => {
    const hrefs = await mdxHrefs(`Inline <a href="/day/8/">day 8</a>.\n\n<div>\n<a href="./002-second.md#x">second <a href="/tags/retries/">tag</a></a>\n</div>\n`);
    expect(hrefs).toEqual(["/journal/day/8/", "/journal/day/2/#x", "/journal/tags/retries/"]);
  });

  it("leaves links in code alone", async () => {
    const html = await md("`[x](/day/8/)`\n\n```md\n[x](/day/8/) <a href=\"/day/8/\">\n```\n");
    expect(html).not.toContain("<a ");
    expect(html).toContain("<code>[x](/day/8/)</code>");
    expect(html).toContain('&lt;a href="/day/8/"&gt;');
  });

  it("is left out for a file outside any registered journal (no fileURL)", async () => {
    const { html } = markdownToHtml("[x](/day/8/)", { mdastPlugins: [entryLinks] });
    expect(hrefs(html)).toEqual(["/day/8/"]);
  });
});

describe("rewriteHrefs", () => {
  const publish = (url: string) => (url.startsWith("/") ? `/b${url}` : undefined);
  it.each([
    [`<a href="/x">`, `<a href="/b/x">`],
    [`<a href='/x'>`, `<a href='/b/x'>`],
    [`<a href=/x>`, `<a href="/b/x">`],
    [`<a HREF = "/x" title="/y">`, `<a HREF = "/b/x" title="/y">`],
    [`<a href="&#x2F;x?a=1&amp;b=2">`, `<a href="/b/x?a=1&amp;b=2">`],
    [`<a href="/x" href="/y">`, `<a href="/b/x" href="/y">`],
    [`<a href="https://x/">`, `<a href="https://x/">`],
    [`<a href='/it"s'>`, `<a href='/b/it"s'>`],
    [`<a href=/a"b>`, `<a href="/b/a&quot;b">`],
    [`<!-- <a href="/x"> --><a href="/y">`, `<!-- <a href="/x"> --><a href="/b/y">`],
  ])("%s → %s", (html, expected) => expect(rewriteHrefs(html, publish)).toBe(expected));
});

describe("cached pages and the pages links lead to", () => {
  const PROJECT = path.resolve(import.meta.dirname, "../..");
  const astro = (file: string) => import(pathToFileURL(path.join(PROJECT, "node_modules/astro/dist", file)).href);

  /** What Astro's content layer compares to decide whether its cached pages are stale: the config's JSON. */
  async function configDigest(): Promise<string> {
    const { validateConfig } = await astro("core/config/validate.js");
    const { safeStringify } = await astro("content/utils.js");
    const config = await validateConfig({ markdown: { processor: satteri({ mdastPlugins: [entryLinks] }), syntaxHighlight: false } }, PROJECT, "build");
    const { vite: _vite, integrations: _integrations, adapter: _adapter, ...hashable } = config;
    return safeStringify(hashable) as string;
  }

  const journal = (pages: [string, string][], linked: string[]): LinkTargets => ({ base: "/journal/", contentDir: "content", pages: new Map(pages), exists: () => false, linked: new Set(linked) });
  const A: [string, string] = ["content/days/001-a.md", "day/1/"];
  const B: [string, string] = ["content/days/002-b.md", "day/2/"];

  it("changes when an entry that links lead to gets another page, not when an entry nobody links to is added", async () => {
    registerLinkTargets(journal([A, B], [B[0]]), ROOT);
    const before = await configDigest();
    registerLinkTargets(journal([A, B, ["content/days/003-c.md", "day/3/"]], [B[0]]), ROOT);
    expect(await configDigest(), "a new entry no link leads to").toBe(before);
    registerLinkTargets(journal([A, ["content/days/002-b.md", "day/7/"]], [B[0]]), ROOT);
    expect(await configDigest(), "the linked entry renumbered").not.toBe(before);
    registerLinkTargets({ ...journal([A, B], [B[0]]), base: "/other/" }, ROOT);
    expect(await configDigest(), "another base path").not.toBe(before);
    registerLinkTargets(journal([A, B], [B[0]]), ROOT);
    expect(await configDigest(), "the same journal again").toBe(before);
  });
});
