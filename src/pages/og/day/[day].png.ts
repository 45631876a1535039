import type { APIRoute, GetStaticPaths } from "astro";
import { loadJournal } from "../../../lib/journal.ts";
import { ogCardSite, ogCardSvg } from "../../../lib/og-card.ts";
import { renderPng } from "../../../integration/share-images/og-image.ts";
import { daybookCacheDir } from "../../../integration/daybook-cache.ts";
import { daybookSettings } from "../../../integration/daybook-settings.ts";
import { pageCacheKey } from "../../../integration/page-cache-key.ts";
import config from "../../../../daybook.config.ts";

type Props = { day: number; title: string; tags: string[] };

export const getStaticPaths = (async () => {
  if (!daybookSettings().shareImages) return [];
  const journal = await loadJournal();
  return journal.entries.map((entry) => {
    // All the card shows besides the site's settings, which every key covers: an unchanged card is
    // copied from the last build (page-cache-key.ts) instead of being read from the image cache again.
    const props: Props = { day: entry.data.day, title: entry.data.title, tags: journal.tagsOf(entry).map((t) => t.data.title) };
    return { params: { day: String(entry.data.day) }, props, ...(import.meta.env.DEV ? {} : { cacheKey: pageCacheKey(props) }) };
  });
}) satisfies GetStaticPaths;

/** The image shown when an entry is shared: "Day N", the title and its tags. */
export const GET: APIRoute<Props> = async ({ props, site }) => {
  const svg = ogCardSvg({ day: props.day, title: props.title, tags: props.tags, site: ogCardSite(site, import.meta.env.BASE_URL, config.title) });
  const png = await renderPng(svg, daybookCacheDir(process.cwd()));
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
