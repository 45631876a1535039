import type { APIRoute } from "astro";
import { getTags } from "../../lib/journal.ts";

/** Tag id → title and aliases, fetched by the search UI when it first opens: chip labels, and the closest tags when nothing matches. */
export const GET: APIRoute = async () => {
  const tags = await getTags();
  return new Response(JSON.stringify(Object.fromEntries(tags.map((t) => [t.id, { title: t.data.title, aliases: t.data.aliases ?? [] }]))), { headers: { "content-type": "application/json" } });
};
