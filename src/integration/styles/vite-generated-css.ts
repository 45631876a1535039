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

/**
 * Serves the generated stylesheets. They end up in the site's bundled CSS files (cached across
 * pages), not in `<style>` elements on every page.
 */
export function generatedCss(): Plugin {
  return {
    name: "daybook:generated-css",
    resolveId: (id) => (id in STYLESHEETS ? `\0${id}` : undefined),
    load: (id) => (id.startsWith("\0") && id.slice(1) in STYLESHEETS ? STYLESHEETS[id.slice(1)]!() : undefined),
  };
}
