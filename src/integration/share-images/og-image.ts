// share-images/: the 1200×630 Open Graph PNG of each entry, rendered by resvg in worker threads
// and cached by content. This file is what pages call, and what the build calls ahead of them
// (share-images-ahead.ts).

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FontsMissingError, OgRenderPool } from "./og-render-pool.ts";
import { cardFontsFor, prepareCardFonts } from "./og-fonts.ts";
import { shareImageCounts } from "./og-image-counts.ts";

const require = createRequire(import.meta.url);

// Pages run from Astro's bundle of the site and the integration from its own import of this
// file: two copies of it in one process. They share one worker pool and one table of the cards
// asked for, on globalThis, so that a card the build started ahead is awaited by its page, not
// rendered twice. The table holds each card's cache file, not its PNG: a long journal's build
// would otherwise keep every image in memory to its end.
const KEY = Symbol.for("daybook.share-images");
interface SharedState {
  pool?: Promise<OgRenderPool>;
  /** Each card asked for, by its cache file: settles once the file is there; counted once. */
  cards: Map<string, Promise<void>>;
}
type WithState = typeof globalThis & { [KEY]?: SharedState };
const shared = (): SharedState => ((globalThis as WithState)[KEY] ??= { cards: new Map() });

/**
 * In each cached card's name, so that cards an earlier Daybook may have drawn wrong are drawn
 * again: 2, a card drawn while the cache folder holding the small fonts was emptied had no text.
 */
const CARD_VERSION = "daybook-og 2\0";

/** Cards drawn ahead at low priority are drawn at normal priority from now on: something waits for them. */
export function hurryShareImages(): void {
  void shared().pool?.then((pool) => pool.hurry());
}

/** PNG of an SVG card, cached by content hash; rendered off the main thread when not cached. */
export async function renderPng(svg: string, cacheDir: string): Promise<Buffer> {
  // A page waits for this card.
  hurryShareImages();
  const file = await cachePng(svg, cacheDir);
  try {
    return readFileSync(file);
  } catch {
    // The cache folder was emptied since (a long `npm run dev`): drawn again.
    shared().cards.delete(file);
    return readFileSync(await cachePng(svg, cacheDir));
  }
}

/**
 * Makes sure the card's PNG is in the cache folder (drawing it if not), and says where. `ahead`:
 * the build draws it before any page asks, at low priority until one does (og-render-pool.ts).
 */
export async function cachePng(svg: string, cacheDir: string, ahead = false): Promise<string> {
  const file = path.join(cacheDir, "daybook-og", `${createHash("sha256").update(CARD_VERSION).update(svg).digest("hex").slice(0, 24)}.png`);
  const state = shared();
  let ready = state.cards.get(file);
  if (!ready) {
    ready = drawnUnlessCached(svg, file, cacheDir, state, ahead);
    state.cards.set(file, ready);
    // A failed card is asked for again by the next page that needs it, which then reports it.
    ready.catch(() => state.cards.delete(file));
  }
  await ready;
  return file;
}

async function drawnUnlessCached(svg: string, file: string, cacheDir: string, state: SharedState, ahead: boolean): Promise<void> {
  const counts = shareImageCounts();
  if (existsSync(file)) {
    counts.reused++;
    return;
  }
  // Fonts are prepared once per build, and the workers load them once each.
  const pool = (state.pool ??= startPool(cacheDir, ahead));
  const fonts = cardFontsFor(svg);
  try {
    await (await pool).draw(svg, fonts, file);
  } catch (error) {
    if (!FontsMissingError.is(error)) throw error;
    // The small fonts live in the cache folder, which was emptied since the pool started (a long
    // `npm run dev`): they are prepared again, for a new pool (one, however many cards found them
    // gone), and the old pool's other cards move to it.
    if (state.pool === pool) {
      state.pool = startPool(cacheDir, false);
      (await pool).close();
    }
    await (await state.pool).draw(svg, fonts, file);
  }
  counts.rendered++;
}

async function startPool(cacheDir: string, ahead: boolean): Promise<OgRenderPool> {
  return new OgRenderPool(require.resolve("@resvg/resvg-js"), await prepareCardFonts(cacheDir), { background: ahead });
}
