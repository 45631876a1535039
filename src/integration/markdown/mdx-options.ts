// markdown/: how @astrojs/mdx compiles an .mdx entry (astro.config.mjs), shared with its test.
import { ENTRY_COMPONENT_NAMES } from "../../components/entry-component-names.ts";

/**
 * `optimize`: the elements of an entry that no component replaces are written as HTML when the
 * entry compiles, instead of as one JSX call per element that every render of the page walks (a
 * highlighted block is a call per token). The modules are smaller and the pages quicker to load
 * and render; the page is the same document, serialised a little differently (`"` in text is not
 * escaped, a void element is `<input>` rather than `<input/>`). Daybook's own components stay
 * components. tests/unit/mdx-static-html.test.ts holds hostile text to staying text.
 */
export const MDX_OPTIONS = { optimize: { ignoreElementNames: [...ENTRY_COMPONENT_NAMES] } };
