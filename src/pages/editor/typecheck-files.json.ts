import type { APIRoute } from "astro";
import { typecheckFiles } from "../../integration/snippets/editor-bundle.ts";

/** The library files, `daybook/sim` sources and snippet globals the editor's type-check worker fetches as it starts. */
export const GET: APIRoute = () => new Response(JSON.stringify(typecheckFiles()), { headers: { "content-type": "application/json; charset=utf-8" } });
