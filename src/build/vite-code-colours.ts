import type { Plugin } from "vite";
import { codeColourCss } from "./code-colour-css.ts";

const ID = "virtual:daybook/code-colours.css";
const RESOLVED = `\0${ID}`;

/** Serves the code-token stylesheet (code-colour-css.ts) as `virtual:daybook/code-colours.css`. */
export function codeColours(): Plugin {
  return {
    name: "daybook:code-colours",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? codeColourCss() : undefined),
  };
}
