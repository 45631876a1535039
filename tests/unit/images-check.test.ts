import { describe, expect, it } from "vitest";
import { validateJournal, type SourceFile } from "../../src/integration/content/journal-validate.ts";
import type { ContentListing } from "../../src/integration/images/content-files.ts";

const enc = new TextEncoder();
const source = (folder: string, relative: string, text: string | Uint8Array): SourceFile => ({ path: `content/${folder}/${relative}`, relative, bytes: typeof text === "string" ? enc.encode(text) : text });
const tags = [source("tags", "images.md", "---\ntitle: Images\n---\nPictures.\n")];
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
// Seven lines of frontmatter, then a blank line: the body's text starts on line 9.
const head = '---\ntitle: "Figures"\nday: 30\ndate: 2026-11-09\ntags: [images]\nsummary: "S."\n---\n\n';
const IMAGES = [source("days", "030-figures/figure.png", PNG), source("days", "030-figures/Chart.PNG", PNG)];

function check(file: string, body: string, options: { contentFiles?: ContentListing; remoteImages?: boolean; images?: SourceFile[] } = {}) {
  const days = [source("days", file, head + body), ...(options.images ?? IMAGES)];
  return validateJournal(days, tags, { today: "2026-11-23", maxEntryBytes: 100_000, ...options });
}

describe("image files in days/", () => {
  it("are not entries, so they are not errors, and the entry that shows them is valid", () => {
    for (const ext of ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "PNG"]) {
      const journal = check("030-figures.md", `![A chart](./030-figures/x.${ext})\n`, { images: [source("days", `030-figures/x.${ext}`, PNG)] });
      expect(journal.problems, ext).toEqual([]);
      expect(journal.entries).toHaveLength(1);
    }
  });

  it("any other stray file keeps its error", () => {
    const journal = check("030-figures.md", "Text.\n", { images: [source("days", "notes.txt", "hello")] });
    expect(journal.problems).toEqual([expect.objectContaining({ file: "content/days/notes.txt", message: expect.stringMatching(/entries must be \.mdx or \.md files/) })]);
  });
});

describe("a missing image is an error at the entry's file:line with a fix", () => {
  it.each([
    ["a typo: the nearest name", "030-figures.md", "Intro.\n\n![Chart](./030-figures/figur.png)\n", 11, 1, /did you mean \.\/030-figures\/figure\.png\?/],
    ["another case: the file as it is spelt", "030-figures.md", "![Chart](030-figures/chart.png)\n", 9, 1, /did you mean \.\/030-figures\/Chart\.PNG\?/],
    ["in MDX", "030-figures.mdx", "Intro.\n\nSee ![Chart](./030-figures/figure.jpg) here.\n", 11, 5, /did you mean \.\/030-figures\/figure\.png\?/],
    ["a raw <img> in .md", "030-figures.md", 'Intro.\n\n<p align="center"><img src="030-figures/figures.png" alt="A"></p>\n', 11, 19, /did you mean/],
    ["a JSX <img /> in .mdx", "030-figures.mdx", 'Intro.\n\n<img src="./030-figures/fig.png" alt="A" />\n', 11, 1, /did you mean/],
    ["a reference image, at the reference", "030-figures.md", "![Chart][c]\n\n[c]: ./030-figures/figur.png\n", 9, 1, /did you mean \.\/030-figures\/figure\.png\?/],
    ["nothing near it", "030-figures.md", "![Chart](./zzzzzzzzzzzzzzzz.png)\n", 9, 1, /add the file there or correct the path/],
  ])("%s", (_name, file, body, line, column, fix) => {
    const { problems } = check(file, body);
    expect(problems).toEqual([{ file: `content/days/${file}`, line, column, message: expect.stringMatching(/does not exist \(looked for days\/.+ in the content folder\)/), fix: expect.stringMatching(fix) }]);
  });

  it("finds content/assets/ images, and suggests them, through the content folder's listing", () => {
    const contentFiles = { files: ["days/030-figures.md", "assets/diagram.svg"] };
    expect(check("030-figures.md", "![A diagram](../assets/diagram.svg)\n", { contentFiles }).problems).toEqual([]);
    const { problems } = check("030-figures.md", "![A diagram](../assets/diagam.svg)\n", { contentFiles });
    expect(problems).toEqual([expect.objectContaining({ line: 9, fix: "did you mean ../assets/diagram.svg?" })]);
  });

  it("does not look inside code", () => {
    expect(check("030-figures.md", "```md\n![Chart](./missing.png)\n```\n\n`![x](gone.png)`\n").problems).toEqual([]);
    expect(check("030-figures.mdx", "```md\n<img src=\"./missing.png\">\n```\n").problems).toEqual([]);
  });
});

describe("paths that would make the build read files outside the content folder are refused", () => {
  it.each([
    ["climbing out", "![x](../../../etc/passwd.png)", /leads outside the content folder/],
    ["climbing out from a sub-folder", "![x](./030-figures/../../../secret.png)", /leads outside the content folder/],
    ["climbing out, percent-encoded", "![x](%2e%2e/%2e%2e/secret.png)", /leads outside the content folder/],
    ["an absolute path", "![x](/etc/passwd.png)", /is absolute/],
    ["a Windows path", "![x](..\\..\\secret.png)", /backslashes/],
    ["a file: URL", "![x](file:///etc/passwd.png)", /file: URL/],
    ["a package-like bare path that is not there", "![x](astro/logo.png)", /does not exist/],
    ["a query (Vite reads ?raw and ?url imports)", "![x](./030-figures/figure.png?raw)", /\?query or #fragment/],
    ["not an image", "![x](./030-figures/notes.txt)", /is not an image file/],
    ["a raw <img> climbing out", '<img src="../../x.png" alt="x">', /leads outside the content folder/],
  ])("%s", (_name, markdown, message) => {
    const { problems } = check("030-figures.md", `${markdown}\n`);
    expect(problems).toEqual([expect.objectContaining({ file: "content/days/030-figures.md", line: 9, message: expect.stringMatching(message) })]);
  });

  it("refuses a symbolic link, or a path through one", () => {
    const contentFiles = { files: ["days/030-figures.md"], links: ["days/leak.png", "days/linked"] };
    for (const path of ["./leak.png", "./linked/x.png"]) {
      expect(check("030-figures.md", `![x](${path})\n`, { contentFiles }).problems).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/is a symbolic link/) })]);
    }
  });
});

describe("alt text", () => {
  it.each([
    ["a raw <img> without alt", "030-figures.md", 'Intro.\n\nA <img src="./030-figures/figure.png"> inline.\n', 11, 3, '<img src="./030-figures/figure.png">'],
    ["a JSX <img /> without alt", "030-figures.mdx", '<img src="./030-figures/figure.png" />\n', 9, 1, '<img src="./030-figures/figure.png" />'],
    ["a remote <img> without alt", "030-figures.md", '<img src="https://example.com/a.png">\n', 9, 1, '<img src="https://example.com/a.png">'],
  ])("%s is an error naming it", (_name, file, body, line, column, named) => {
    const { problems } = check(file, body);
    expect(problems).toEqual([{ file: `content/days/${file}`, line, column, message: expect.stringContaining(`the image ${named} has no alt attribute`), fix: expect.stringMatching(/alt="" if it is only decoration/) }]);
  });

  it.each([
    ["Markdown ![](x): empty alt, decorative", "030-figures.md", "![](./030-figures/figure.png)\n"],
    ['alt="" in raw HTML', "030-figures.md", '<img src="./030-figures/figure.png" alt="">\n'],
    ["a bare alt attribute", "030-figures.md", '<img src="./030-figures/figure.png" alt>\n'],
    ['alt="" in JSX', "030-figures.mdx", '<img src="./030-figures/figure.png" alt="" />\n'],
  ])("%s is allowed", (_name, file, body) => {
    expect(check(file, body).problems).toEqual([]);
  });
});

describe("remote images", () => {
  it("https: is shown; http: and protocol-relative URLs are errors (the policy would block them)", () => {
    expect(check("030-figures.md", "![A](https://example.com/a.png)\n").problems).toEqual([]);
    expect(check("030-figures.md", "![A](http://example.com/a.png)\n").problems).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/plain http:/), fix: expect.stringMatching(/https:\/\//) })]);
    expect(check("030-figures.md", "![A](//example.com/a.png)\n").problems).toEqual([expect.objectContaining({ fix: "write it in full: https://example.com/a.png" })]);
  });

  it("with remoteImages: false, an https: image is an error that says how to keep it", () => {
    const { problems } = check("030-figures.mdx", "![A](https://example.com/a.png)\n", { remoteImages: false });
    expect(problems).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/remoteImages: false/), fix: expect.stringMatching(/download it into content\/assets\//) })]);
  });
});

describe("a tag's page shows its body, so its images are checked the same way", () => {
  it("a missing image in a tag file is an error at its line, relative to the tag file", () => {
    const tag = source("tags", "images.md", "---\ntitle: Images\n---\nPictures.\n\n![A chart](../days/030-figures/figur.png)\n");
    const { problems } = validateJournal([source("days", "030-figures.md", `${head}Text.\n`), ...IMAGES], [tag], { today: "2026-11-23", maxEntryBytes: 100_000 });
    expect(problems).toEqual([expect.objectContaining({ file: "content/tags/images.md", line: 6, fix: "did you mean ../days/030-figures/figure.png?" })]);
  });
});

describe("what Astro's image pipeline would not publish", () => {
  it.each([
    ["a <picture> <source> with a local file in .md", "030-figures.md", '<picture><source srcset="./030-figures/figure.png 2x"><img src="./030-figures/figure.png" alt="A"></picture>\n', /the <source> of a <picture> names \.\/030-figures\/figure\.png/, 9],
    ["the same in .mdx", "030-figures.mdx", '<picture>\n  <source srcSet="./030-figures/figure.png" />\n  <img src="./030-figures/figure.png" alt="A" />\n</picture>\n', /the <source> of a <picture> names/, 10],
    ["an <img /> whose src is code", "030-figures.mdx", "<img src={figure} alt=\"A\" />\n", /src written as code/, 9],
  ])("%s is an error", (_name, file, body, message, line) => {
    expect(check(file, body).problems).toEqual(expect.arrayContaining([expect.objectContaining({ line, message: expect.stringMatching(message) })]));
  });

  it("a string literal in braces is read as the text it is (and checked)", () => {
    expect(check("030-figures.mdx", '<img src={"./030-figures/figure.png"} alt={\'A chart\'} />\n').problems).toEqual([]);
    expect(check("030-figures.mdx", '<img src={"./030-figures/figur.png"} alt="A" />\n').problems).toEqual([expect.objectContaining({ fix: "did you mean ./030-figures/figure.png?" })]);
  });

  it("a <source> with an https: URL is fine", () => {
    expect(check("030-figures.md", '<picture><source srcset="https://example.com/dark.png"><img src="./030-figures/figure.png" alt="A"></picture>\n').problems).toEqual([]);
  });
});
