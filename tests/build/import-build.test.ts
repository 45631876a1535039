import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { convertFolder, readFolder } from "../../src/integration/import/import-folder.ts";
import { stageFiles, type StagedFile } from "../../src/integration/import/import-write.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { checkLinks } from "../../src/integration/links/link-check.ts";
import { TagIndex } from "../../src/lib/tag-index.ts";
import { buildSite, ROOT, type BuildResult } from "../helpers/build-site.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { htmlFiles, read } from "../helpers/html.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";
import { TODAY, fixtureRepo } from "../unit/import-fixtures.ts";

const BASE = "/journal/";

/**
 * The three fixture layouts, imported and built as ONE journal (TIL days 1–28, Jekyll 101–128,
 * daily notes 201–229) under a GitHub Pages base path: one build instead of three. The
 * importer's own tests prove each layout alone; this proves what it writes builds, links and
 * redirects. Measured: about 20 s for the build on an idle 2-core machine.
 */
describe("imported journals, built", () => {
  let build: BuildResult;
  let entries: number;
  beforeAll(async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "daybook-imported-")), "content");
    const files = new Map<string, StagedFile>();
    for (const [layout, firstDay] of [["til", 1], ["jekyll", 101], ["daily", 201]] as const) {
      const converted = convertFolder(readFolder(fixtureRepo(layout)), { today: TODAY, firstDay, keptTags: new TagIndex([]) });
      for (const file of converted.files) if (!files.has(file.path)) files.set(file.path, file); // a tag two layouts share is written once
    }
    stageFiles(content, [...files.values()]);
    const journal = loadJournal(daybookSettings({ DAYBOOK_CONTENT: content }, ROOT), TODAY);
    expect(journal.problems).toEqual([]);
    entries = journal.entries.filter((e) => !e.data.draft).length;
    build = await buildSite({ content, base: BASE, site: "https://example.github.io" });
  });

  /** The day whose page has this title, found in the output (day numbers follow git dates). */
  const dayOf = (title: string) => {
    const escaped = title.replace(/'/g, "&#39;");
    const file = htmlFiles(build.outDir).find((f) => /^day\/\d+\/index\.html$/.test(f) && read(build.outDir, f).includes(`id="entry-title"`) && new RegExp(`<h1 id="entry-title"[^>]*>${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</h1>`).test(read(build.outDir, f)));
    expect(file, title).toBeDefined();
    return Number(file!.split("/")[1]);
  };
  const pageOf = (title: string) => read(build.outDir, `day/${dayOf(title)}/index.html`);

  it("builds every entry under the base path", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(htmlFiles(build.outDir).filter((f) => /^day\/\d+\/index\.html$/.test(f))).toHaveLength(entries);
  });

  it("has no broken link, image or #anchor: links between notes became links between days", () => {
    const report = checkLinks(build.outDir, { base: BASE });
    expect(report.problems).toEqual([]);
    expect(pageOf("Skip formatting commits in blame")).toContain(`<a href="/journal/day/${dayOf("Bisect a regression")}/#finishing">bisect</a>`);
    expect(pageOf("Name grid areas")).toMatch(/<img [^>]*src="\/journal\/_astro\/grid\.[^"]+"/); // copied beside the entry, then optimised
    expect(pageOf("Little's law")).toContain("<math"); // kramdown's $$ became GitHub's maths
  });

  it("writes a redirect page at each old address, pointing at the entry's page", () => {
    const cases = [
      ["queueing/2019/02/17/little-law.html", "Little's law"],
      ["notes/own-address/index.html", "A post with its own address"],
      ["old/own-address.html", "A post with its own address"],
      ["git/bisect-a-regression/index.html", "Bisect a regression"],
    ];
    for (const [file, title] of cases) {
      expect(existsSync(path.join(build.outDir, file!)), file).toBe(true);
      const html = read(build.outDir, file!);
      const target = /<meta http-equiv="refresh" content="0; url=(\/journal\/day\/\d+\/)">/.exec(html)?.[1];
      expect(target, file).toBeDefined();
      expect(read(build.outDir, `${target!.slice(BASE.length)}index.html`)).toContain(title!.replace("'", "&#39;"));
      expect(html).toContain(`<link rel="canonical" href="https://example.github.io${target}">`);
    }
    const sitemap = readFileSync(path.join(build.outDir, "sitemap-0.xml"), "utf8");
    expect(sitemap).not.toMatch(/little-law|own-address|bisect-a-regression/);
  });

  describe("in Chromium", () => {
    let site: StaticSite;
    let browser: Browser;
    beforeAll(async () => {
      site = await serveStatic(build.outDir, BASE);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it("a redirect page lands on the entry with no script and no CSP violation", async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && problems.push(m.text()));
      await page.goto(`${site.url}queueing/2019/02/17/little-law.html`);
      await page.waitForURL(/\/journal\/day\/\d+\/$/);
      expect(await page.locator("h1").first().textContent()).toBe("Little's law");
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
