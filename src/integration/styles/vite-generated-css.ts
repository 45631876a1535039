// styles/: stylesheets generated from code (code colours, graph palette), served as Vite virtual
// CSS modules so pages link them like any stylesheet.

import type { Plugin } from "vite";
import { codeColourCss } from "../markdown/code-colour-css.ts";
import { graphCss } from "../../lib/graph/graph-css.ts";

/** Stylesheets made from code, by the module that knows the colours, imported like any CSS file. */
const STYLESHEETS: Record<string, () => string | Promise<string>> = {
  "virtual:daybook/code-colours.css": codeColourCss,
  "virtual:daybook/graph.css": graphCss,
};

/** The hooks' filters: every key of STYLESHEETS has this form; the handlers check the exact id. */
const ID_FILTER = /^virtual:daybook\/[\w-]+\.css$/;
const RESOLVED_ID_FILTER = /^\0virtual:daybook\/[\w-]+\.css$/;

/**
 * Serves the generated stylesheets. They end up in the site's bundled CSS files (cached across
 * pages), not in `<style>` elements on every page. The hooks carry filters, so the bundler calls
 * them for these ids alone instead of for each of the build's thousands of modules.
 */
export function generatedCss(): Plugin {
  return {
    name: "daybook:generated-css",
    resolveId: { filter: { id: ID_FILTER }, handler: (id) => (id in STYLESHEETS ? `\0${id}` : undefined) },
    load: { filter: { id: RESOLVED_ID_FILTER }, handler: (id) => (id.startsWith("\0") && id.slice(1) in STYLESHEETS ? STYLESHEETS[id.slice(1)]!() : undefined) },
  };
}
