// share-images/: the 1200×630 Open Graph PNG of each entry, rendered by resvg in worker threads
// and cached by content. This file is what pages call.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { OgRenderPool } from "./og-render-pool.ts";
import { fitsSmallFonts, prepareCardFonts } from "./og-fonts.ts";
import { shareImageCounts } from "./og-image-counts.ts";

const require = createRequire(import.meta.url);

let pool: Promise<OgRenderPool> | undefined;

/** PNG of an SVG card, cached by content hash; rendered off the main thread when not cached. */
export async function renderPng(svg: string, cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, "daybook-og", `${createHash("sha256").update(svg).digest("hex").slice(0, 24)}.png`);
  const counts = shareImageCounts();
  try {
    const png = readFileSync(file);
    counts.reused++;
    return png;
  } catch {
    // Fonts are prepared once per build, and the workers load them once each.
    pool ??= prepareCardFonts(cacheDir).then((fonts) => new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts));
    const png = await (await pool).render(svg, fitsSmallFonts(svg) ? "small" : "full");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    counts.rendered++;
    return png;
  }
}
