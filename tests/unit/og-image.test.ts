// src/integration/share-images/og-image.ts: one drawing per card however many ask for it at
// once, counted once, and a card whose cache file vanished is drawn again rather than failing.
import { mkdtempSync, rmSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ogCardSvg } from "../../src/lib/og-card.ts";
import { cachePng, renderPng } from "../../src/integration/share-images/og-image.ts";
import { shareImageCounts } from "../../src/integration/share-images/og-image-counts.ts";
import { FONT_FILES } from "../../src/integration/share-images/og-fonts.ts";

const card = (title: string) => ogCardSvg({ day: 3, title, tags: ["queueing"], site: "example.org" });

describe("share images asked for twice", () => {
  it("draws a card asked for ahead and by its page at once a single time", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-og-once-"));
    const before = { ...shareImageCounts() };
    const [file, png] = await Promise.all([cachePng(card("Asked twice"), cache), renderPng(card("Asked twice"), cache)]);
    expect(path.dirname(file)).toBe(path.join(cache, "daybook-og"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(shareImageCounts().rendered - before.rendered).toBe(1);
    expect(shareImageCounts().reused - before.reused).toBe(0);
  });

  it("draws a card again when its cache file is gone, as after emptying the cache during `npm run dev`", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-og-gone-"));
    const first = await renderPng(card("Cache emptied"), cache);
    rmSync(cache, { recursive: true, force: true });
    const again = await renderPng(card("Cache emptied"), cache);
    expect(again.equals(first)).toBe(true);
  });

  it("draws a card with its text after the cache folder holding the small fonts was emptied, and every card waiting then too", async () => {
    // resvg draws text whose font file is gone with no font at all, and says nothing: such a card
    // would be cached, and a later build would publish it.
    (globalThis as Record<symbol, unknown>)[Symbol.for("daybook.share-images")] = undefined;
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-og-fonts-gone-"));
    await renderPng(card("Starts the pool"), cache);
    rmSync(cache, { recursive: true, force: true });
    const titles = Array.from({ length: 6 }, (_, i) => `Fonts gone ${i}`);
    const pngs = await Promise.all(titles.map((title) => renderPng(card(title), cache)));
    const pixels = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();
    const whole = { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } };
    for (const [i, title] of titles.entries()) expect((await pixels(pngs[i]!)).equals(await pixels(new Resvg(card(title), whole).render().asPng()))).toBe(true);
  });
});
