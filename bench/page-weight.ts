// Gzipped size of every entry page of a built site, as a reader's browser would download it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DomUtils, parseDocument } from "htmlparser2";

export interface PageWeights {
  pages: number;
  medianGz: number;
  maxGz: number;
  maxPage: string;
}

export function entryPageWeights(dist: string): PageWeights {
  const days = readdirSync(path.join(dist, "day"));
  const sizes = days
    .map((day) => ({ page: `/day/${day}/`, gz: gzipSync(readFileSync(path.join(dist, "day", day, "index.html"))).length }))
    .sort((a, b) => a.gz - b.gz);
  const largest = sizes[sizes.length - 1]!;
  return { pages: sizes.length, medianGz: sizes[Math.floor(sizes.length / 2)]!.gz, maxGz: largest.gz, maxPage: largest.page };
}

/**
 * An entry page split in two: the article the author wrote (the rendered Markdown inside
 * `.entry .prose`) and Daybook's markup around it (head and policy, header, navigation, search
 * dialog, entry header, table of contents, local graph, pager, footer), each gzipped on its own.
 */
export function markupAroundArticle(html: string): { aroundGz: number; articleGz: number } {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const isEntry = (node: unknown) => /(^| )entry( |$)/.test((node as { attribs?: Record<string, string> } | null)?.attribs?.class ?? "");
  const prose = DomUtils.findOne((e) => e.attribs.class === "prose" && isEntry(e.parent), doc.children, true);
  if (!prose) throw new Error("no article (.entry > .prose) in the page");
  const first = prose.children[0];
  const last = prose.children.at(-1);
  const [start, end] = first && last ? [first.startIndex!, last.endIndex! + 1] : [0, 0];
  return { aroundGz: gzipSync(html.slice(0, start) + html.slice(end)).length, articleGz: gzipSync(html.slice(start, end)).length };
}

export interface MarkupWeights {
  pages: number;
  /** Daybook's markup around the article, gzipped: median and largest, with the largest's page. */
  medianAroundGz: number;
  maxAroundGz: number;
  maxAroundPage: string;
  /** Each entry's article, gzipped (reported, not capped). */
  articleGz: { page: string; gz: number }[];
}

export function entryMarkupWeights(dist: string): MarkupWeights {
  const pages = readdirSync(path.join(dist, "day"))
    .sort((a, b) => Number(a) - Number(b))
    .map((day) => ({ page: `/day/${day}/`, ...markupAroundArticle(readFileSync(path.join(dist, "day", day, "index.html"), "utf8")) }));
  const around = [...pages].sort((a, b) => a.aroundGz - b.aroundGz);
  const largest = around[around.length - 1]!;
  return {
    pages: pages.length,
    medianAroundGz: around[Math.floor(around.length / 2)]!.aroundGz,
    maxAroundGz: largest.aroundGz,
    maxAroundPage: largest.page,
    articleGz: pages.map((p) => ({ page: p.page, gz: p.articleGz })),
  };
}
