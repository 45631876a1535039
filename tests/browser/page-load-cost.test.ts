/**
 * What a page makes a phone do while it loads: no script starts the browser's locale data, the
 * theme is written once, and no code block is moved. Each cost the main thread tens of
 * milliseconds while the page loaded (Lighthouse's blocking time on the sample's longest entry).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isScript, scriptBytesDuring } from "../../bench/bytes-during.ts";
import { recordErrors, useRealJournalSite, useSampleSite } from "../helpers/sample-site-session.ts";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/**
 * Runs before any page script: records every call that starts the browser's locale data (the
 * first one costs tens of milliseconds of the main thread) and every write of `data-theme`.
 */
function recordLoadWork() {
  const calls: string[] = [];
  const record = (name: string) => calls.push(name);
  const wrap = (owner: object, key: string, name: string) => {
    const original = (owner as Record<string, unknown>)[key];
    if (typeof original !== "function") return;
    (owner as Record<string, unknown>)[key] = new Proxy(original, {
      apply: (target, self, args) => (record(name), Reflect.apply(target as (...a: unknown[]) => unknown, self, args)),
      construct: (target, args, newTarget) => (record(name), Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget)),
    });
  };
  wrap(Number.prototype, "toLocaleString", "Number.prototype.toLocaleString");
  wrap(BigInt.prototype, "toLocaleString", "BigInt.prototype.toLocaleString");
  for (const key of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) wrap(Date.prototype, key, `Date.prototype.${key}`);
  wrap(String.prototype, "localeCompare", "String.prototype.localeCompare");
  wrap(Array.prototype, "toLocaleString", "Array.prototype.toLocaleString");
  for (const key of Object.getOwnPropertyNames(Intl)) wrap(Intl, key, `Intl.${key}`);
  const themeWrites: (string | null)[] = [];
  new MutationObserver((records) => {
    for (const r of records) themeWrites.push((r.target as Element).getAttribute("data-theme"));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-theme"] });
  // Code blocks taken out of the page (to be put back in a box): each one is restyled and laid out again.
  const movedCode: string[] = [];
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.removedNodes) if (node instanceof Element && (node.matches("pre.astro-code") || node.querySelector("pre.astro-code"))) movedCode.push(node.outerHTML.slice(0, 80));
  }).observe(document, { subtree: true, childList: true });
  Object.assign(window, { __loadWork: { calls, themeWrites, movedCode } });
}

describe("a page's cost at load", () => {
  const session = useSampleSite();
  const errors: string[] = [];

  async function load(path: string, options: { theme?: "dark" | undefined } = {}): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await session.browser.newContext(PHONE);
    if (options.theme) await context.addInitScript((theme) => localStorage.setItem("daybook-theme", theme), options.theme);
    await context.addInitScript(recordLoadWork);
    const page = recordErrors(await context.newPage(), errors);
    await page.goto(`${session.site.url}${path}`, { waitUntil: "load" });
    // Module scripts have run; the theme button shows once its script has.
    await page.locator("[data-theme-toggle]").waitFor();
    return { page, close: () => context.close() };
  }

  it("starts no locale data, writes the theme once and moves no code block, on every kind of page", async () => {
    for (const path of ["", "day/16/", "day/9/", "day/1/", "tags/two-phase-commit/", "tags/", "archive/", "graph/", "search/"]) {
      // A reader who chose the dark theme: the first script sets it from storage, the button's script must not again.
      for (const theme of path === "" || path === "day/16/" ? ([undefined, "dark"] as const) : [undefined]) {
        const { page, close } = await load(path, { theme });
        const work = await page.evaluate(() => (window as unknown as { __loadWork: { calls: string[]; themeWrites: (string | null)[]; movedCode: string[] } }).__loadWork);
        expect(work.calls, `/${path}: calls that start the browser's locale data while the page loads`).toEqual([]);
        // The page's first script sets it before the first paint; nothing sets it again.
        expect(work.themeWrites, `/${path}: writes of data-theme while the page loads`).toEqual([theme ?? "light"]);
        // Each code block came in its box from the build; the script only adds the Copy buttons.
        expect(work.movedCode, `/${path}: code blocks moved while the page loads`).toEqual([]);
        const boxes = await page.locator(".code-block").count();
        expect(await page.locator(".code-block > pre.astro-code + .copy-code").count(), `/${path}: code blocks with their Copy button`).toBe(boxes);
        expect(await page.locator("pre.astro-code").count(), `/${path}: code outside a box`).toBe(boxes);
        // Each stylesheet blocks the first paint: one for the site (the graph palette included, which
        // entry and tag pages need), and the calendar's own where a calendar is shown.
        const stylesheets = await page.locator('link[rel="stylesheet"]').count();
        expect(stylesheets, `/${path}: stylesheets that block the first paint`).toBe(path === "" || path === "archive/" ? 2 : 1);
        await close();
      }
    }
    expect(errors).toEqual([]);
  });

  it("the probe sees what it looks for", async () => {
    const { page, close } = await load("day/16/");
    type Work = { calls: string[]; themeWrites: (string | null)[]; movedCode: string[] };
    const before = await page.evaluate(() => structuredClone((window as unknown as { __loadWork: Work }).__loadWork));
    await page.evaluate(() => {
      (1234).toLocaleString("en-US");
      new Intl.DateTimeFormat("en-US");
      document.documentElement.dataset.theme = "dark";
      const box = document.querySelector(".code-block")!;
      box.append(box.querySelector("pre")!);
    });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const after = await page.evaluate(() => (window as unknown as { __loadWork: Work }).__loadWork);
    expect(after.calls.slice(before.calls.length)).toEqual(["Number.prototype.toLocaleString", "Intl.DateTimeFormat"]);
    expect(after.themeWrites.slice(before.themeWrites.length)).toEqual(["dark"]);
    expect(after.movedCode.slice(before.movedCode.length)).toHaveLength(1);
    await close();
  });
});

describe("JavaScript before interaction, on a real journal under a base path", () => {
  const session = useRealJournalSite();

  /** Scripts a page downloads until it settles (gzipped, as a host serves them), and their names. */
  async function scriptsOf(path: string): Promise<{ bytes: number; names: string[] }> {
    const page = await (await session.browser.newContext(PHONE)).newPage();
    const names: string[] = [];
    page.on("response", (r) => isScript(r.url()) && names.push(r.url().split("/").pop()!));
    const bytes = await scriptBytesDuring(page, async () => void (await page.goto(`${session.site.url}${path}`, { waitUntil: "load" })));
    await page.context().close();
    return { bytes, names };
  }

  it("stays within 5 KB on pages without snippets, and loads the snippet bootstrap only where there are snippets", async () => {
    // Day 1 is a plain .md note, day 11 an .mdx entry with code fences but no runnable snippet.
    for (const path of ["", "day/1/", "day/11/", "archive/"]) {
      const { bytes, names } = await scriptsOf(path);
      expect(bytes, `/${path}: ${names.join(", ")}`).toBeLessThanOrEqual(5 * 1024);
      expect(names.filter((n) => n.startsWith("snippet-element")), `/${path}`).toEqual([]);
    }
    for (const path of ["day/80/", "day/81/"]) {
      const { names } = await scriptsOf(path);
      expect(names.filter((n) => n.startsWith("snippet-element")), `/${path}: ${names.join(", ")}`).toHaveLength(1);
    }
  });
});
