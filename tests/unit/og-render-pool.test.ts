import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { ogCardSvg } from "../../src/lib/og-card.ts";
import { FontsMissingError, OgRenderPool, SHARE_IMAGE_NICE, UNCOPIED_CROP } from "../../src/integration/share-images/og-render-pool.ts";
import { prepareCardFonts } from "../../src/integration/share-images/og-fonts.ts";

const require = createRequire(import.meta.url);
const fonts = await prepareCardFonts(mkdtempSync(path.join(tmpdir(), "daybook-og-pool-")));
const pixels = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();
const card = (day: number) => ogCardSvg({ day, title: `Day ${day} of the pool test`, tags: ["queueing"], site: "example.org" });
const files = mkdtempSync(path.join(tmpdir(), "daybook-og-pool-cards-"));
let drawings = 0;
/** The PNG the pool writes for `svg`, in a file of its own. */
const drawPng = async (pool: OgRenderPool, svg: string, fontSet: "small" | "full" = "small") => {
  const file = path.join(files, `${drawings++}.png`);
  await pool.draw(svg, fontSet, file);
  return readFileSync(file);
};

describe("share images rendered in worker threads", () => {
  it("gives each card the same pixels as rendering it on the main thread with the whole fonts, whatever order they finish in", async () => {
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 2 });
    const days = [1, 2, 3, 4, 5, 6];
    const pngs = await Promise.all(days.map((day) => drawPng(pool, card(day), day % 2 ? "small" : "full")));
    for (const [i, day] of days.entries()) {
      const resvgPng = new Resvg(card(day), fonts.full).render().asPng();
      expect((await pixels(pngs[i]!)).equals(await pixels(resvgPng))).toBe(true);
      // Indexed colour (png-palette.ts): about half of resvg's RGBA file.
      expect((await sharp(pngs[i]!).metadata()).isPalette).toBe(true);
      expect(pngs[i]!.length).toBeLessThan(resvgPng.length * 0.7);
    }
    expect(new Set(pngs.map((png) => png.toString("base64"))).size).toBe(days.length);
  });

  it("draws with a crop of no area, which resvg-js takes as no crop: the same size, pixels and PNG as its default", () => {
    // The workers pass UNCOPIED_CROP so that resvg-js does not copy each drawn pixmap; a version
    // of resvg-js that read it as a real crop would draw nothing, or fail, here.
    const titled = ogCardSvg({ day: 203, title: "Ærøskøbing’s naïve café — “tail latency” … at 99.9% and Παξος", tags: ["Queueing", "Reliability"], site: "journal.example.org" });
    for (const [svg, fontSet] of [[card(3), fonts.small], [titled, fonts.full]] as const) {
      const drawn = new Resvg(svg, { ...fontSet, crop: UNCOPIED_CROP }).render();
      const plain = new Resvg(svg, fontSet).render();
      expect([drawn.width, drawn.height]).toEqual([1200, 630]);
      expect([plain.width, plain.height]).toEqual([1200, 630]);
      expect(drawn.pixels.equals(plain.pixels)).toBe(true);
      expect(drawn.asPng().equals(plain.asPng())).toBe(true);
    }
  });

  it("falls back to resvg's own encoder, byte for byte, for a card of more than 256 colours", async () => {
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 1 });
    const gradient = card(8).replace('fill="#ffffff"/>', 'fill="url(#g)"/><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>');
    expect(gradient).not.toBe(card(8));
    const png = await drawPng(pool, gradient);
    expect(png.equals(new Resvg(gradient, fonts.small).render().asPng())).toBe(true);
  });

  it("rejects with the renderer's reason when a card cannot be rendered", async () => {
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 1 });
    await expect(drawPng(pool, "<svg")).rejects.toThrow(/rendering a share image failed/);
    // The worker survives a bad card.
    expect((await drawPng(pool, card(7))).subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("share images whose fonts are gone", () => {
  it("are not drawn, rather than drawn with no font for their text; a closed pool hands its cards back the same way", async () => {
    const own = await prepareCardFonts(mkdtempSync(path.join(tmpdir(), "daybook-og-pool-gone-")));
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), own, { size: 1 });
    expect((await drawPng(pool, card(1))).subarray(1, 4).toString()).toBe("PNG");
    for (const file of own.small.font.fontFiles) rmSync(file);
    const file = path.join(files, "fonts-gone.png");
    await expect(pool.draw(card(2), "small", file)).rejects.toBeInstanceOf(FontsMissingError);
    expect(existsSync(file)).toBe(false);
    const waiting = Array.from({ length: 20 }, (_, i) => pool.draw(card(3 + i), "full", path.join(files, `closed-${i}.png`)));
    pool.close();
    const outcomes = await Promise.allSettled(waiting);
    // Each card is either drawn (the whole fonts are not in the cache folder) or handed back.
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(FontsMissingError);
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
  });
});

describe("share-image workers and memory", () => {
  // resvg-js frees a card's 3 MB pixmap only when V8 collects its wrapper; without the worker's
  // collection after each card, 150 cards grew the process by about 450 MB.
  it("hand each card's pixmap back before the next, so a long journal does not grow the build by 3 MB a card", async () => {
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 1 });
    await drawPng(pool, card(0));
    const before = process.resourceUsage().maxRSS;
    await Promise.all(Array.from({ length: 150 }, (_, i) => drawPng(pool, card(i + 1))));
    const grownMb = (process.resourceUsage().maxRSS - before) / 1024;
    expect(grownMb).toBeLessThan(150);
  });
});

describe("share images drawn ahead of their pages", () => {
  /** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
  const niceOfThreads = () =>
    readdirSync("/proc/self/task").map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    });
  /** This process's worker threads (Node names their threads "WorkerThread") of normal priority. */
  const normalWorkers = () =>
    readdirSync("/proc/self/task").filter((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return stat.includes("(WorkerThread)") && stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16] === "0";
    }).length;

  it("draw at the lowest priority until a page waits, then at normal priority, every card drawn once", async () => {
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 3, aheadSize: 2, background: true });
    const days = Array.from({ length: 40 }, (_, i) => i + 1);
    const pngs = days.map((day) => drawPng(pool, card(day)));
    await pngs[0];
    // Each worker lowers its own priority as it starts; on a loaded machine the second may start
    // after the first has drawn a card. It holds half the cards, so it starts before they are drawn.
    await vi.waitFor(() => expect(niceOfThreads().filter((nice) => nice === SHARE_IMAGE_NICE)).toHaveLength(2), { timeout: 60_000, interval: 20 });
    const others = normalWorkers();
    pool.hurry();
    // Three workers of normal priority replace the two drawing ahead.
    await vi.waitFor(() => expect(normalWorkers()).toBe(others + 3), { timeout: 60_000, interval: 20 });
    const drawn = await Promise.all(pngs);
    // The workers of normal priority drew the rest; the low-priority ones stop once their cards are done.
    await vi.waitFor(() => expect(niceOfThreads().filter((nice) => nice === SHARE_IMAGE_NICE)).toHaveLength(0), { timeout: 60_000, interval: 50 });
    expect(new Set(drawn.map((png) => png.toString("base64"))).size).toBe(days.length);
    expect((await pixels(drawn[39]!)).equals(await pixels(new Resvg(card(40), fonts.full).render().asPng()))).toBe(true);
    // A card asked for after the hurry is drawn too.
    expect((await drawPng(pool, card(41))).subarray(1, 4).toString()).toBe("PNG");
  });
  it("keep drawing while the main thread does not turn its event loop: a worker drawing ahead holds every card, not a few", async () => {
    // A build's main thread can go seconds without handing out work (a thousand compiles resuming
    // at once). With a few cards in hand, the worker drew those and then sat idle until it did.
    const pool = new OgRenderPool(require.resolve("@resvg/resvg-js"), fonts, { size: 1, aheadSize: 1, background: true });
    const cards = Array.from({ length: 40 }, (_, i) => ({ svg: card(100 + i), file: path.join(files, `ahead-${i}.png`) }));
    const done = cards.map(({ svg, file }) => pool.draw(svg, "small", file));
    await done[0];
    // This thread now blocks: only what the worker already holds can be drawn. (Bounded, so that
    // a worker holding a few cards fails the test rather than hanging it; a loaded machine only
    // makes the wait longer, never the answer different.)
    const until = Date.now() + 240_000;
    while (!cards.every(({ file }) => existsSync(file)) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    expect(cards.filter(({ file }) => !existsSync(file)).map(({ file }) => path.basename(file))).toEqual([]);
    await Promise.all(done);
    expect((await pixels(readFileSync(cards[39]!.file))).equals(await pixels(new Resvg(cards[39]!.svg, fonts.full).render().asPng()))).toBe(true);
  });
});
