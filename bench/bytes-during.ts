import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";

/** Bytes as a reader's browser would download them: text compressed by the host, binaries as they are. */
function transferSize(url: string, body: Buffer): number {
  return /\.(js|mjs|css|json|html|svg)(\?|$)/.test(url) ? gzipSync(body).length : body.length;
}

/** What the page downloads while `action` runs (only responses whose URL passes `include`). */
export async function bytesDuring(page: Page, action: () => Promise<void>, include: (url: string) => boolean = () => true): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const pending: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    if (!include(response.url())) return;
    pending.push(
      response
        .body()
        .then((body) => {
          bytes += transferSize(response.url(), body);
          files++;
        })
        .catch(() => undefined),
    );
  };
  page.on("response", onResponse);
  await action();
  // Not "networkidle": blob: workers inside the sandbox can keep Playwright's network tracking busy.
  await page.waitForTimeout(500);
  await Promise.all(pending);
  page.off("response", onResponse);
  return { bytes, files };
}

/** A script's URL (`.js` or `.mjs`). */
export const isScript = (url: string): boolean => /\.m?js(\?|$)/.test(url);

/** Gzipped JavaScript fetched while `action` runs. */
export async function scriptBytesDuring(page: Page, action: () => Promise<void>): Promise<number> {
  return (await bytesDuring(page, action, isScript)).bytes;
}
