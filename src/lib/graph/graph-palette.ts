/**
 * The tag graph's community colours. Each community `c` is drawn with `--graph-c{c % 8}`;
 * the light value is for the white theme (#ffffff), the dark value for the dark theme
 * (#0d1117). Every colour reaches 4.5:1 against its background, so it is good for both
 * label text (AA, 4.5:1) and node fills (non-text graphics, 3:1); the edge colour reaches 3:1.
 */

/** One palette slot: the custom property and its value in each theme. */
export interface GraphColour {
  /** CSS custom property the graph reads, e.g. `--graph-c0`. */
  property: string;
  /** Value for the light theme (background #ffffff). */
  light: string;
  /** Value for the dark theme (background #0d1117). */
  dark: string;
}

/** Background of the light theme the palette is checked against. */
export const LIGHT_BACKGROUND = "#ffffff";
/** Background of the dark theme the palette is checked against. */
export const DARK_BACKGROUND = "#0d1117";

/**
 * Community colours, most distinct first (blue, orange, green, purple, magenta, teal, ochre,
 * slate), so the few clusters of a small journal never share a hue family.
 */
export const GRAPH_PALETTE: readonly GraphColour[] = [
  { property: "--graph-c0", light: "#1d4ed8", dark: "#93c5fd" },
  { property: "--graph-c1", light: "#c2410c", dark: "#fdba74" },
  { property: "--graph-c2", light: "#15803d", dark: "#86efac" },
  { property: "--graph-c3", light: "#7e22ce", dark: "#d8b4fe" },
  { property: "--graph-c4", light: "#be185d", dark: "#f9a8d4" },
  { property: "--graph-c5", light: "#0f766e", dark: "#5eead4" },
  { property: "--graph-c6", light: "#a16207", dark: "#fde047" },
  { property: "--graph-c7", light: "#475569", dark: "#cbd5e1" },
];

/** Colour of the lines between tags (3:1 against each background). */
export const GRAPH_EDGE_COLOUR: GraphColour = { property: "--graph-edge", light: "#8b949e", dark: "#6e7681" };

/** The palette slot (0–7) a community is coloured with. */
export function paletteIndex(community: number): number {
  const size = GRAPH_PALETTE.length;
  return ((community % size) + size) % size;
}

/** Class that colours a node of `community`: `community-0` … `community-7`. */
export function communityClass(community: number): string {
  return `community-${paletteIndex(community)}`;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const c = parseInt(part ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
