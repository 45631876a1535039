import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import config from "../../daybook.config.ts";
import { loadJournal } from "../lib/journal.ts";
import { entryPath, withBase } from "../lib/urls.ts";

/** The feed: newest 50 entries with their full summaries and absolute links under the base path. */
export const GET: APIRoute = async ({ site }) => {
  const journal = await loadJournal();
  const items = [...journal.entries].reverse().slice(0, 50);
  return rss({
    title: config.title,
    description: config.description,
    site: new URL(withBase("/"), site).href,
    trailingSlash: true,
    items: items.map((entry) => ({
      title: `Day ${entry.data.day}: ${entry.data.title}`,
      link: withBase(entryPath(entry.data.day)),
      pubDate: new Date(`${entry.data.date}T00:00:00Z`),
      description: entry.data.summary,
      categories: journal.tagIdsOf(entry).map((id) => journal.tagById.get(id)!.data.title),
    })),
    customData: `<language>${config.language}</language>`,
  });
};
