// share-images/: a build's share images, started as soon as the journal is valid (before the
// snippets are checked), at low priority until a page waits for one, rather than when Astro
// reaches their pages. Astro renders the image routes late, after most pages; started
// then, the images were a tail of the build in which the workers drew and the main thread only
// waited. Started here, they draw while the main thread bundles and renders pages, and each
// image's page awaits its card and reads it from the cache folder (og-image.ts keeps one promise
// per card for both).

import { ogCardSite, ogCardSvg } from "../../lib/og-card.ts";
import type { Journal } from "../content/journal-validate.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import type { DaybookSettings } from "../daybook-settings.ts";
import { cachePng } from "./og-image.ts";

/** The card of every published entry, as `src/pages/og/day/[day].png.ts` will ask for it. */
export function shareCardsOf(journal: Journal, settings: DaybookSettings): string[] {
  const titles = new Map(journal.tags.map((tag) => [tag.id, tag.data.title]));
  const site = ogCardSite(settings.site || undefined, settings.base, settings.title);
  return journal.entries
    .filter((entry) => !entry.data.draft)
    .map((entry) => ogCardSvg({ day: entry.data.day, title: entry.data.title, tags: entry.tagIds.map((id) => titles.get(id) ?? id), site }));
}

/** Starts rendering (or reading from the cache) every card; a failure is reported by its page. */
export function startShareImages(journal: Journal, settings: DaybookSettings): number {
  const cards = shareCardsOf(journal, settings);
  for (const svg of cards) cachePng(svg, daybookCacheDir(settings.root), true).catch(() => undefined);
  return cards.length;
}
