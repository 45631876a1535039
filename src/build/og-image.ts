import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
// Fonts come from an npm package, so every machine renders the same pixels.
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(FONT_DIR, f));

/** PNG of an SVG card, cached by content hash (rendering costs tens of milliseconds per card). */
export function renderPng(svg: string, cacheDir: string): Buffer {
  const file = path.join(cacheDir, "daybook-og", `${createHash("sha256").update(svg).digest("hex").slice(0, 24)}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    return png;
  }
}
