// markdown/: Daybook's hast plugins, in the order the Markdown processor runs them
// (astro.config.mjs), shared with the tests that compile Markdown and MDX as the build does.
import { githubCallouts } from "./hast-callouts.ts";
import { codeHighlight } from "./hast-code-highlight.ts";
import { headingAnchors } from "./hast-heading-anchors.ts";
import { mathsToMathml } from "./hast-maths.ts";
import { tableAlignClasses } from "./hast-table-align.ts";

/** mathsToMathml before codeHighlight: a maths block that does not parse is left as code for it. */
export const HAST_PLUGINS = [mathsToMathml, codeHighlight, tableAlignClasses, githubCallouts, headingAnchors];
