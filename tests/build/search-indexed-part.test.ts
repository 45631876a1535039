// Pagefind reads only a page's data-pagefind-body element (src/integration/search/index-html.ts
// `indexedPart`), not the whole page. That must not change the index: here Pagefind indexes the
// sample journal's and the real-journal fixture's searchable pages both ways, and the two
// indexes must be the same files, byte for byte.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, inject, it } from "vitest";
import { indexedPart } from "../../src/integration/search/index-html.ts";
import { files } from "../helpers/output-files.ts";

/** Every entry and tag page of a build, as Pagefind's URLs. */
function searchablePages(outDir: string): string[] {
  const under = (folder: string) => readdirSync(path.join(outDir, folder), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `/${folder}/${e.name}/`);
  return [...under("day"), ...under("tags")];
}

async function indexOf(outDir: string, prepare: (html: string) => string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "daybook-index-"));
  const { index } = await pagefind.createIndex({ forceLanguage: "en" });
  for (const url of searchablePages(outDir)) {
    const added = await index!.addHTMLFile({ url, content: prepare(readFileSync(path.join(outDir, url, "index.html"), "utf8")) });
    expect(added.errors, url).toEqual([]);
  }
  await index!.writeFiles({ outputPath: out });
  return out;
}

describe("the part of each page Pagefind indexes", () => {
  it.each(["sampleBuild", "realJournalBuild"] as const)("gives the same index as the whole page (%s)", async (name) => {
    const build = inject(name);
    expect(build.code, build.output).toBe(0);
    try {
      const whole = await indexOf(build.outDir, (html) => html);
      const part = await indexOf(build.outDir, indexedPart);
      const names = files(whole);
      expect(names.length).toBeGreaterThan(10);
      expect(files(part)).toEqual(names);
      expect(names.filter((n) => !readFileSync(path.join(whole, n)).equals(readFileSync(path.join(part, n))))).toEqual([]);
    } finally {
      await pagefind.close();
    }
  });
});
