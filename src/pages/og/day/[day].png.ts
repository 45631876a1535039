import type { APIRoute, GetStaticPaths } from "astro";
import { loadJournal, type Entry } from "../../../lib/journal.ts";
import { ogCardSite, ogCardSvg } from "../../../lib/og-card.ts";
import { renderPng } from "../../../integration/share-images/og-image.ts";
import { daybookCacheDir } from "../../../integration/daybook-cache.ts";
import { daybookSettings } from "../../../integration/daybook-settings.ts";
import config from "../../../../daybook.config.ts";

export const getStaticPaths = (async () => {
  if (!daybookSettings().shareImages) return [];
  const journal = await loadJournal();
  return journal.entries.map((entry) => ({
    params: { day: String(entry.data.day) },
    props: { entry, tags: journal.tagsOf(entry).map((t) => t.data.title) },
  }));
}) satisfies GetStaticPaths;

/** The image shown when an entry is shared: "Day N", the title and its tags. */
export const GET: APIRoute<{ entry: Entry; tags: string[] }> = async ({ props, site }) => {
  const svg = ogCardSvg({ day: props.entry.data.day, title: props.entry.data.title, tags: props.tags, site: ogCardSite(site, import.meta.env.BASE_URL, config.title) });
  const png = await renderPng(svg, daybookCacheDir(process.cwd()));
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
