import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { render } from "astro:content";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import config from "../../daybook.config.ts";
import { loadJournal } from "../lib/journal.ts";
import { startOfDay } from "../lib/time-zone.ts";
import { daybookSettings } from "../integration/daybook-settings.ts";
import { feedHtml } from "../lib/feed-html.ts";
import { ENTRY_COMPONENTS } from "../components/entry-components.ts";
import { entryPath, withBase } from "../lib/urls.ts";

/**
 * The feed: the newest 50 entries, each with its summary and its full rendered text (snippets
 * as code with their baked output), with absolute links under the base path. Newest first by
 * date, then day number. An entry's pubDate is the start of its date in the journal's time
 * zone: UTC midnight would be the evening before in the Americas, and 09:00 in Tokyo, which is
 * still in the future when an entry written there at 08:00 is built.
 */
export const GET: APIRoute = async ({ site }) => {
  const journal = await loadJournal();
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const origin = site!.origin;
  const { timeZone } = daybookSettings();
  const items = await Promise.all(
    [...journal.entries]
      .reverse()
      .slice(0, 50)
      .map(async (entry) => {
        const { Content } = await render(entry);
        return {
          title: `Day ${entry.data.day}: ${entry.data.title}`,
          link: withBase(entryPath(entry.data.day)),
          pubDate: startOfDay(entry.data.date, timeZone),
          description: entry.data.summary,
          content: feedHtml(await container.renderToString(Content, { props: { components: ENTRY_COMPONENTS } }), origin),
          categories: journal.tagsOf(entry).map((t) => t.data.title),
        };
      }),
  );
  return rss({
    title: config.title,
    description: config.description,
    site: new URL(withBase("/"), site).href,
    trailingSlash: true,
    items,
    // The feed names its own address (atom:link rel="self"), as feed validators and readers expect.
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    customData: `<language>${config.language}</language><atom:link href="${new URL(withBase("/rss.xml"), site).href}" rel="self" type="application/rss+xml"/>`,
  });
};
