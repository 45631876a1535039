import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";

export interface SnippetBrowserFigures {
  /** Gzipped JavaScript loaded by an entry page before any interaction. */
  jsBeforeInteractionGz: number;
  /** Gzipped bytes fetched by the first Run (sandbox + worker runtime). */
  firstRunGz: number;
  /** Gzipped bytes fetched by the first Edit and the first run of edited code (editor + transpiler). */
  firstEditGz: number;
  /** Click → output visible, 20 runs after a warm-up. */
  runLatencyMs: { median: number; p90: number; runs: number };
}

/** Collects the gzipped size of every script-like response while `action` runs. */
async function bytesDuring(page: Page, action: () => Promise<void>): Promise<number> {
  let total = 0;
  const pending: Promise<void>[] = [];
  const onResponse = (response: import("playwright-core").Response) => {
    if (!/\.(js|mjs)(\?|$)/.test(response.url())) return;
    pending.push(response.body().then((body) => void (total += gzipSync(body).length)).catch(() => undefined));
  };
  page.on("response", onResponse);
  await action();
  // Not "networkidle": blob: workers inside the sandbox can keep Playwright's network tracking busy.
  await page.waitForTimeout(500);
  await Promise.all(pending);
  page.off("response", onResponse);
  return total;
}

async function waitForStatus(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(Ran|Failed)/.test(document.querySelector("daybook-snippet .snippet-status")?.textContent ?? ""));
}

export async function benchSnippetBrowser(browser: Browser, entryUrl: string): Promise<SnippetBrowserFigures> {
  const page = await browser.newPage();
  const jsBeforeInteractionGz = await bytesDuring(page, async () => void (await page.goto(entryUrl)));
  const firstRunGz = await bytesDuring(page, async () => {
    await page.click("daybook-snippet [data-action=run]");
    await waitForStatus(page);
  });
  const times = await page.evaluate(async () => {
    const snippet = document.querySelector("daybook-snippet")!;
    const status = snippet.querySelector(".snippet-status")!;
    const button = snippet.querySelector<HTMLButtonElement>("[data-action=run]")!;
    const results: number[] = [];
    for (let i = 0; i < 21; i++) {
      status.textContent = "";
      const started = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (/^(Ran|Failed)/.test(status.textContent ?? "")) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      if (i > 0) results.push(performance.now() - started);
    }
    return results;
  });
  const firstEditGz = await bytesDuring(page, async () => {
    await page.click("daybook-snippet [data-action=edit]");
    await page.waitForSelector(".cm-content");
    await page.keyboard.press("Control+Enter");
    await waitForStatus(page);
  });
  await page.close();
  const sorted = [...times].sort((a, b) => a - b);
  return {
    jsBeforeInteractionGz,
    firstRunGz,
    firstEditGz,
    runLatencyMs: { median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.ceil(sorted.length * 0.9) - 1]!, runs: sorted.length },
  };
}
