/**
 * A fresh visit lays out an entry's blocks only as they come near the screen
 * (src/lib/theme-boot-script.ts, global.css), and nothing a reader does lands in the wrong place
 * because of it: a jump inside the page (table of contents, footnote, a changed #fragment) turns
 * it off and lands on the real layout, printing turns it off, and a visit that starts below the
 * top (a #fragment, a reload) never has it. Each jump is checked on a phone, where the sample's
 * longest entry is 19,000 px tall, in Chromium and in Firefox (which does not repeat a jump after
 * the layout changes): with the estimates left on, the same jumps land thousands of pixels off.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchFirefox } from "../helpers/firefox.ts";
import { recordErrors, useRealJournalSite, useSampleSite, type SampleSiteSession } from "../helpers/sample-site-session.ts";

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, reducedMotion: "reduce" };
const LONG_ENTRY = "day/16/";

const errors: string[] = [];

/** After each test: no page error, console error or dialog. */
function expectNoErrors(): void {
  expect(errors.splice(0)).toEqual([]);
}

async function open(session: SampleSiteSession, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ ...PHONE, ...options });
  await context.addInitScript(recordSkipped);
  const page = recordErrors(await context.newPage(), errors);
  await page.goto(`${session.site.url}${path}`, { waitUntil: "load" });
  return page;
}

/** Before any page script: the blocks whose layout the browser skips right now (`contentvisibilityautostatechange`). */
function recordSkipped() {
  const skipped = new Set<Element>();
  document.addEventListener("contentvisibilityautostatechange", (event) => {
    const { target, skipped: now } = event as Event & { skipped: boolean };
    if (target instanceof Element) now ? skipped.add(target) : skipped.delete(target);
  }, true);
  Object.assign(window, { __skipped: skipped });
}

const skippedBlocks = (page: Page) => page.evaluate(() => [...(window as unknown as { __skipped: Set<Element> }).__skipped].filter((e) => e.matches(".prose > *")).length);

/**
 * Before any page script: every layout shift of something in `<main>` below the entry's header and
 * outside snippets. Those two can move when a frame is painted while the page is parsed (the
 * reading time's line wraps; an .mdx snippet's title, which follows its code in the page and is
 * moved above it by CSS): rare, timing-dependent and not this feature's. An estimate that moved
 * anything would move what follows too: the next blocks, the pager, the local graph. Shifts
 * under 0.005 of the screen (a maths row settling by a pixel) are below what this looks for: the
 * estimates it guards against moved tag pages' sections by 0.08–0.29.
 */
function recordShifts() {
  const shifts: { at: number; text: string }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
      for (const source of entry.sources) {
        const element = source.node instanceof Element ? source.node : source.node?.parentElement;
        if (entry.value >= 0.005 && element?.closest("main") && !element.closest(".entry-header, daybook-snippet")) shifts.push({ at: entry.startTime, text: `${element.tagName}.${element.className} from y ${Math.round(source.previousRect.y)} to ${Math.round(source.currentRect.y)} (${entry.value.toFixed(3)})` });
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
  Object.assign(window, { __shifts: shifts });
}

/**
 * What a fresh visit's load moves once the page is parsed, on a page with lazy blocks or a snippet
 * (nothing else here can move anything), and how many blocks lazy layout gave
 * `content-visibility: auto` (and whether the page is a long entry, where it should give some).
 * Shifts while the page is still being parsed are left out: on a loaded machine the browser may
 * paint a page half parsed, and the rest then moves what was shown (a tag page's list moved 4 px
 * once in CI), which is the parser's doing, not this feature's. What this feature or the snippet
 * toolbar's placeholder could move, they move after parsing: estimates are replaced as blocks are
 * laid out, and the toolbar comes with a script that runs after the page is parsed.
 */
async function shiftsOnLoad(session: SampleSiteSession, pagePath: string, viewport: { width: number; height: number }): Promise<{ lazyBlocks: number; long: boolean; shifts: string[] }> {
  const context = await session.browser.newContext({ ...PHONE, viewport, isMobile: viewport.width < 600 });
  await context.addInitScript(recordShifts);
  // Errors are not this test's concern (the real journal's entries link images on other hosts).
  const page = await context.newPage();
  await page.goto(`${session.site.url}${pagePath}`, { waitUntil: "load" });
  expect(await lazy(page)).toBe("lazy");
  // The snippet element's toolbar comes with its script, after the page is parsed.
  const snippets = await page.locator("daybook-snippet").count();
  if (snippets) await page.locator(".snippet-toolbar").first().waitFor();
  // Two frames after the load event: a late estimate would have been replaced by then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { shifts, lazyBlocks, long } = await page.evaluate(() => {
    const parsed = (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domInteractive;
    return {
      shifts: (window as unknown as { __shifts: { at: number; text: string }[] }).__shifts.filter((s) => s.at >= parsed).map((s) => s.text),
      lazyBlocks: [...document.querySelectorAll("main *")].filter((e) => getComputedStyle(e).contentVisibility === "auto").length,
      long: (document.querySelector(".entry > .prose")?.children.length ?? 0) >= 20,
    };
  });
  await context.close();
  // Only lazy blocks and a snippet's toolbar can move anything here: a page with neither is checked for having no lazy blocks.
  return { lazyBlocks, long, shifts: lazyBlocks || snippets ? shifts : [] };
}

const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

const lazy = (page: Page) => page.evaluate(() => document.documentElement.dataset.layout ?? null);

/** Where the top of the element with this id sits once the page stops moving, from the top of the screen. */
async function settledTop(page: Page, id: string): Promise<number> {
  return page.evaluate(async (target) => {
    const element = document.getElementById(target)!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let last = Number.NaN;
    for (let stable = 0, frames = 0; stable < 5 && frames < 300; frames++) {
      await frame();
      const top = element.getBoundingClientRect().top;
      stable = top === last ? stable + 1 : 0;
      last = top;
    }
    return Math.round(last) + 0; // never -0
  }, id);
}

/** The same less the element's scroll margin: 0 is exactly where a jump to it puts it. */
async function settledOffset(page: Page, id: string): Promise<number> {
  const top = await settledTop(page, id);
  return top - (await page.evaluate((target) => Math.round(parseFloat(getComputedStyle(document.getElementById(target)!).scrollMarginTop)), id));
}

/** Ids of the table of contents' targets: the first, one from the middle and the last (the sources, 18,000 px down). */
async function tocTargets(page: Page): Promise<string[]> {
  const ids = await page.$$eval(".toc a", (links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
  expect(ids.length).toBeGreaterThan(4);
  return [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids[ids.length - 1]!];
}

describe("lazy layout of a long entry", () => {
  const session = useSampleSite();
  afterEach(expectNoErrors);

  it("skips the layout of blocks far below on a fresh visit, and lays each out as it comes near", async () => {
    const page = await open(session, LONG_ENTRY);
    expect(await lazy(page)).toBe("lazy");
    const blocks = await page.evaluate(() => document.querySelectorAll(".prose > *").length);
    // Most of the entry is skipped at first; the blocks on the first screen are not.
    expect(await skippedBlocks(page)).toBeGreaterThan(blocks / 2);
    const isSkipped = (selector: string) => page.evaluate((s) => (window as unknown as { __skipped: Set<Element> }).__skipped.has(document.querySelector(s)!), selector);
    expect(await isSkipped(".prose > :first-child")).toBe(false);
    expect(await isSkipped(".prose > :last-child")).toBe(true);
    // Scrolled to the end until the browser says so (in an event after a rendering update): the
    // blocks laid out on the way change the page's height, so one scroll may stop short.
    await page.waitForFunction(() => {
      scrollTo(0, document.documentElement.scrollHeight);
      return !(window as unknown as { __skipped: Set<Element> }).__skipped.has(document.querySelector(".prose > :last-child")!);
    });
    await page.context().close();
  });

  it("moves nothing on the first screen of any entry or tag page, on a phone or a desktop", async () => {
    const out = session.build.outDir;
    // Every entry on a phone; on a desktop, where more blocks fit on the first screen, the longest three; a few tag pages on both.
    const entries = readdirSync(path.join(out, "day")).map((d) => `day/${d}/`);
    const tags = readdirSync(path.join(out, "tags"), { withFileTypes: true }).filter((d) => d.isDirectory()).slice(0, 4).map((d) => `tags/${d.name}/`);
    const cases = [...[...entries, ...tags].map((page) => [page, VIEWPORTS[0]!] as const), ...[...["day/16/", "day/20/", "day/23/"], ...tags].map((page) => [page, VIEWPORTS[1]!] as const)];
    let lazyPages = 0;
    for (const [page, viewport] of cases) {
      const { lazyBlocks, long, shifts } = await shiftsOnLoad(session, page, viewport);
      expect(shifts, `${page} at ${viewport.width} px`).toEqual([]);
      // Lazy blocks in the long entries (20 blocks or more) and nowhere else: not on tag pages.
      expect(lazyBlocks > 0, `${page} at ${viewport.width} px: ${lazyBlocks} lazy blocks`).toBe(long);
      if (lazyBlocks) lazyPages++;
    }
    // So the shifts of the long entries were counted (day/16/, day/20/, day/23/ on both screens at least).
    expect(lazyPages).toBeGreaterThanOrEqual(6);
  });

  it("lands a table-of-contents jump on its heading, and lays out everything from then on", async () => {
    const probe = await open(session, LONG_ENTRY);
    const targets = await tocTargets(probe);
    await probe.context().close();
    for (const id of targets) {
      const page = await open(session, LONG_ENTRY);
      expect(await lazy(page)).toBe("lazy");
      await page.evaluate(() => addEventListener("scroll", () => ((window as unknown as { __scrolls: number[] }).__scrolls ??= []).push(Math.round(scrollY))));
      await page.locator(`.toc a[href="#${id}"]`).evaluate((a) => (a as HTMLAnchorElement).click());
      expect(await settledOffset(page, id), `#${id}`).toBe(0);
      expect(await lazy(page)).toBeNull();
      // One jump, straight to the heading: the reader never sees a wrong place first.
      const scrolls = await page.evaluate(() => (window as unknown as { __scrolls: number[] }).__scrolls);
      const final = await page.evaluate(() => Math.round(scrollY));
      expect(scrolls.filter((y) => Math.abs(y - final) > 2), `#${id}: scroll positions ${scrolls.join(", ")}, ending at ${final}`).toEqual([]);
      await page.context().close();
    }
  });

  it("lands on the fragment when the #fragment changes without a click", async () => {
    const page = await open(session, LONG_ENTRY);
    const [, , sources] = await tocTargets(page);
    await page.evaluate((id) => (location.hash = `#${id}`), sources!);
    expect(await settledOffset(page, sources!)).toBe(0);
    expect(await lazy(page)).toBeNull();
    await page.context().close();
  });

  it("is never on for a visit that starts at a #fragment", async () => {
    const probe = await open(session, LONG_ENTRY);
    const targets = await tocTargets(probe);
    await probe.context().close();
    for (const id of targets) {
      const page = await open(session, `${LONG_ENTRY}#${id}`);
      expect(await lazy(page)).toBeNull();
      expect(await settledOffset(page, id), `#${id}`).toBe(0);
      await page.context().close();
    }
  });

  it("is never on after a reload, so the reader comes back to the same place", async () => {
    const page = await open(session, LONG_ENTRY);
    const [, middle] = await tocTargets(page);
    // Scrolled there as a reader would, half a screen at a time, so every block above has its real size.
    await page.evaluate(async (id) => {
      const heading = document.getElementById(id)!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      while (heading.getBoundingClientRect().top > innerHeight / 2) {
        scrollBy(0, innerHeight / 2);
        await frame();
      }
      scrollBy(0, heading.getBoundingClientRect().top - 100);
    }, middle!);
    expect(await settledTop(page, middle!)).toBe(100);
    await page.reload({ waitUntil: "load" });
    expect(await lazy(page)).toBeNull();
    expect(Math.abs((await settledTop(page, middle!)) - 100)).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it("lays out everything before printing", async () => {
    const page = await open(session, LONG_ENTRY);
    expect(await lazy(page)).toBe("lazy");
    await page.pdf();
    expect(await lazy(page)).toBeNull();
    await page.context().close();
  });

  it("is never on without JavaScript: every block is laid out", async () => {
    const page = await open(session, LONG_ENTRY, { javaScriptEnabled: false });
    expect(await lazy(page)).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".prose > :last-child")!).contentVisibility)).toBe("visible");
    await page.context().close();
  });
});

describe("lazy layout under a base path, on real Markdown", () => {
  const session = useRealJournalSite();
  afterEach(expectNoErrors);

  it("moves nothing on the first screen of any entry, .md or .mdx, short or long", async () => {
    const days = readdirSync(path.join(session.build.outDir, "day"));
    expect(days.length).toBeGreaterThan(5);
    for (const viewport of VIEWPORTS) {
      for (const day of days) {
        const { lazyBlocks, long, shifts } = await shiftsOnLoad(session, `day/${day}/`, viewport);
        expect(shifts, `day/${day}/ at ${viewport.width} px`).toEqual([]);
        // Lazy blocks in the long entries (20 blocks or more) and nowhere else.
        expect(lazyBlocks > 0, `day/${day}/ at ${viewport.width} px: ${lazyBlocks} lazy blocks`).toBe(long);
      }
    }
  });

  it("lands a footnote's link and its way back in a .md entry", async () => {
    const page = await open(session, "day/12/", { viewport: { width: 320, height: 480 } });
    expect(await lazy(page)).toBe("lazy");
    const ref = page.locator("a[data-footnote-ref]").first();
    const note = decodeURIComponent((await ref.evaluate((a) => (a as HTMLAnchorElement).hash)).slice(1));
    await ref.click();
    // The notes end the page, so the last one may stop short of the top: it must be on screen.
    const top = await settledTop(page, note);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(480 - 20);
    expect(await lazy(page)).toBeNull();
    await page.context().close();
  });
});

describe("lazy layout in Firefox ESR", () => {
  const session = useSampleSite();
  let firefox: FirefoxBrowser;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  async function openInFirefox(): Promise<FirefoxPage> {
    const page = await firefox.newPage();
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${String(e)}`));
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${session.site.url}${LONG_ENTRY}`, { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe("lazy");
    return page;
  }

  /** The sources heading's top less its scroll margin once the (smooth) scroll has ended. */
  const sourcesOffset = (page: FirefoxPage) =>
    page.evaluate(async () => {
      const heading = document.getElementById("sources")!;
      let last = Number.NaN;
      for (let stable = 0, frames = 0; stable < 5 && frames < 600; frames++) {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const top = heading.getBoundingClientRect().top;
        stable = top === last ? stable + 1 : 0;
        last = top;
      }
      return Math.round(last - parseFloat(getComputedStyle(heading).scrollMarginTop)) + 0; // never -0
    });

  it("lands a table-of-contents jump and a changed #fragment on the heading", async () => {
    for (const jump of ["click", "hash"] as const) {
      const page = await openInFirefox();
      if (jump === "click") await page.evaluate(() => (document.querySelector(".toc a[href='#sources']") as HTMLAnchorElement).click());
      else await page.evaluate(() => (location.hash = "#sources"));
      expect(await sourcesOffset(page), jump).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.layout ?? null)).toBeNull();
      await page.close();
    }
    expectNoErrors();
  });
});
