import type { APIRoute } from "astro";
import { toGraphJson } from "../lib/graph/graph-json.ts";
import { getGraphModel } from "../lib/journal-graph.ts";

/** The tag graph as data; its shape is documented in src/lib/graph/graph-json.ts. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(toGraphJson(await getGraphModel())), { headers: { "content-type": "application/json" } });
