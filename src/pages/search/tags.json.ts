import type { APIRoute } from "astro";
import { getTags } from "../../lib/journal.ts";

/** Tag id → title, fetched by the search UI when it first opens, to label filter chips. */
export const GET: APIRoute = async () => {
  const tags = await getTags();
  return new Response(JSON.stringify(Object.fromEntries(tags.map((t) => [t.id, t.data.title]))), { headers: { "content-type": "application/json" } });
};
