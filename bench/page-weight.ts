// Gzipped size of every entry page of a built site, as a reader's browser would download it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

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
