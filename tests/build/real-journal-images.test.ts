import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { DomUtils, parseDocument } from "htmlparser2";
import { htmlFiles, read } from "../helpers/html.ts";
import { REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";
import { COLUMN_SIZES } from "../../src/integration/images/mdast-images.ts";

/**
 * Days 30 (.md) and 31 (.mdx) of the real-journal fixture show the same images: beside the
 * note, in content/assets/, as Markdown, reference images, raw HTML or JSX, and from another
 * site. Built under /journal/, every local one comes out of Astro's image pipeline.
 */
describe("images in the real-journal fixture", () => {
  const build = inject("realJournalBuild");
  const images = (day: number) => DomUtils.getElementsByTagName("img", parseDocument(read(build.outDir, `day/${day}/index.html`))).map((img) => img.attribs);
  const inOutput = (url: string) => {
    expect(url.startsWith(`${REAL_JOURNAL_BASE}_astro/`), url).toBe(true);
    return existsSync(path.join(build.outDir, url.slice(REAL_JOURNAL_BASE.length)));
  };

  it.each([30, 31])("day %i: each local image is an optimised file under the base path, with its size, lazy loading and a srcset", (day) => {
    expect(build.code, build.output).toBe(0);
    const all = images(day);
    const local = all.filter((img) => !img.src!.startsWith("https:"));
    expect(local.map((img) => img.alt)).toEqual([
      "A teal gradient",
      "Two boxes joined by a line",
      "An orange PNG tile",
      "An orange GIF tile",
      "An orange WebP tile",
      "An orange AVIF tile",
      "A blue square",
      "",
      "The gradient again",
      "The gradient, 300 pixels wide",
    ]);
    for (const img of local) {
      expect(inOutput(img.src!), img.src).toBe(true);
      expect(img.src, img.alt).toMatch(img.alt!.startsWith("Two boxes") ? /\.svg$/ : /\.webp$/);
      expect(Number(img.width), img.alt).toBeGreaterThan(0);
      expect(Number(img.height), img.alt).toBeGreaterThan(0);
      expect([img.loading, img.decoding], img.alt).toEqual(["lazy", "async"]);
      const candidates = img.srcset!.split(", ").map((c) => c.split(" "));
      expect(candidates.length, img.alt).toBeGreaterThan(0);
      for (const [url, descriptor] of candidates) {
        expect(inOutput(url!), url).toBe(true);
        expect(descriptor).toMatch(/^\d+w$/);
      }
    }
    const [wide] = local;
    expect([wide!.width, wide!.height, wide!.sizes]).toEqual(["1200", "600", COLUMN_SIZES]);
    expect(wide!.srcset!.split(", ").length).toBeGreaterThanOrEqual(3); // 640w … 1200w for narrower screens
    const centred = local.at(-1)!;
    expect([centred.width, centred.height, centred.sizes]).toEqual(["300", "150", "(min-width: 300px) 300px, 100vw"]);
    expect(local.find((img) => img.title)?.title).toBe("The diagram");
  });

  it.each([30, 31])("day %i: remote images stay as written, loaded lazily", (day) => {
    const remote = images(day).filter((img) => img.src!.startsWith("https:"));
    expect(remote).toEqual([
      expect.objectContaining({ src: "https://img.example.com/badge.png", alt: "A remote badge", loading: "lazy", decoding: "async" }),
      expect.objectContaining({ src: "https://img.example.com/raw.png", alt: "A remote picture in raw HTML", loading: "lazy", decoding: "async" }),
    ]);
  });

  it("no page keeps an unresolved image: no relative src, no Astro marker", () => {
    for (const file of htmlFiles(build.outDir)) {
      const html = read(build.outDir, file);
      expect(html, file).not.toContain("__ASTRO_IMAGE_");
      expect(html, file).not.toMatch(/<img[^>]*\ssrc="(?!https:|\/journal\/|data:)/);
    }
  });

  it("the pages' Content-Security-Policy allows https: images, never http:", () => {
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(read(build.outDir, "day/30/index.html"))?.[1] ?? "";
    const imgSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("img-src"));
    expect(imgSrc?.split(/\s+/)).toEqual(["img-src", "'self'", "data:", "https:"]);
  });
});
