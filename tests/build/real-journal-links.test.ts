// Links in the real-journal fixture (days 50–53), built under /journal/: written the GitHub way
// (to files beside the entry, from the root, in raw HTML), published as pages under the base path.
import { describe, expect, inject, it } from "vitest";
import { htmlFiles, read } from "../helpers/html.ts";
import { scanHtml } from "../../src/integration/links/html-scan.ts";

const build = inject("realJournalBuild");

/** The hrefs of the entry's own text (the layout's navigation left out). */
function entryHrefs(day: number): string[] {
  const html = read(build.outDir, `day/${day}/index.html`);
  const start = html.indexOf('<div class="prose">');
  const end = html.indexOf("</article>", start);
  expect(start, `day ${day} has its text in .prose`).toBeGreaterThan(-1);
  return scanHtml(html.slice(start, end)).links.filter((l) => l.attribute === "href" && !l.value.startsWith("#a-heading")).map((l) => l.value);
}

const PUBLISHED = [
  // By file: to another .md and .mdx entry, a section, through the folder, a tag file, the tag index, a reference.
  "/journal/day/52/",
  "/journal/day/53/",
  "/journal/day/52/#a-heading-to-link-to",
  "/journal/day/1/",
  "/journal/tags/links/",
  "/journal/tags/",
  "/journal/day/52/",
  // From the root, and one already under the base.
  "/journal/day/1/",
  "/journal/tags/links/",
  "/journal/search/?q=links&x=1",
  "/journal/rss.xml",
  "/journal/day/52/",
  // Raw HTML (.md) or JSX (.mdx) <a>.
  "/journal/day/52/#a-heading-to-link-to",
  "/journal/day/53/",
  // The heading's self-link, then the links left as written.
  "#left-as-written",
  "https://example.com/notes/",
  "mailto:someone@example.com",
  "#top",
];

describe("links in the real-journal fixture under /journal/", () => {
  it("builds", () => expect(build.code, build.output).toBe(0));

  it.each([
    [50, ".md"],
    [51, ".mdx"],
  ])("day %i (%s): every link is published under the base path, in the order written", (day) => {
    expect(entryHrefs(day)).toEqual(PUBLISHED);
  });

  it.each([52, 53])("day %i links back to both entries by file", (day) => {
    expect(entryHrefs(day)).toEqual(["/journal/day/50/", "/journal/day/51/#left-as-written"]);
  });

  it("leaves no link on any page of the site outside the base path or to a .md/.mdx file", () => {
    const stray = htmlFiles(build.outDir).flatMap((file) =>
      scanHtml(read(build.outDir, file))
        .links.map((l) => l.value)
        .filter((v) => (v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/journal/")) || /\.mdx?([?#]|$)/.test(v))
        .map((v) => `${file}: ${v}`),
    );
    expect(stray).toEqual([]);
  });
});
