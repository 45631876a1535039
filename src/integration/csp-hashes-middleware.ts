// Build-time middleware (added by the daybook integration for `astro build` only): each page's
// policy keeps only the hashes of inline code the page contains (csp-hashes-in-use.ts), and the
// final page is handed to the search index, which reads it while the next pages render
// (search/search-index.ts).
import { defineMiddleware } from "astro/middleware";
import { keepHashesInUse } from "./csp-hashes-in-use.ts";
import { offerRenderedPage } from "./search/search-offer.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  const html = keepHashesInUse(await response.text());
  offerRenderedPage(context.url.pathname, html);
  return new Response(html, response);
});
