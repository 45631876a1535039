import { GRAPH_EDGE_COLOUR, GRAPH_PALETTE } from "./graph-palette.ts";

const declarations = (theme: "light" | "dark", indent: string) =>
  [...GRAPH_PALETTE, GRAPH_EDGE_COLOUR].map((c) => `${indent}${c.property}: ${c[theme]};`).join("\n");

/**
 * The stylesheet the graph SVGs expect, to add to the site's CSS. It defines the palette
 * custom properties for both themes (following the site's `data-theme` switch and, without
 * JavaScript, `prefers-color-scheme`) and the classes the SVG uses:
 * `.tag-graph` (root), `.edge` (line), `.edge.related` (dashed), `.edge.w2`/`.w3` (heavier),
 * `.node` (link), `.community-0`…`-7` (colour), `.minor` (label hidden until hover or focus,
 * because it would overlap another label), `.focus` (the local graph's own tags).
 */
export function graphCss(): string {
  return `:root {
${declarations("light", "  ")}
}
:root[data-theme="dark"] {
${declarations("dark", "  ")}
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme]) {
${declarations("dark", "    ")}
  }
}
.tag-graph { max-width: 100%; height: auto; font-family: inherit; }
.tag-graph .edge { stroke: var(--graph-edge); stroke-width: 1; }
.tag-graph .edge.w2 { stroke-width: 2; }
.tag-graph .edge.w3 { stroke-width: 3; }
.tag-graph .edge.related { stroke-dasharray: 4 3; }
.tag-graph .node text { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
.tag-graph .node.minor text { opacity: 0; }
.tag-graph .node.minor:hover text,
.tag-graph .node.minor:focus text { opacity: 1; }
.tag-graph .node:focus-visible { outline: none; }
.tag-graph .node:focus-visible circle { stroke: var(--focus); stroke-width: 3; }
.tag-graph .focus circle { stroke: var(--text); stroke-width: 2; }
${GRAPH_PALETTE.map((c, i) => `.tag-graph .community-${i} { fill: var(${c.property}); }`).join("\n")}
`;
}
