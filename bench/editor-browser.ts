import type { Browser, Page } from "playwright-core";
import { bytesDuring } from "./bytes-during.ts";

export interface EditorBrowserFigures {
  /** Gzipped bytes fetched from clicking Edit until the first diagnostics show (editor, type-check worker, TypeScript, library files). */
  firstEditGz: number;
  /** First keystroke → first diagnostics listed, typing as soon as the editor appears (the worker still loading). */
  keystrokeToDiagnosticsMs: number;
  /** The same after the worker is ready (a reader who read the code for a few seconds first). */
  warmKeystrokeToDiagnosticsMs: number;
}

/** Types a type error at the end of the first snippet and times the first keystroke to the listed error, in the page's clock. */
async function typeError(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { firstKey: number | undefined; listed?: Promise<number> };
    w.firstKey = undefined;
    document.addEventListener("keydown", () => (w.firstKey ??= performance.now()), { capture: true });
    const root = document.querySelector(".snippet-editor")!.shadowRoot!;
    w.listed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.querySelector(".cm-snippet-diagnostics li")) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(root, { childList: true, subtree: true });
    });
  });
  await page.locator("daybook-snippet .cm-content").first().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type('\nconst n: number = "five";');
  return page.evaluate(async () => {
    const w = window as unknown as { firstKey: number; listed: Promise<number> };
    return (await w.listed) - w.firstKey;
  });
}

export async function benchEditorBrowser(browser: Browser, entryUrl: string): Promise<EditorBrowserFigures> {
  const cold = await browser.newPage();
  await cold.goto(entryUrl);
  let keystrokeToDiagnosticsMs = 0;
  const { bytes: firstEditGz } = await bytesDuring(cold, async () => {
    await cold.click("daybook-snippet [data-action=edit]");
    await cold.waitForSelector("daybook-snippet .cm-content");
    keystrokeToDiagnosticsMs = await typeError(cold);
  });
  await cold.close();

  const warm = await browser.newPage();
  await warm.goto(entryUrl);
  const author = (await warm.locator("daybook-snippet pre.astro-code").first().textContent())!.replace(/\n$/, "");
  await warm.click("daybook-snippet [data-action=edit]");
  await warm.waitForSelector("daybook-snippet .cm-content");
  // Once answered, the worker is warm: put the author's code back (no errors) and time a second error.
  await typeError(warm);
  await warm.keyboard.press("Control+a");
  await warm.keyboard.insertText(author);
  await warm.waitForFunction(() => !document.querySelector(".snippet-editor")!.shadowRoot!.querySelector(".cm-snippet-diagnostics li"));
  const warmKeystrokeToDiagnosticsMs = await typeError(warm);
  await warm.close();
  return { firstEditGz, keystrokeToDiagnosticsMs, warmKeystrokeToDiagnosticsMs };
}
