import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { convertBody } from "../../src/integration/import/import-body.ts";
import { EntryImages } from "../../src/integration/import/import-images.ts";

/**
 * Old notes often load screenshots over plain http:, which the site's Content-Security-Policy
 * blocks (a broken image for every reader). The importer asks for them over https: and says so,
 * instead of leaving the note out.
 */
describe("plain-http images", () => {
  const root = mkdtempSync(path.join(tmpdir(), "daybook-import-images-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const images = () => new EntryImages(root, "chrome/throttle.md", "001-throttle");

  it("are upgraded to https:, and https:, data: and protocol-relative images stay as written", () => {
    expect(images().resolve("http://i.example.com/a.png")).toEqual({ kind: "upgrade", url: "https://i.example.com/a.png" });
    expect(images().resolve("HTTP://i.example.com/a.png")).toEqual({ kind: "upgrade", url: "https://i.example.com/a.png" });
    expect(images().resolve("https://i.example.com/a.png")).toEqual({ kind: "keep" });
    expect(images().resolve("ftp://i.example.com/a.png")).toMatchObject({ kind: "refuse" });
  });

  it("are rewritten in Markdown, reference definitions and raw HTML, each with a note at its line", () => {
    const source = "Intro.\n\n![shot](http://i.example.com/a.png)\n\n![ref][r]\n\n[r]: http://i.example.com/b.png\n\n<img src=\"http://i.example.com/c.png\" alt=\"c\">\n";
    const result = convertBody(source, {
      file: "chrome/throttle.md",
      firstLine: 5,
      removeTitle: false,
      links: { resolve: () => undefined } as never,
      images: images(),
      findByName: () => undefined,
    });
    expect(result.text).toContain("![shot](https://i.example.com/a.png)");
    expect(result.text).toContain("[r]: https://i.example.com/b.png");
    expect(result.text).toContain('src="https://i.example.com/c.png"');
    expect(result.text).not.toContain("http://");
    expect(result.notes.map((n) => [n.line, /now loaded over https:/.test(n.message)])).toEqual([
      [7, true],
      [11, true],
      [13, true],
    ]);
  });
});
