// The author's loop for `npm run bench`: `npm run dev` start-up to the first entry page (cold and
// warm caches) and save → new snippet output in the open page, on the synthetic journal.
import { mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startDevServer } from "../tests/helpers/dev-server.ts";

export interface DevLoopFigures {
  /** Spawning `astro dev` → the middle entry's page loaded, with empty caches, then with the caches that run left. */
  coldStartMs: number;
  warmStartMs: number;
  /** Saving an edited snippet → its new output in the open page (the page reloads itself), each save. */
  saveToOutputMs: number[];
}

export async function benchDevLoop(browser: Browser, content: string, saves = 5): Promise<DevLoopFigures> {
  const cache = mkdtempSync(path.join(tmpdir(), "daybook-bench-dev-"));
  const files = readdirSync(path.join(content, "days")).sort();
  const middle = Math.ceil(files.length / 2);
  const entry = path.join(content, "days", files[middle - 1]!);
  const start = async () => {
    const started = performance.now();
    const server = await startDevServer({ DAYBOOK_CONTENT: content, DAYBOOK_CACHE: cache }, 600_000);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/day/${middle}/`, { timeout: 600_000 });
    return { server, page, ms: performance.now() - started };
  };
  const cold = await start();
  await cold.page.close();
  await cold.server.stop();
  const warm = await start();
  const saveToOutputMs: number[] = [];
  try {
    const original = readFileSync(entry, "utf8");
    for (let i = 1; i <= saves; i++) {
      const arrivals = 1_000_000 + i;
      const edited = original.replace(/const arrivals: number = \d+;/, `const arrivals: number = ${arrivals};`);
      const saved = performance.now();
      // Saved whole, as editors do (see tests/browser/dev-loop.test.ts).
      writeFileSync(path.join(cache, "saving.tmp"), edited);
      renameSync(path.join(cache, "saving.tmp"), entry);
      await outputShows(warm.page, `arrivals: ${arrivals}`);
      saveToOutputMs.push(performance.now() - saved);
    }
    writeFileSync(entry, original);
  } finally {
    await warm.page.close();
    await warm.server.stop();
  }
  return { coldStartMs: cold.ms, warmStartMs: warm.ms, saveToOutputMs };
}

/** Polls the page (which Astro reloads on the save) until its snippet output holds `text`. */
async function outputShows(page: Page, text: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const shown = await page.evaluate(() => document.querySelector("daybook-snippet .snippet-output-text")?.textContent ?? "").catch(() => "");
    if (shown.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the page never showed "${text}" after the save`);
}
