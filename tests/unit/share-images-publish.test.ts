import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";
import { startShareImages, shareCardsOf } from "../../src/integration/share-images/share-images-ahead.ts";
import { prepareCardFonts } from "../../src/integration/share-images/og-fonts.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { JournalError } from "../../src/integration/content/problem.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A build's share images on a copy of tests/fixtures/basic (entries 1 and 2 published, 3 a draft). */
function journalWithCache(cache: string) {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-share-publish-"));
  const content = path.join(work, "content");
  cpSync(path.resolve(import.meta.dirname, "../fixtures/basic"), content, { recursive: true });
  process.env.DAYBOOK_CACHE = cache;
  const settings = daybookSettings({ DAYBOOK_CONTENT: content, DAYBOOK_CACHE: cache }, ROOT);
  return { settings, journal: loadJournal(settings, "2026-11-23"), out: path.join(work, "dist") };
}

const pixels = (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();

describe("a build's share images, published from the cache folder", () => {
  const cacheBefore = process.env.DAYBOOK_CACHE;
  afterEach(() => {
    if (cacheBefore === undefined) delete process.env.DAYBOOK_CACHE;
    else process.env.DAYBOOK_CACHE = cacheBefore;
  });

  it("copies each published entry's card into og/day/, as resvg draws it", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-share-cache-"));
    const { settings, journal, out } = journalWithCache(cache);
    expect(journal.problems).toEqual([]);
    expect(await startShareImages(journal, settings).publish(out)).toBe(2);
    expect(readdirSync(path.join(out, "og/day")).sort()).toEqual(["1.png", "2.png"]);
    const fonts = await prepareCardFonts(cache);
    const { svg } = shareCardsOf(journal, settings).find((card) => card.day === 2)!;
    const published = readFileSync(path.join(out, "og/day/2.png"));
    expect(published.subarray(1, 4).toString()).toBe("PNG");
    expect((await pixels(published)).equals(await pixels(new Resvg(svg, fonts.full).render().asPng()))).toBe(true);
  });

  it("names the entry whose card could not be made, and publishes no half output silently", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-share-cache-"));
    // The cards' folder is a file: no card can be written.
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, "daybook-og"), "not a folder");
    const { settings, journal, out } = journalWithCache(cache);
    const publishing = startShareImages(journal, settings).publish(out);
    await expect(publishing).rejects.toBeInstanceOf(JournalError);
    await expect(publishing).rejects.toThrow(/001-first-day\.mdx[\s\S]*its share image could not be made[\s\S]*002-second-day\.md[\s\S]*must not be deployed/);
  });
});
