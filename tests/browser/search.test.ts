import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SAMPLE_TODAY, buildSite } from "../helpers/build-site.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";
import { recordErrors } from "../helpers/sample-site-session.ts";

/** [query, the day that must come first]; the full golden set is in search-golden.test.ts. */
const GOLDEN: [string, number][] = [
  ["two-phase commit", 16],
  ["circuit breaker", 5],
  ["idempotency key", 2],
  ["outbox", 11],
  ["CORS", 19],
];

async function openDialog(page: Page): Promise<void> {
  await page.keyboard.press("/");
  await page.locator("dialog.search-dialog[open] input[type=search]").waitFor();
}

async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator("dialog.search-dialog input[type=search]");
  await input.fill(query);
  const status = page.locator("dialog.search-dialog .search-status");
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(new RegExp(`(results? for|No results for) “${query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`));
  return page.locator("dialog.search-dialog .search-result").evaluateAll((items) =>
    items.map((item) => `${item.querySelector(".day-number")?.textContent} ${item.querySelector(".search-result-title")?.textContent}`),
  );
}

function describeSite(base: string) {
  describe(`search on the sample journal under ${base}`, () => {
    let site: StaticSite;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      const build = base === "/" ? inject("sampleBuild") : await buildSite({ content: "content", base, today: SAMPLE_TODAY });
      expect(build.code, build.output).toBe(0);
      site = await serveStatic(build.outDir, base);
      browser = await launchChromium();
      context = await browser.newContext();
      page = recordErrors(await context.newPage(), errors);
      await page.goto(site.url);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it("loads nothing of Pagefind until the dialog opens", async () => {
      await page.waitForLoadState("networkidle");
      expect(site.requests.filter((r) => r.includes("/pagefind/"))).toEqual([]);
      await openDialog(page);
      await expect.poll(() => site.requests.filter((r) => r.includes("/pagefind/")).length).toBeGreaterThan(0);
      expect(site.requests.filter((r) => r.includes("/pagefind/")).every((r) => r.startsWith(`${base}pagefind/`))).toBe(true);
    });

    it.each(GOLDEN)("“%s” finds Day %i first", async (query, day) => {
      const results = await search(page, query);
      expect(results[0]).toMatch(new RegExp(`^Day ${day} `));
    });

    it("links results under the base path, to the matching heading when there is one", async () => {
      await search(page, "presumed abort");
      // Day 16's section on it (the tag page's short description may rank first).
      const hrefs = await page.locator("dialog.search-dialog .search-result a.search-result-title").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      const day16 = hrefs.find((href) => href?.startsWith(`${base}day/16/`));
      expect(day16, hrefs.join(", ")).toMatch(new RegExp(`^${base}day/16/#[a-z0-9-]+$`));
    });

    it("narrows results with a tag filter chip and shows counts", async () => {
      const all = await search(page, "timeout");
      const chips = page.locator("dialog.search-dialog .search-chip");
      expect(await chips.count()).toBeGreaterThan(1);
      const rarest = chips.last(); // chips are sorted by count, so this is the rarest tag among the results
      const chip = page.locator(`dialog.search-dialog .search-chip[data-tag="${await rarest.getAttribute("data-tag")}"]`);
      const [, title, count] = /^(.+) \((\d+)\)$/.exec((await chip.textContent())!)!;
      await chip.click();
      await expect.poll(() => chip.getAttribute("aria-pressed")).toBe("true");
      await expect.poll(() => page.locator("dialog.search-dialog .search-status").textContent()).toContain(`in ${title}`);
      const tags = await page.locator("dialog.search-dialog .search-result").evaluateAll((items) => items.map((i) => i.querySelector(".search-result-tags")?.textContent ?? i.querySelector(".day-number")?.textContent));
      expect(tags.length).toBe(Number(count));
      expect(tags.length).toBeLessThan(all.length);
      for (const t of tags) expect(t === "Tag" || t!.split(" · ").includes(title!)).toBe(true);
      await chip.click();
      await expect.poll(() => page.locator("dialog.search-dialog .search-result").count()).toBe(all.length);
    });

    it("says so when nothing matches, and shows a hostile query as text", async () => {
      expect(await search(page, "zzqxv")).toEqual([]);
      await expect(page.locator("dialog.search-dialog .search-status").textContent()).resolves.toMatch(/^No results for “zzqxv”/);
      const closest = await page.locator("dialog.search-dialog .search-suggest a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(closest.length).toBeGreaterThan(0);
      for (const href of closest) expect(href).toMatch(new RegExp(`^${base}tags/[a-z0-9-]+/$`));
      const hostile = "<img src=x onerror=alert(1)>";
      await search(page, hostile);
      await expect(page.locator("dialog.search-dialog .search-status").textContent()).resolves.toContain(`“${hostile}”`);
      expect(await page.locator("dialog.search-dialog img").count()).toBe(0);
    });

    it("moves focus through the result links with the arrow keys, opens with Enter, and Esc returns focus", async () => {
      await page.keyboard.press("Escape");
      await expect(page.locator("dialog.search-dialog").evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
      await page.locator("a.site-title").focus();
      await openDialog(page);
      await search(page, "timeout");
      const links = page.locator("dialog.search-dialog .search-results a.search-result-title");
      const focused = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ?? document.activeElement?.tagName);
      await page.keyboard.press("ArrowDown");
      expect(await focused()).toBe(await links.nth(0).getAttribute("href"));
      await page.keyboard.press("ArrowDown");
      expect(await focused()).toBe(await links.nth(1).getAttribute("href"));
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      expect(await focused()).toBe("INPUT");
      await page.keyboard.press("Escape");
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("site-title");
      await page.keyboard.press("Control+k");
      await search(page, "timeout");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      const target = await links.nth(1).getAttribute("href");
      expect(target).toMatch(new RegExp(`^${base}(day|tags)/`));
      // The address is what Enter must change; waiting for the next page's load event as well only tests the machine's speed.
      await Promise.all([page.waitForURL((url) => url.pathname + url.hash === target, { waitUntil: "commit" }), page.keyboard.press("Enter")]);
    });

    it("works as a plain page from ?q=", async () => {
      await page.goto(`${site.url}search/?q=${encodeURIComponent("coordinator crash")}`);
      const status = page.locator(".search-page .search-status");
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/results? for “coordinator crash”/);
      await expect(page.locator(".search-page .search-result .day-number").first().textContent()).resolves.toBe("Day 16");
      await expect(page.locator(".search-page input[type=search]").inputValue()).resolves.toBe("coordinator crash");
      // Results are links: a middle-click opens one in a new tab and leaves the search where it was.
      const link = page.locator(".search-page .search-results a.search-result-title").first();
      const [opened] = await Promise.all([context.waitForEvent("page"), link.click({ button: "middle" })]);
      await opened.waitForURL(new RegExp(`${base}day/16/`), { waitUntil: "commit" });
      await opened.close();
      expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    });

    it("loads Pagefind on the search page only when the reader turns to the form, then lists the tags", async () => {
      const other = await context.newPage();
      const pagefind = () => site.requests.filter((r) => r.includes("/pagefind/")).length;
      await other.goto(`${site.url}search/`);
      await other.waitForLoadState("networkidle");
      const before = pagefind();
      await other.waitForTimeout(300);
      expect(pagefind(), "Pagefind loaded with the page").toBe(before);
      expect(await other.locator(".search-page .search-status").textContent()).toBe("Type to search every day of the journal.");
      await other.locator(".search-page input[type=search]").focus();
      await expect.poll(pagefind).toBeGreaterThan(before);
      await expect.poll(() => other.locator(".search-page .search-filters button").count(), { timeout: 60_000 }).toBeGreaterThan(3);
      await other.close();
    });

    it("logged no errors and opened no dialogs", () => {
      expect(errors).toEqual([]);
    });
  });
}

describeSite("/");
describeSite("/journal/");
