// share-images/: the 1200×630 Open Graph PNG of each entry, rendered by resvg in worker threads
// and cached by content. This file is what pages call, and what the build calls ahead of them
// (share-images-ahead.ts).

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { OgRenderPool } from "./og-render-pool.ts";
import { fitsSmallFonts, prepareCardFonts } from "./og-fonts.ts";
import { shareImageCounts } from "./og-image-counts.ts";

const require = createRequire(import.meta.url);

// Pages run from Astro's bundle of the site and the integration from its own import of this
// file: two copies of it in one process. They share one worker pool and one table of the cards
// asked for, on globalThis, so that a card the build started ahead is awaited by its page, not
// rendered twice.
const KEY = Symbol.for("daybook.share-images");
interface SharedState {
  pool?: Promise<OgRenderPool>;
  /** Each card's PNG by its cache file: asked for once, counted once. */
  cards: Map<string, Promise<Buffer>>;
}
type WithState = typeof globalThis & { [KEY]?: SharedState };
const shared = (): SharedState => ((globalThis as WithState)[KEY] ??= { cards: new Map() });

/** PNG of an SVG card, cached by content hash; rendered off the main thread when not cached. */
export function renderPng(svg: string, cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, "daybook-og", `${createHash("sha256").update(svg).digest("hex").slice(0, 24)}.png`);
  const state = shared();
  let png = state.cards.get(file);
  if (!png) {
    png = cachedOrRendered(svg, file, cacheDir, state);
    state.cards.set(file, png);
    // A failed card is asked for again by the next page that needs it, which then reports it.
    png.catch(() => state.cards.delete(file));
  }
  return png;
}

async function cachedOrRendered(svg: string, file: string, cacheDir: string, state: SharedState): Promise<Buffer> {
  const counts = shareImageCounts();
  try {
    const png = readFileSync(file);
    counts.reused++;
    return png;
  } catch {
    // Fonts are prepared once per build, and the workers load them once each.
    state.pool ??= prepareCardFonts(cacheDir).then((fonts) => new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts));
    const png = await (await state.pool).render(svg, fitsSmallFonts(svg) ? "small" : "full");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    counts.rendered++;
    return png;
  }
}
