import { createHash } from "node:crypto";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, inject, it } from "vitest";
import { entryMarkupWeights, markupAroundArticle } from "../../bench/page-weight.ts";
import { htmlFiles, read } from "../helpers/html.ts";

/** The cap on Daybook's own markup around an entry's article, gzipped. */
const AROUND_ARTICLE_CAP = 4.5 * 1024;

describe.each(["sampleBuild", "realJournalBuild"] as const)("built pages (%s)", (name) => {
  it(`keep Daybook's markup around each entry's article within ${AROUND_ARTICLE_CAP} bytes gzipped`, () => {
    const build = inject(name);
    expect(build.code, build.output).toBe(0);
    const weights = entryMarkupWeights(build.outDir);
    expect(weights.pages).toBeGreaterThan(10);
    expect(weights.maxAroundGz, `largest: ${weights.maxAroundPage}`).toBeLessThanOrEqual(AROUND_ARTICLE_CAP);
  });

  it("carry a policy whose hashes are exactly those of the page's own inline scripts and styles", () => {
    const build = inject(name);
    for (const file of htmlFiles(build.outDir)) {
      const doc = parseDocument(read(build.outDir, file));
      const metas = DomUtils.findAll((e) => e.name === "meta" && e.attribs["http-equiv"]?.toLowerCase() === "content-security-policy", doc.children);
      // The snippet sandbox and the redirects from imported URLs write their own, stricter policies.
      expect(metas, file).toHaveLength(1);
      const hashes = [...metas[0]!.attribs.content!.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]).sort();
      const inline = DomUtils.findAll((e) => (e.name === "script" && !("src" in e.attribs)) || e.name === "style", doc.children)
        .map((e) => createHash("sha256").update(DomUtils.textContent(e)).digest("base64"))
        .sort();
      expect(hashes, file).toEqual([...new Set(inline)]);
    }
  });
});

describe("the markup measure", () => {
  it("splits a page into the article and everything around it", () => {
    const around = `<html><head><title>Day 1</title></head><body><header>Site</header><article class="entry entry-with-toc"><div class="prose">`;
    const article = "<p>What I learned today, at length.</p>".repeat(50);
    const measured = markupAroundArticle(`${around}${article}</div></article></body></html>`);
    const empty = markupAroundArticle(`${around}</div></article></body></html>`);
    expect(measured.aroundGz).toBe(empty.aroundGz);
    expect(measured.articleGz).toBeGreaterThan(empty.articleGz);
    expect(() => markupAroundArticle("<html><body><div class=\"prose\">x</div></body></html>")).toThrow(/no article/);
  });
});
