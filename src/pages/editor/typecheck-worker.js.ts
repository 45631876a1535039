import type { APIRoute } from "astro";
import { bundleTypecheckWorker } from "../../integration/snippets/editor-bundle.ts";

/** The editor's type-check worker, started by the page when a reader first edits a snippet. */
export const GET: APIRoute = async () => new Response(await bundleTypecheckWorker(), { headers: { "content-type": "text/javascript; charset=utf-8" } });
