import type { Browser, Page } from "playwright-core";
import { bytesDuring } from "./bytes-during.ts";

export interface EditorBrowserFigures {
  /** Gzipped bytes fetched from clicking Edit until the first diagnostics show (editor, type-check worker, TypeScript, library files). */
  firstEditGz: number;
  /**
   * One keystroke that makes a type error, pressed as soon as the editor appears (the worker
   * still loading) → the error listed; one figure per cold page (a fresh browser context each).
   */
  keystrokeToDiagnosticsMs: number[];
  /** The same once the worker is ready (a reader who read the code for a few seconds first). */
  warmKeystrokeToDiagnosticsMs: number[];
  /**
   * A whole line typed as fast as the page takes the keys, from its first key to its error
   * listed: the line's own typing (~28 keys on a page that has just loaded the editor) and the
   * pause the editor waits for before checking are part of it.
   */
  lineToDiagnosticsMs: number[];
  warmLineToDiagnosticsMs: number[];
}

/** The first snippet's editor: its diagnostics list, in the page's clock, from the next keydown. */
async function timeNextEdit(page: Page, edit: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { firstKey: number | undefined; listed?: Promise<number> };
    w.firstKey = undefined;
    document.addEventListener("keydown", () => (w.firstKey ??= performance.now()), { capture: true, once: true });
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
  await edit();
  return page.evaluate(async () => {
    const w = window as unknown as { firstKey: number; listed: Promise<number> };
    return (await w.listed) - w.firstKey;
  });
}

/** To the end of the code (not timed: moving is not editing). */
async function toEnd(page: Page): Promise<void> {
  await page.locator("daybook-snippet .cm-content").first().click();
  await page.keyboard.press("Control+End");
}

/** `x` after the last statement: "Cannot find name 'x'", from one keystroke. */
const oneKey = (page: Page) => timeNextEdit(page, () => page.keyboard.press("x"));
/** A line with a type error, typed key by key. */
const line = (page: Page) => timeNextEdit(page, () => page.keyboard.type('\nconst n: number = "five";'));

/** Puts the author's code back and waits until no error is listed. */
async function restore(page: Page, author: string): Promise<void> {
  await page.locator("daybook-snippet .cm-content").first().click();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(author);
  await page.waitForFunction(() => !document.querySelector(".snippet-editor")!.shadowRoot!.querySelector(".cm-snippet-diagnostics li"));
}

async function openEditor(browser: Browser, entryUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(entryUrl);
  return { context, page };
}

/** `rounds` cold pages for each way of editing, each timed again once its worker has answered. */
export async function benchEditorBrowser(browser: Browser, entryUrl: string, rounds = 5): Promise<EditorBrowserFigures> {
  const figures: EditorBrowserFigures = { firstEditGz: 0, keystrokeToDiagnosticsMs: [], warmKeystrokeToDiagnosticsMs: [], lineToDiagnosticsMs: [], warmLineToDiagnosticsMs: [] };
  const ways = [
    { edit: oneKey, cold: figures.keystrokeToDiagnosticsMs, warm: figures.warmKeystrokeToDiagnosticsMs },
    { edit: line, cold: figures.lineToDiagnosticsMs, warm: figures.warmLineToDiagnosticsMs },
  ];
  for (let round = 0; round < rounds; round++) {
    for (const { edit, cold, warm } of ways) {
      // A fresh context each time: nothing of the editor or the compiler is in the browser's caches.
      const { context, page } = await openEditor(browser, entryUrl);
      try {
        const author = (await page.locator("daybook-snippet pre.astro-code").first().textContent())!.replace(/\n$/, "");
        const { bytes } = await bytesDuring(page, async () => {
          await page.click("daybook-snippet [data-action=edit]");
          await page.waitForSelector("daybook-snippet .cm-content");
          await toEnd(page);
          cold.push(await edit(page));
        });
        if (edit === oneKey) figures.firstEditGz = bytes;
        // The worker has answered, so it is warm: the author's code back, then the same edit again.
        await restore(page, author);
        await toEnd(page);
        warm.push(await edit(page));
      } finally {
        await context.close();
      }
    }
  }
  return figures;
}
