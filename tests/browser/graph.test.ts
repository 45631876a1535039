import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";

describe("the tag graph in Chromium", () => {
  const session = useSampleSite();
  const errors: string[] = [];

  async function open(javaScriptEnabled = true): Promise<Page> {
    const context = await session.browser.newContext({ javaScriptEnabled });
    const page = recordErrors(await context.newPage(), errors);
    await page.goto(`${session.site.url}graph/`);
    return page;
  }

  it("without JavaScript, every node is a named link to its tag page", async () => {
    const page = await open(false);
    const nodes = page.locator("svg.tag-graph a.node");
    const count = await nodes.count();
    expect(count).toBe(29);
    const names = await nodes.evaluateAll((links) => links.map((a) => [a.getAttribute("aria-label"), a.getAttribute("href")]));
    for (const [name, href] of names) {
      expect(name).toMatch(/^.+, \d+ (entry|entries)$/);
      expect(href).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
    }
    expect(names).toContainEqual(["Two-phase commit, 2 entries", "/tags/two-phase-commit/"]);
    await page.locator('svg.tag-graph a.node[data-id="two-phase-commit"]').click();
    await page.waitForURL(/\/tags\/two-phase-commit\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Two-phase commit");
    await page.context().close();
  });

  it("highlights a node's neighbours on hover and dims the rest", async () => {
    const page = await open();
    const node = page.locator('svg.tag-graph a.node[data-id="two-phase-commit"]');
    const neighbours = ((await node.getAttribute("data-neighbours")) ?? "").split(" ").filter(Boolean);
    expect(neighbours.length).toBeGreaterThan(0);
    await node.hover();
    const overlay = page.locator("svg.tag-graph .graph-overlay");
    await expect(overlay.locator('a.node.is-active').getAttribute("data-id")).resolves.toBe("two-phase-commit");
    const lit = await overlay.locator("a.node.is-neighbour").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")).sort());
    expect(lit).toEqual([...neighbours].sort());
    expect(await overlay.locator("line.edge").count()).toBe(neighbours.length);
    // Everything else is dimmed underneath the copies by a veil of the page's background that
    // covers the whole drawing, while the drawing itself keeps its opacity: fading that repainted
    // all of it on every frame, and hovering across nodes made long tasks.
    const veil = await overlay.locator(":scope > *").first().evaluate((element) => {
      const el = element as SVGGraphicsElement;
      const svg = el.ownerSVGElement!;
      const box = el.getBBox();
      const view = svg.viewBox.baseVal;
      const background = getComputedStyle(svg.closest(".graph-viewport")!).backgroundColor;
      return {
        tag: el.tagName,
        opacity: Number(getComputedStyle(el).opacity),
        fillIsBackground: getComputedStyle(el).fill === background,
        covers: box.x <= view.x && box.y <= view.y && box.x + box.width >= view.x + view.width && box.y + box.height >= view.y + view.height,
      };
    });
    expect(veil).toEqual({ tag: "rect", opacity: 0.8, fillIsBackground: true, covers: true });
    expect(await page.locator("svg.tag-graph .graph-base").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator("svg.tag-graph.highlighting").count()).toBe(0);
    expect(await overlay.locator("*").count()).toBe(0);
    await page.context().close();
  });

  it("filters tags by name", async () => {
    const page = await open();
    await page.fill("#graph-filter", "commit");
    await expect(page.locator(".graph-filter-status").textContent()).resolves.toBe("1 tag match");
    await expect(page.locator("svg.tag-graph a.node.is-match").getAttribute("data-id")).resolves.toBe("two-phase-commit");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (document.activeElement as Element | null)?.getAttribute("data-id"))).toBe("two-phase-commit");
    await page.context().close();
  });

  it("is usable from the keyboard: Tab reaches nodes, focus highlights, Enter opens, keys zoom", async () => {
    const page = await open();
    await page.locator(".graph-viewport").focus();
    const before = await page.locator("svg.tag-graph").getAttribute("viewBox");
    await page.keyboard.press("+");
    const zoomed = await page.locator("svg.tag-graph").getAttribute("viewBox");
    expect(zoomed).not.toBe(before);
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("svg.tag-graph").getAttribute("viewBox")).not.toBe(zoomed);
    await page.click("[data-zoom=reset]");
    expect(await page.locator("svg.tag-graph").getAttribute("viewBox")).toBe(before);

    await page.locator(".graph-viewport").focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
    expect(focused).toBeTruthy();
    await expect(page.locator(`svg.tag-graph .graph-overlay a.node.is-active`).getAttribute("data-id")).resolves.toBe(focused);
    await Promise.all([page.waitForURL(new RegExp(`/tags/${focused}/$`)), page.keyboard.press("Enter")]);
    await page.context().close();
  });

  it("zooms with the wheel and the buttons", async () => {
    const page = await open();
    const svg = page.locator("svg.tag-graph");
    const before = await svg.getAttribute("viewBox");
    await svg.hover();
    await page.mouse.wheel(0, -300);
    await expect.poll(() => svg.getAttribute("viewBox")).not.toBe(before);
    await page.click("[data-zoom=reset]");
    await page.click("[data-zoom=in]");
    const [, , w1] = (await svg.getAttribute("viewBox"))!.split(" ").map(Number);
    const [, , w0] = before!.split(" ").map(Number);
    expect(w1!).toBeLessThan(w0!);
    await page.context().close();
  });

  it("shows a local graph of linked tags on entry and tag pages", async () => {
    const page = await open(false);
    for (const path of ["day/16/", "tags/sagas/"]) {
      await page.goto(`${session.site.url}${path}`);
      const nodes = page.locator(".local-graph svg a.node");
      expect(await nodes.count()).toBeGreaterThan(1);
      expect(await nodes.count()).toBeLessThanOrEqual(12);
      expect(await page.locator(".local-graph svg a.node.focus").count()).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  it("publishes /graph.json with every tag", async () => {
    const response = await fetch(`${session.site.url}graph.json`);
    const graph = (await response.json()) as { version: number; nodes: { id: string; weight: number; firstDay: number | null }[]; edges: unknown[] };
    expect(graph.version).toBe(1);
    expect(graph.nodes).toHaveLength(29);
    expect(graph.nodes.find((n) => n.id === "two-phase-commit")).toMatchObject({ weight: 2, firstDay: 16 });
    expect(graph.edges.length).toBeGreaterThan(20);
  });

  it("logged no errors", () => expect(errors).toEqual([]));
});
