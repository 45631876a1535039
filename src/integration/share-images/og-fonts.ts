// share-images/: the fonts the cards are drawn with, prepared once per build rather than per image.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HARFBUZZ_SUBSET_WASM, SUBSET_SETTINGS, subsetFont } from "./og-font-subset.ts";
import { writeFileWhole } from "../write-whole.ts";

const require = createRequire(import.meta.url);
// Fonts come from an npm package, so every machine renders the same pixels.
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
export const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(FONT_DIR, f));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/**
 * The characters the small fonts hold: printable ASCII, Latin-1, Latin Extended-A and the
 * dashes, quotes, bullets and ellipsis of General Punctuation, plus € and ™. Every one is in
 * both DejaVu faces. A card with any other character is drawn with the whole fonts.
 */
export const SUBSET_CHARACTERS: ReadonlySet<string> = new Set([...range(0x20, 0x7e), ...range(0xa0, 0x17f), ...range(0x2010, 0x2027), "€", "™"]);
/**
 * The characters the ASCII fonts hold: printable ASCII and the two a card adds itself
 * (src/lib/og-card.ts: `·` between tags, `…` where a title is cut). Most cards of an English
 * journal fit, and these font files are under half the small fonts' size (14–16 KB), which
 * matters because resvg reads a font file again for every glyph.
 */
export const ASCII_CHARACTERS: ReadonlySet<string> = new Set([...range(0x20, 0x7e), "·", "…"]);
/** Whitespace in the SVG's markup (between elements), which draws nothing. */
const MARKUP_WHITESPACE = new Set(["\n", "\r", "\t"]);

export interface ResvgOptions {
  font: { fontFiles: string[]; loadSystemFonts: false; defaultFontFamily: string };
}

export interface CardFonts {
  /** The whole DejaVu fonts: any character they have. */
  full: ResvgOptions;
  /** The same fonts holding only SUBSET_CHARACTERS: same pixels, a fraction of the work. */
  small: ResvgOptions;
  /** The same fonts holding only ASCII_CHARACTERS: same pixels again, less still to read. */
  ascii: ResvgOptions;
}

/** The subsets, smallest first: a card is drawn with the first that holds every character of it. */
const SUBSETS = [
  ["ascii", ASCII_CHARACTERS],
  ["small", SUBSET_CHARACTERS],
] as const;

const options = (fontFiles: string[]): ResvgOptions => ({ font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } });

/**
 * resvg 2.6 reads the whole font file again for every glyph it draws (fontdb's file source has
 * no shared copy), 0.7 MB per glyph of a card with the whole DejaVu fonts; the small fonts are
 * under 5% of that (31–36 KB), the ASCII ones about 2% (14–16 KB). They are made once and kept
 * in the cache folder, keyed by the fonts' bytes, the character set, the subsetter's bytes and
 * its settings.
 */
export async function prepareCardFonts(cacheDir: string): Promise<CardFonts> {
  const fonts = FONT_FILES.map((file) => readFileSync(file));
  const subsetter = readFileSync(HARFBUZZ_SUBSET_WASM);
  const subset = async (characters: ReadonlySet<string>): Promise<ResvgOptions> => {
    const key = createHash("sha256").update(subsetter).update(SUBSET_SETTINGS).update([...characters].join(""));
    for (const font of fonts) key.update(font);
    const dir = path.join(cacheDir, "daybook-og-fonts", key.digest("hex").slice(0, 16));
    const files: string[] = [];
    for (const [i, font] of fonts.entries()) {
      const file = path.join(dir, path.basename(FONT_FILES[i]!));
      if (!existsSync(file)) {
        // Parallel builds may race here: each puts a whole file in place.
        writeFileWhole(file, await subsetFont(font, characters));
      }
      files.push(file);
    }
    return options(files);
  };
  return { full: options(FONT_FILES), small: await subset(SUBSET_CHARACTERS), ascii: await subset(ASCII_CHARACTERS) };
}

/** The fonts a card is drawn with: the smallest set holding every character of its SVG (the markup is ASCII). */
export function cardFontsFor(svg: string): keyof CardFonts {
  const text = [...new Set(svg)].filter((character) => !MARKUP_WHITESPACE.has(character));
  for (const [name, characters] of SUBSETS) if (text.every((character) => characters.has(character))) return name;
  return "full";
}
