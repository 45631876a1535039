import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { read } from "../helpers/html.ts";
import { REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";

/**
 * Days 70–71 of the real-journal fixture record old addresses (`redirectFrom`), as
 * `npm run import` writes them, in .md and .mdx: the shared build writes a redirect page at each.
 */
describe("redirect pages in the real-journal fixture", () => {
  const build = inject("realJournalBuild");

  it.each([
    ["md", 70],
    ["mdx", 71],
  ])("an imported .%s entry's old addresses redirect to its page under the base path", (ext, day) => {
    expect(build.code, build.output).toBe(0);
    for (const file of [`old-blog/2020/01/02/imported-note-${ext}.html`, `old-blog/til/imported-note-${ext}.htm`]) {
      expect(existsSync(path.join(build.outDir, file)), file).toBe(true);
      const html = read(build.outDir, file);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${REAL_JOURNAL_BASE}day/${day}/">`);
      expect(html).toContain(`<link rel="canonical" href="https://example.github.io${REAL_JOURNAL_BASE}day/${day}/">`);
      expect(html).toContain(`<a href="${REAL_JOURNAL_BASE}day/${day}/">Day ${day}: An imported note (.${ext})</a>`);
      expect(html).toMatch(/http-equiv="Content-Security-Policy" content="[^"]*script-src &#39;none&#39;/);
      expect(html).not.toMatch(/<script|\sstyle=/);
    }
    expect(existsSync(path.join(build.outDir, `day/${day}/index.html`))).toBe(true);
  });
});
