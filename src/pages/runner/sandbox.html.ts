import type { APIRoute } from "astro";
import { sandboxPageHtml } from "../../integration/sandbox-page.ts";

/** The sandboxed page snippet code runs in (see src/integration/sandbox-page.ts). */
export const GET: APIRoute = () => new Response(sandboxPageHtml(), { headers: { "content-type": "text/html; charset=utf-8" } });
