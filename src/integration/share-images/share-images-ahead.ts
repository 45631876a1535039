// share-images/: a build's share images, started as soon as the journal is valid (before the
// snippets are checked), at low priority, and published when the pages are written. Astro never
// renders them: as 1,000 image routes they cost the main thread, which every step waits for,
// about a millisecond each (the route, two file writes for Astro's incremental cache), and their
// cards were a tail of the build in which the workers drew and the main thread only waited.
// Started here, they draw while the main thread bundles and renders pages; at the end of the
// build each is copied from the cache folder into the output (og-image.ts keeps one promise per
// card). `npm run dev` serves them from `src/pages/og/day/[day].png.ts`, with the same cards.

import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { ogCardSite, ogCardSvg } from "../../lib/og-card.ts";
import type { Journal } from "../content/journal-validate.ts";
import { JournalError, type Problem } from "../content/problem.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import type { DaybookSettings } from "../daybook-settings.ts";
import { cachePng, hurryShareImages } from "./og-image.ts";

/** Where a card is published, under the output folder (pages link to `<base>og/day/<day>.png`). */
const SHARE_IMAGE_FOLDER = path.join("og", "day");

/** A published entry's card, as `src/pages/og/day/[day].png.ts` draws it in dev. */
export interface ShareCard {
  day: number;
  /** The entry's file, which a problem with its card names. */
  file: string;
  svg: string;
}

/** The card of every published entry. */
export function shareCardsOf(journal: Journal, settings: DaybookSettings): ShareCard[] {
  const titles = new Map(journal.tags.map((tag) => [tag.id, tag.data.title]));
  const site = ogCardSite(settings.site || undefined, settings.base, settings.title);
  return journal.entries
    .filter((entry) => !entry.data.draft)
    .map((entry) => ({ day: entry.data.day, file: entry.file, svg: ogCardSvg({ day: entry.data.day, title: entry.data.title, tags: entry.tagIds.map((id) => titles.get(id) ?? id), site }) }));
}

/** A build's share images: drawn from the start, published at the end. */
export interface ShareImages {
  /** Copies every card into `outDir` (drawing at normal priority those not drawn yet); how many. */
  publish(outDir: string): Promise<number>;
}

/** Starts rendering (or reading from the cache) every card of the journal. */
export function startShareImages(journal: Journal, settings: DaybookSettings): ShareImages {
  const cacheDir = daybookCacheDir(settings.root);
  const cards = shareCardsOf(journal, settings).map((card) => {
    const png = cachePng(card.svg, cacheDir, true);
    png.catch(() => undefined); // reported by publish()
    return { ...card, png };
  });
  return {
    async publish(outDir) {
      hurryShareImages();
      const folder = path.join(outDir, SHARE_IMAGE_FOLDER);
      await mkdir(folder, { recursive: true });
      const copied = await Promise.allSettled(cards.map(async ({ day, png }) => copyFile(await png, path.join(folder, `${day}.png`))));
      const problems: Problem[] = copied.flatMap((outcome, i) =>
        outcome.status === "fulfilled"
          ? []
          : [{ file: cards[i]!.file, message: `its share image could not be made: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`, fix: "build again; if it fails again, set shareImages: false in daybook.config.ts and report the problem" }],
      );
      if (problems.length) throw new JournalError(problems, "The build output is incomplete; it is in dist/ but must not be deployed.");
      return cards.length;
    },
  };
}
