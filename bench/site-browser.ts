import { gzipSync } from "node:zlib";
import { bytesDuring } from "./bytes-during.ts";
import type { Browser } from "playwright-core";

export interface SearchBrowserFigures {
  firstQueryBytes: number;
  /** A later one-word query. */
  laterQueryBytes: number;
  /** A later two-word query (two index chunks). */
  laterTwoWordQueryBytes: number;
  keystrokeToResultsMs: number;
}

/** Opens the search dialog, runs a first query, then later ones; measures bytes and latency. */
export async function benchSearchBrowser(browser: Browser, homeUrl: string, queries: string[]): Promise<SearchBrowserFigures> {
  const page = await browser.newPage();
  await page.goto(homeUrl);
  await page.waitForLoadState("networkidle");
  const status = page.locator("dialog.search-dialog .search-status");
  const type = async (query: string) => {
    await page.locator("dialog.search-dialog input[type=search]").fill(query);
    await page.waitForFunction((q) => document.querySelector("dialog.search-dialog .search-status")?.textContent?.includes(`“${q}”`), query);
  };
  const first = await bytesDuring(page, async () => {
    await page.keyboard.press("/");
    await type(queries[0]!);
  });
  const later = await bytesDuring(page, () => type(queries[1]!));
  const laterTwo = await bytesDuring(page, () => type(queries[2]!));
  const latencies: number[] = [];
  for (const query of queries.slice(3)) {
    const started = Date.now();
    await type(query);
    latencies.push(Date.now() - started);
  }
  void status;
  await page.close();
  latencies.sort((a, b) => a - b);
  return { firstQueryBytes: first.bytes, laterQueryBytes: later.bytes, laterTwoWordQueryBytes: laterTwo.bytes, keystrokeToResultsMs: latencies[Math.floor(latencies.length / 2)]! };
}

export interface GraphBrowserFigures {
  graphHtmlGz: number;
  longestTaskOnHoverMs: number;
}

/** /graph/ HTML size, and the longest main-thread task while hovering over 30 nodes. */
export async function benchGraphBrowser(browser: Browser, graphUrl: string): Promise<GraphBrowserFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(graphUrl);
  const graphHtmlGz = gzipSync(await response!.body()).length;
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  const nodes = page.locator("svg.tag-graph a.node");
  const count = Math.min(30, await nodes.count());
  for (let i = 0; i < count; i++) await nodes.nth(i).hover({ force: true });
  await page.waitForTimeout(200);
  const longestTaskOnHoverMs = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  await page.close();
  return { graphHtmlGz, longestTaskOnHoverMs };
}
