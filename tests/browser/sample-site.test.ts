import { readdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { htmlFiles } from "../helpers/html.ts";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";

/** The sample journal as a reader gets it: built by `npm run build`, served statically, read in Chromium. */
describe("the sample journal in Chromium", () => {
  const session = useSampleSite();
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    context = await session.browser.newContext(options);
    return recordErrors(await context.newPage(), consoleErrors);
  }

  it("built one page per entry and per tag, with no warning", () => {
    expect(session.build.output).not.toMatch(/\[(WARN|ERROR)\]/);
    const files = htmlFiles(session.build.outDir);
    const entryFiles = readdirSync("content/days").filter((f) => /\.mdx?$/.test(f));
    const tagFiles = readdirSync("content/tags").filter((f) => f.endsWith(".md"));
    expect(entryFiles.length).toBeGreaterThanOrEqual(12);
    expect(files.filter((f) => /^day\/\d+\/index\.html$/.test(f))).toHaveLength(entryFiles.length);
    expect(files.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f))).toHaveLength(tagFiles.length);
  });

  it("goes from home to an entry, a tag and the archive", async () => {
    page = await newPage();
    await page.goto(session.site.url);
    await expect(page.locator("h1").textContent()).resolves.toBe("Daybook");
    await expect(page.locator(".calendar-figures").textContent()).resolves.toContain(`Days written: ${readdirSync("content/days").length}.`);

    const firstEntry = page.locator(".entry-card-title a").first();
    const title = await firstEntry.textContent();
    await firstEntry.click();
    await page.waitForURL(/\/day\/\d+\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(title);
    expect(await page.locator(".toc a").count()).toBeGreaterThan(1);

    const tag = page.locator(".entry-header .tag-pills a").first();
    const tagName = await tag.textContent();
    await tag.click();
    await page.waitForURL(/\/tags\/[a-z0-9-]+\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(tagName);
    await expect(page.locator(".entry-card-title a", { hasText: title! }).count()).resolves.toBe(1);

    await page.getByRole("link", { name: "Archive", exact: true }).first().click();
    await page.waitForURL(/\/archive\/$/);
    expect(await page.locator("main h2").allTextContents()).toContain("November 2026");
    await context.close();
  });

  it("follows the system theme, toggles, and remembers the choice without a flash", async () => {
    // bypassCSP: the probe script this test adds to a page below is not one of the site's own.
    page = await newPage({ colorScheme: "dark", bypassCSP: true });
    await page.goto(`${session.site.url}day/16/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const toggle = page.locator("[data-theme-toggle]");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    // It names the theme in use and says what a press does.
    await expect(toggle.textContent()).resolves.toMatch(/^\s*Theme:\s*Dark\s*$/);
    await expect(toggle.getAttribute("title")).resolves.toBe("Switch to the light theme");
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // Code tokens follow the theme too (their colours are classes, see shiki-token-classes.ts).
    const keyword = page.locator("pre.astro-code span.l-cf222e").first();
    expect(await keyword.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 123, 114)");

    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(toggle.textContent()).resolves.toMatch(/^\s*Theme:\s*Light\s*$/);
    await expect(toggle.getAttribute("title")).resolves.toBe("Switch to the dark theme");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBg);
    expect(await keyword.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(207, 34, 46)");

    // On the next page the stored choice is applied by the boot script, before any content is parsed or painted.
    let themeAtFirstParse: string | undefined;
    await page.route("**/day/15/", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<a class="skip-link"', '<script>window.__themeAtBody = document.documentElement.dataset.theme</script><a class="skip-link"');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${session.site.url}day/15/`);
    themeAtFirstParse = await page.evaluate(() => (window as unknown as { __themeAtBody: string }).__themeAtBody);
    expect(themeAtFirstParse).toBe("light");
    await context.close();
  });

  it("copies a code block with its Copy button", async () => {
    page = await newPage({ permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(`${session.site.url}day/16/`);
    const block = page.locator(".code-block").first();
    await block.locator("button.copy-code").click();
    await expect.poll(() => block.locator("button.copy-code").textContent()).toBe("Copied");
    await expect.poll(() => page.locator("[data-copy-status]").textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await block.locator("code").textContent());
    expect(copied).toContain("crashAfter");
    await context.close();
  });

  it("is usable at 320 px: no horizontal scrolling, a skip link first in tab order", async () => {
    page = await newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ["", "day/9/", "tags/", "archive/", "tags/two-phase-commit/"]) {
      await page.goto(`${session.site.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path || "home"} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    expect(await page.locator("header, nav, main, footer").count()).toBeGreaterThanOrEqual(4);
    await context.close();
  });

  it("keeps the table of contents beside the text on wide screens, marking the section being read", async () => {
    page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${session.site.url}day/16/`);
    const toc = page.locator("details.toc");
    const prose = await page.locator(".prose").boundingBox();
    const box = await toc.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(prose!.x + prose!.width);
    // Open beside the text even though the <details> is closed, and it stays in view while reading.
    expect(await toc.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await toc.locator("a").first().isVisible()).toBe(true);
    const links = toc.locator("a");
    const third = links.nth(2);
    const id = decodeURIComponent((await third.getAttribute("href"))!.slice(1));
    // As a reader gets there: through the table of contents (a script's own far jump would land on
    // estimated sizes while the page lays out its blocks lazily; see lazy-layout.test.ts).
    await third.click();
    await expect.poll(() => page.evaluate((target) => Math.round(document.getElementById(target)!.getBoundingClientRect().top), id), { timeout: 60_000 }).toBeLessThan(100);
    await expect.poll(() => third.getAttribute("aria-current"), { timeout: 60_000 }).toBe("true");
    expect(await toc.locator("a[aria-current]").count()).toBe(1);
    const after = await toc.boundingBox();
    expect(after!.y).toBeGreaterThanOrEqual(0);
    expect(after!.y).toBeLessThan(100);
    await context.close();

    // Narrow screens: a collapsed "On this page" between the entry's header and its text.
    page = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}day/16/`);
    const narrow = page.locator("details.toc");
    expect(await narrow.locator("a").first().isVisible()).toBe(false);
    await narrow.locator("summary").click();
    expect(await narrow.locator("a").first().isVisible()).toBe(true);
    const [summaryBox, proseBox] = [await narrow.boundingBox(), await page.locator(".prose").boundingBox()];
    expect(summaryBox!.y).toBeLessThan(proseBox!.y);
    await context.close();
  });

  it("draws graph labels at 12 px or more on a phone", async () => {
    page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const [path, selector] of [["graph/", ".graph-viewport svg.tag-graph"], ["day/16/", ".local-graph svg.tag-graph"]] as const) {
      await page.goto(`${session.site.url}${path}`);
      const svg = page.locator(selector).first();
      const size = await svg.evaluate((el) => {
        const s = el as SVGSVGElement;
        const label = s.querySelector("text")!;
        return (Number.parseFloat(getComputedStyle(label).fontSize) * s.getBoundingClientRect().width) / s.viewBox.baseVal.width;
      });
      expect(size, path).toBeGreaterThanOrEqual(12);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it("serves the 404 page for unknown addresses", async () => {
    // Not through newPage(): Chromium logs the expected 404 response as a console error.
    context = await session.browser.newContext();
    page = await context.newPage();
    const response = await page.goto(`${session.site.url}day/9999/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await context.close();
  });

  it("logged no console errors on any page visited", () => {
    expect(consoleErrors).toEqual([]);
  });
});
