// The share images' small and ASCII fonts (src/integration/share-images/og-fonts.ts) must change
// no pixel: a card drawn with them is byte for byte the card drawn with the whole DejaVu fonts.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ogCardSvg, type OgCard } from "../../src/lib/og-card.ts";
import { ASCII_CHARACTERS, cardFontsFor, prepareCardFonts, SUBSET_CHARACTERS, type CardFonts } from "../../src/integration/share-images/og-fonts.ts";
import { renderPng } from "../../src/integration/share-images/og-image.ts";

const cache = mkdtempSync(path.join(tmpdir(), "daybook-og-fonts-"));
const fonts = await prepareCardFonts(cache);
const sameAsWhole = (svg: string, subset: Exclude<keyof CardFonts, "full">) => new Resvg(svg, fonts[subset]).render().asPng().equals(new Resvg(svg, fonts.full).render().asPng());

describe.each([
  ["small", SUBSET_CHARACTERS],
  ["ascii", ASCII_CHARACTERS],
] as const)("share images: the %s fonts", (subset, set) => {
  const characters = [...set];

  it("draw every character they hold as the whole fonts do, in the bold title and the regular tags and site", () => {
    for (let i = 0; i < characters.length; i += 40) {
      const run = characters.slice(i, i + 40);
      const svg = ogCardSvg({ day: i, title: run.join(" "), tags: [run.slice(0, 20).join("")], site: run.slice(20).join("") });
      // Drawn with these fonts, not with a smaller set's.
      if (subset === "ascii") expect(cardFontsFor(svg)).toBe("ascii");
      else if (run.some((character) => !ASCII_CHARACTERS.has(character))) expect(cardFontsFor(svg)).toBe("small");
      expect(sameAsWhole(svg, subset), `characters ${run.join("")}`).toBe(true);
    }
  });

  it("draw random text from their characters as the whole fonts do (kerning pairs, accents, punctuation)", () => {
    let seed = 20;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 8; i++) {
      const text = Array.from({ length: 60 }, () => (next() < 0.15 ? " " : characters[Math.floor(next() * characters.length)]!)).join("");
      const svg = ogCardSvg({ day: i, title: text, tags: [text.slice(0, 25)], site: text.slice(25, 45) });
      expect(sameAsWhole(svg, subset), JSON.stringify(text)).toBe(true);
    }
  });

  it("carry no hinting programs: resvg draws outlines unhinted, and reads the whole file for every glyph", () => {
    // A TrueType file's table directory: the count at byte 4, then 16 bytes a table, its tag first.
    const tables = (file: string) => {
      const font = readFileSync(file);
      return Array.from({ length: font.readUInt16BE(4) }, (_, i) => font.toString("latin1", 12 + 16 * i, 16 + 16 * i));
    };
    for (const [i, file] of fonts[subset].font.fontFiles.entries()) {
      expect(tables(fonts.full.font.fontFiles[i]!)).toEqual(expect.arrayContaining(["fpgm", "prep", "cvt "]));
      expect(tables(file)).toEqual(expect.arrayContaining(["glyf", "GPOS", "GSUB", "cmap"]));
      expect(tables(file).filter((tag) => ["fpgm", "prep", "cvt "].includes(tag))).toEqual([]);
    }
  });
});

describe("share images: the fonts a card is drawn with", () => {
  it("are smaller files for a smaller set", () => {
    const size = (options: CardFonts[keyof CardFonts]) => options.font.fontFiles.map((file) => readFileSync(file).length);
    for (const [i, ascii] of size(fonts.ascii).entries()) {
      expect(ascii).toBeLessThan(size(fonts.small)[i]! / 1.8);
      expect(size(fonts.small)[i]!).toBeLessThan(size(fonts.full)[i]! / 10);
    }
  });

  it.each([
    ["plain ASCII", "Two-phase commit", "ascii"],
    ["ASCII cut with the card's own ellipsis, tags joined by its own dot", "x ".repeat(80), "ascii"],
    ["a curly apostrophe", "Little’s law", "small"],
    ["Latin-1 and typographic punctuation", "Ærøskøbing’s café — “quoted” …", "small"],
    ["a tab, which the markup may hold", "a\tb", "ascii"],
    ["Greek, not in either set", "λ-calculus", "full"],
    ["CJK, not in DejaVu at all", "日本", "full"],
    ["an emoji", "🚀 launch", "full"],
  ] as const)("for %s: the %s fonts", (_what, title, expected) => {
    const svg = ogCardSvg({ day: 1, title, tags: ["x", "y"], site: "example.org" });
    expect(cardFontsFor(svg)).toBe(expected);
  });
});

// The pixels of the PNGs Daybook made before the small fonts, the font preparation per build and
// the indexed-colour encoder (resvg with the whole fonts, loaded for every image, and resvg's RGBA
// encoder; those files' SHA-256 were 3f836f12…, dd71ce3b… and dde305d0…), decoded to RGBA. The
// files are now about half the size. resvg's native build differs per platform, so the pixels
// are pinned where they were measured: Linux on x64, this project's machines and CI.
const TODAY: [OgCard, string][] = [
  [{ day: 16, title: "Two-phase commit: the coordinator that forgot", tags: ["Distributed transactions", "Consensus"], site: "example.github.io/daybook" }, "881730c3c80d1a0b69a6c819baf0bc7c31a8060d629f339742ae1e93a358ed56"],
  [{ day: 203, title: "Ærøskøbing’s naïve café — “tail latency” … at 99.9%", tags: ["Queueing", "Reliability", "Observability", "Caching", "Ignored fifth"], site: "journal.example.org" }, "34253a25f20036ce8f5abc9c5d9c2524bede952d005c71ad32417876105f5391"],
  [{ day: 7, title: "日本語 and 🚀 are drawn with the whole fonts", tags: ["Unicode"], site: "example.org" }, "eb91d8c35057339a06ec11bf112f4a69fd4479ee14bcb1c8cb5e2c650feba06c"],
];

describe.runIf(platform() === "linux" && arch() === "x64")("share images: the same pixels as before", () => {
  it.each(TODAY)("Day $day", async (card, sha256) => {
    const png = await renderPng(ogCardSvg(card), mkdtempSync(path.join(tmpdir(), "daybook-og-bytes-")));
    const pixels = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([pixels.info.width, pixels.info.height]).toEqual([1200, 630]);
    expect(createHash("sha256").update(pixels.data).digest("hex")).toBe(sha256);
  });
});
