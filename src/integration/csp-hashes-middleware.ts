// Build-time middleware (added by the daybook integration for `astro build` only): each page's
// policy keeps only the hashes of inline code the page contains (csp-hashes-in-use.ts).
import { defineMiddleware } from "astro/middleware";
import { keepHashesInUse } from "./csp-hashes-in-use.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  return new Response(keepHashesInUse(await response.text()), response);
});
