import type { APIRoute, GetStaticPaths } from "astro";
import { loadJournal } from "../../../lib/journal.ts";
import { ogCardSite, ogCardSvg } from "../../../lib/og-card.ts";
import { renderPng } from "../../../integration/share-images/og-image.ts";
import { daybookCacheDir } from "../../../integration/daybook-cache.ts";
import { daybookSettings } from "../../../integration/daybook-settings.ts";
import config from "../../../../daybook.config.ts";

type Props = { day: number; title: string; tags: string[] };

// The dev server's share images. A build publishes the same cards itself, from the cache folder
// where it drew them from its start (integration/share-images/share-images-ahead.ts), rather
// than rendering a thousand routes on the thread every later step waits for.
export const getStaticPaths = (async () => {
  if (!daybookSettings().shareImages || !import.meta.env.DEV) return [];
  const journal = await loadJournal();
  return journal.entries.map((entry) => {
    const props: Props = { day: entry.data.day, title: entry.data.title, tags: journal.tagsOf(entry).map((t) => t.data.title) };
    return { params: { day: String(entry.data.day) }, props };
  });
}) satisfies GetStaticPaths;

/** The image shown when an entry is shared: "Day N", the title and its tags. */
export const GET: APIRoute<Props> = async ({ props, site }) => {
  const svg = ogCardSvg({ day: props.day, title: props.title, tags: props.tags, site: ogCardSite(site, import.meta.env.BASE_URL, config.title) });
  const png = await renderPng(svg, daybookCacheDir(process.cwd()));
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
