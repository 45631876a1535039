// src/integration/share-images/og-image.ts: one drawing per card however many ask for it at
// once, counted once, and a card whose cache file vanished is drawn again rather than failing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ogCardSvg } from "../../src/lib/og-card.ts";
import { cachePng, renderPng } from "../../src/integration/share-images/og-image.ts";
import { shareImageCounts } from "../../src/integration/share-images/og-image-counts.ts";

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
});
