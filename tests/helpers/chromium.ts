import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.DAYBOOK_CHROMIUM ?? "/usr/bin/chromium";

/** `extraArgs` (e.g. a smaller V8 heap) go after the usual flags. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...extraArgs,
    ],
  });
}
