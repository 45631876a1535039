import type { Browser, Page } from "playwright-core";
import { scriptBytesDuring } from "./bytes-during.ts";

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

async function waitForStatus(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(Ran|Failed)/.test(document.querySelector("daybook-snippet .snippet-status")?.textContent ?? ""));
}

export async function benchSnippetBrowser(browser: Browser, entryUrl: string): Promise<SnippetBrowserFigures> {
  const page = await browser.newPage();
  const jsBeforeInteractionGz = await scriptBytesDuring(page, async () => void (await page.goto(entryUrl)));
  const firstRunGz = await scriptBytesDuring(page, async () => {
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
  const firstEditGz = await scriptBytesDuring(page, async () => {
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
