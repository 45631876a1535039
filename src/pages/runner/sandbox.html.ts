import type { APIRoute } from "astro";
import { sandboxPageHtml } from "../../integration/snippets/sandbox-page.ts";

/** The sandboxed page snippet code runs in (see src/integration/snippets/sandbox-page.ts). */
export const GET: APIRoute = async () => new Response(await sandboxPageHtml(), { headers: { "content-type": "text/html; charset=utf-8" } });
