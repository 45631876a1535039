// share-images/: the 1200×630 Open Graph PNG of each entry, rendered by resvg in worker threads
// and cached by content. This file is what pages call.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { OgRenderPool } from "./og-render-pool.ts";

const require = createRequire(import.meta.url);
// Fonts come from an npm package, so every machine renders the same pixels.
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(FONT_DIR, f));
const RESVG_OPTIONS = { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } };

let pool: OgRenderPool | undefined;

/** PNG of an SVG card, cached by content hash; rendered off the main thread when not cached. */
export async function renderPng(svg: string, cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, "daybook-og", `${createHash("sha256").update(svg).digest("hex").slice(0, 24)}.png`);
  try {
    return readFileSync(file);
  } catch {
    pool ??= new OgRenderPool(require.resolve("@resvg/resvg-js"), RESVG_OPTIONS);
    const png = await pool.render(svg);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    return png;
  }
}
