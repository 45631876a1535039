import type { APIRoute } from "astro";
import { bundleRunnerWorker } from "../../integration/snippets/runner-bundle.ts";

/** The snippet worker runtime, fetched by the page on the reader's first Run. */
export const GET: APIRoute = async () =>
  new Response(await bundleRunnerWorker(), { headers: { "content-type": "text/javascript; charset=utf-8" } });
