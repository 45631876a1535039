// The share images' small fonts (src/integration/share-images/og-fonts.ts) must change no pixel:
// a card drawn with them is byte for byte the card drawn with the whole DejaVu fonts.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { ogCardSvg, type OgCard } from "../../src/lib/og-card.ts";
import { fitsSmallFonts, prepareCardFonts, SUBSET_CHARACTERS } from "../../src/integration/share-images/og-fonts.ts";
import { renderPng } from "../../src/integration/share-images/og-image.ts";

const cache = mkdtempSync(path.join(tmpdir(), "daybook-og-fonts-"));
const fonts = await prepareCardFonts(cache);
const characters = [...SUBSET_CHARACTERS];
const sameWithBoth = (svg: string) => new Resvg(svg, fonts.small).render().asPng().equals(new Resvg(svg, fonts.full).render().asPng());

describe("share images: the small fonts", () => {
  it("draw every character they hold as the whole fonts do, in the bold title and the regular tags and site", () => {
    for (let i = 0; i < characters.length; i += 40) {
      const run = characters.slice(i, i + 40);
      const svg = ogCardSvg({ day: i, title: run.join(" "), tags: [run.slice(0, 20).join("")], site: run.slice(20).join("") });
      expect(fitsSmallFonts(svg)).toBe(true);
      expect(sameWithBoth(svg), `characters ${run.join("")}`).toBe(true);
    }
  });

  it("draw random text from their characters as the whole fonts do (kerning pairs, accents, punctuation)", () => {
    let seed = 20;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 8; i++) {
      const text = Array.from({ length: 60 }, () => (next() < 0.15 ? " " : characters[Math.floor(next() * characters.length)]!)).join("");
      const svg = ogCardSvg({ day: i, title: text, tags: [text.slice(0, 25)], site: text.slice(25, 45) });
      expect(sameWithBoth(svg), JSON.stringify(text)).toBe(true);
    }
  });

  it.each([
    ["plain ASCII", "Two-phase commit", true],
    ["Latin-1 and typographic punctuation", "Ærøskøbing’s café — “quoted” …", true],
    ["a tab, which the markup may hold", "a\tb", true],
    ["Greek, not in the set", "λ-calculus", false],
    ["CJK, not in DejaVu at all", "日本", false],
    ["an emoji", "🚀 launch", false],
  ])("fitsSmallFonts: %s", (_what, title, fits) => {
    expect(fitsSmallFonts(ogCardSvg({ day: 1, title, tags: ["x"], site: "example.org" }))).toBe(fits);
  });
});

// The PNGs Daybook made before the small fonts and the font preparation per build (resvg with
// the whole fonts, loaded for every image). resvg's native build differs per platform, so the
// bytes are pinned where they were measured: Linux on x64, this project's machines and CI.
const TODAY: [OgCard, string][] = [
  [{ day: 16, title: "Two-phase commit: the coordinator that forgot", tags: ["Distributed transactions", "Consensus"], site: "example.github.io/daybook" }, "3f836f1292630264b290a66103582e80a26f6f8e46c803913f3ab38fe6ba7262"],
  [{ day: 203, title: "Ærøskøbing’s naïve café — “tail latency” … at 99.9%", tags: ["Queueing", "Reliability", "Observability", "Caching", "Ignored fifth"], site: "journal.example.org" }, "dd71ce3b970ce517525a72e3307c04798baac35a917d9c655411fa53014eab90"],
  [{ day: 7, title: "日本語 and 🚀 are drawn with the whole fonts", tags: ["Unicode"], site: "example.org" }, "dde305d09d846d8d92f75983727be4109421c4de7a3b36d7724c91a847e5c4eb"],
];

describe.runIf(platform() === "linux" && arch() === "x64")("share images: the same bytes as before", () => {
  it.each(TODAY)("Day $day", async (card, sha256) => {
    const png = await renderPng(ogCardSvg(card), mkdtempSync(path.join(tmpdir(), "daybook-og-bytes-")));
    expect(createHash("sha256").update(png).digest("hex")).toBe(sha256);
  });
});
