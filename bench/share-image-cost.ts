// Share images in `npm run bench`: the CPU one card costs through the build's own path (cache
// miss, worker pool, resvg, PNG file written), measured with process.cpuUsage(), which counts
// every thread of the process, the workers included. CPU rather than wall time, so a busy
// machine does not make the figure.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setImmediate as turn } from "node:timers/promises";
import { ogCardSvg } from "../src/lib/og-card.ts";
import { renderPng } from "../src/integration/share-images/og-image.ts";
import { cardFontsFor, prepareCardFonts, type CardFonts } from "../src/integration/share-images/og-fonts.ts";

export interface ShareImageFigures {
  cards: number;
  /** CPU per card whose characters are all in the ASCII fonts (most cards of an English journal). */
  cpuMsPerCard: number;
  /** CPU per card with a character outside them (here Greek), drawn with the whole fonts. */
  cpuMsPerWholeFontCard: number;
  /**
   * CPU per card of resvg alone (parsing, text layout and rendering the same cards with the fonts
   * the build picks for them, on this thread): the part of a card no encoder or pool can save,
   * measured in the same run so that the card's figure can be read against this machine's speed.
   */
  resvgCpuMsPerCard: number;
}

const card = (i: number, title: string) => ogCardSvg({ day: i, title, tags: ["Distributed transactions", "Consensus", "Reliability"], site: "example.github.io/daybook" });

async function cpuPerCard(svgs: string[], cache: string): Promise<number> {
  const used = process.cpuUsage();
  await Promise.all(svgs.map((svg) => renderPng(svg, cache)));
  const { user, system } = process.cpuUsage(used);
  return (user + system) / 1000 / svgs.length;
}

/**
 * resvg's own share of a card, drawn as resvg-js draws by default (the issue's reference): without
 * the pool, the encoder, the file, and the workers' uncopied crop (og-render-pool.ts).
 */
async function resvgCpuPerCard(svgs: string[], fonts: CardFonts): Promise<number> {
  const { Resvg } = createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  let cpu = 0;
  for (const svg of svgs) {
    const used = process.cpuUsage();
    new Resvg(svg, fonts[cardFontsFor(svg)]).render();
    const { user, system } = process.cpuUsage(used);
    cpu += user + system;
    // As in the workers: the pixmap is freed when its wrapper is collected (og-render-pool.ts).
    await turn();
  }
  return cpu / 1000 / svgs.length;
}

export async function benchShareImageCost(cards = 200): Promise<ShareImageFigures> {
  const cache = mkdtempSync(path.join(tmpdir(), "daybook-bench-og-"));
  try {
    // The first card starts the workers and prepares the fonts, once per build: not a card's cost.
    await renderPng(card(0, "Warm-up"), cache);
    const titles = (what: string) => Array.from({ length: cards }, (_, i) => card(i + 1, `${what} ${i + 1}: why the coordinator's log decides every outcome`));
    return {
      cards,
      cpuMsPerCard: await cpuPerCard(titles("Two-phase commit, part"), cache),
      cpuMsPerWholeFontCard: await cpuPerCard(titles("Παξος, part"), cache),
      resvgCpuMsPerCard: await resvgCpuPerCard(titles("Two-phase commit, part"), await prepareCardFonts(cache)),
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
