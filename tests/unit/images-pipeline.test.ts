import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { satteri } from "@astrojs/markdown-satteri";
import { entryImages, COLUMN_SIZES } from "../../src/integration/images/mdast-images.ts";
import { contentFilesFrom, listContentFiles } from "../../src/integration/images/content-files.ts";

/**
 * The plugin inside Astro's own Markdown and MDX processors (the ones the build runs, minus
 * Vite): what reaches Astro's image pipeline, and what is refused even where only `astro dev`
 * would compile it.
 */
let work: string;
let content: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "daybook-images-"));
  content = path.join(work, "content");
  for (const dir of ["days/030-figures", "assets"]) mkdirSync(path.join(content, dir), { recursive: true });
  for (const file of ["days/030-figures/figure.png", "days/beside.png", "assets/shared.png", "days/030-figures/my figure.png"]) writeFileSync(path.join(content, file), "png");
  writeFileSync(path.join(work, "outside.png"), "secret");
  mkdirSync(path.join(work, "outside-folder"));
  writeFileSync(path.join(work, "outside-folder", "x.png"), "secret");
  symlinkSync(path.join(work, "outside.png"), path.join(content, "days/leak.png"));
  symlinkSync(path.join(work, "outside-folder"), path.join(content, "days/linked"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const processor = () => satteri({ mdastPlugins: [entryImages({ contentRoot: content, remoteImages: true })] });

async function renderMd(body: string) {
  const renderer = await processor().createRenderer({});
  return renderer.render(body, { frontmatter: {}, fileURL: pathToFileURL(path.join(content, "days/030-figures.md")) });
}

async function renderMdx(body: string) {
  const renderer = await processor().createMdxRenderer!({}, { optimize: false, srcDir: new URL("file:///nowhere/"), sourcemap: false } as never);
  return (await renderer.process(body, path.join(content, "days/030-figures.mdx"), {})).code;
}

/** The image properties Astro's marker hands to getImage, from the rendered HTML. */
function marked(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/__ASTRO_IMAGE_="([^"]*)"/g)].map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&#x22;/g, '"')));
}

describe("local images reach Astro's image pipeline", () => {
  it("Markdown images, bare or ./ or ../assets, percent-encoded, and reference images", async () => {
    const { code, metadata } = await renderMd("![a](beside.png) ![b](./030-figures/figure.png) ![c](../assets/shared.png) ![d](030-figures/my%20figure.png) ![e][r]\n\n[r]: 030-figures/figure.png\n");
    expect(metadata.localImagePaths.sort()).toEqual(["../assets/shared.png", "./030-figures/figure.png", "./030-figures/my figure.png", "./beside.png"]);
    expect(marked(code)).toEqual([
      { alt: "a", layout: "constrained", sizes: COLUMN_SIZES, src: "./beside.png", index: 0 },
      { alt: "b", layout: "constrained", sizes: COLUMN_SIZES, src: "./030-figures/figure.png", index: 0 },
      { alt: "c", layout: "constrained", sizes: COLUMN_SIZES, src: "../assets/shared.png", index: 0 },
      { alt: "d", layout: "constrained", sizes: COLUMN_SIZES, src: "./030-figures/my figure.png", index: 0 },
      { alt: "e", layout: "constrained", sizes: COLUMN_SIZES, src: "./030-figures/figure.png", index: 1 },
    ]);
    expect(code).not.toMatch(/<img[^>]* src=/); // every one is left for Astro to fill in
  });

  it("a raw <img> in .md, inline or in a block, with its width and the HTML around it", async () => {
    const { code, metadata } = await renderMd('<p align="center"><img src="030-figures/figure.png" alt="Centred" width="300"></p>\n\nText <img src="../assets/shared.png" alt="" title="T"> here.\n');
    expect(metadata.localImagePaths.sort()).toEqual(["../assets/shared.png", "./030-figures/figure.png"]);
    expect(marked(code)).toEqual([
      expect.objectContaining({ alt: "Centred", width: 300, layout: "constrained", src: "./030-figures/figure.png" }),
      expect.objectContaining({ alt: "", title: "T", sizes: COLUMN_SIZES, src: "../assets/shared.png" }),
    ]);
    expect(marked(code)[0]).not.toHaveProperty("sizes"); // a set width: Astro's sizes for that width
    expect(code).toMatch(/<p align="center">\s*<img __ASTRO_IMAGE_=/);
  });

  it("MDX: Markdown images and JSX <img /> become Astro's Image with an import of the file", async () => {
    const code = await renderMdx('![a](beside.png)\n\n<img src="../assets/shared.png" alt="Shared" width="200" />\n\nText <img src="./030-figures/figure.png" alt="" /> here.\n');
    const imports = [...code.matchAll(/^import \w+ from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(["./beside.png", "../assets/shared.png", "./030-figures/figure.png"]);
    expect(code.match(/_components\["astro-image"\]/g)).toHaveLength(3);
    expect(code).toMatch(/alt: "Shared",\s+width: "200",\s+layout: "constrained",\s+src: /);
    expect(code).not.toMatch(/_components\.img|"img"/); // no plain <img> left
  });
});

describe("remote images stay plain <img>, loaded lazily", () => {
  it.each([
    ["Markdown", "![A](https://example.com/a.png)\n"],
    ["raw HTML", '<img src="https://example.com/a.png" alt="A">\n'],
  ])("%s", async (_name, body) => {
    const { code, metadata } = await renderMd(body);
    expect(metadata.localImagePaths).toEqual([]);
    expect(code).toContain('<img src="https://example.com/a.png" alt="A" loading="lazy" decoding="async">');
  });
});

describe("what the validation pass refuses is not compiled either (astro dev goes on past it)", () => {
  it.each([
    ["a path out of the content folder", "![x](../../outside.png)", /leads outside the content folder/],
    ["an absolute path", "![x](/etc/passwd.png)", /is absolute/],
    ["a symbolic link to a file outside", "![x](./leak.png)", /symbolic link/],
    ["a path through a linked folder", "![x](./linked/x.png)", /symbolic link/],
    ["a raw <img> out of the content folder", '<img src="../../outside.png" alt="x">', /leads outside the content folder/],
    ["a missing file (not resolved as a package)", "![x](astro/logo.png)", /does not exist/],
    ["a tag without alt", '<img src="./beside.png">', /has no alt attribute/],
  ])("%s", async (_name, body, message) => {
    await expect(renderMd(`${body}\n`)).rejects.toThrow(message);
  });

  it("the same in MDX", async () => {
    await expect(renderMdx("<img src=\"../../outside.png\" alt=\"x\" />\n")).rejects.toThrow(/leads outside the content folder/);
    await expect(renderMdx("![x](./leak.png)\n")).rejects.toThrow(/symbolic link/);
  });
});

describe("the content folder's listing", () => {
  it("lists links without following them, and skips hidden files", () => {
    writeFileSync(path.join(content, "days/.hidden.png"), "x");
    const files = contentFilesFrom(listContentFiles(content));
    expect(files.kind("days/beside.png")).toBe("file");
    expect(files.kind("days/leak.png")).toBe("link");
    expect(files.kind("days/linked/x.png")).toBe("link");
    expect(files.kind("days/.hidden.png")).toBeUndefined();
    expect([...files.images()].sort()).toEqual(["assets/shared.png", "days/030-figures/figure.png", "days/030-figures/my figure.png", "days/beside.png"]);
  });
});

describe("a <picture>'s local <source> and a src written as code are refused in the pipeline too", () => {
  it("in .md and .mdx", async () => {
    await expect(renderMd('<picture><source srcset="./beside.png"><img src="./beside.png" alt="A"></picture>\n')).rejects.toThrow(/the <source> of a <picture>/);
    await expect(renderMdx('<picture>\n  <source srcSet="./beside.png" />\n  <img src="./beside.png" alt="A" />\n</picture>\n')).rejects.toThrow(/the <source> of a <picture>/);
    await expect(renderMdx("<img src={beside} alt=\"A\" />\n")).rejects.toThrow(/src written as code/);
    expect(await renderMdx('<img src={"./beside.png"} alt={"A"} />\n')).toMatch(/^import \w+ from "\.\/beside\.png";$/m);
  });
});
