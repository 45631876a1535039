import type { APIRoute } from "astro";
import { typescriptForPage } from "../../integration/snippets/editor-bundle.ts";

/** The build's own TypeScript compiler, loaded by the editor's type-check worker (importScripts). */
export const GET: APIRoute = async () => new Response(await typescriptForPage(), { headers: { "content-type": "text/javascript; charset=utf-8" } });
