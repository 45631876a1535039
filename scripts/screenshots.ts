// `npm run screenshots`: pictures of the sample journal for the README, taken from a real build.
// Builds the site first unless dist/ already holds one (`--rebuild` builds anyway; `--dist <dir>`
// photographs another build), serves it, and writes one PNG per page, theme and screen size into
// docs/screenshots/ (`--out <dir>` elsewhere). Each picture is the viewport only, so files stay small.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/helpers/chromium.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const dist = path.resolve(root, option("--dist") ?? "dist");
const out = path.resolve(root, option("--out") ?? "docs/screenshots");

const SCREENS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
const THEMES = ["light", "dark"] as const;

interface Shot {
  name: string;
  path: string;
  /** Brings the page to the state worth showing, after it has loaded. */
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: "home", path: "" },
  {
    name: "entry-run",
    path: "day/9/",
    prepare: async (page) => {
      // The snippet with controls (Day 9's curve and its slider) shows the most; any snippet will do.
      const withInputs = page.locator("daybook-snippet:has(.snippet-inputs)").first();
      const snippet = (await withInputs.count()) > 0 ? withInputs : page.locator("daybook-snippet").first();
      const status = snippet.locator(".snippet-status");
      await snippet.locator("button[data-action=run]").click();
      await page.waitForFunction((el) => /^(Ran|Failed|Stopped)/.test(el?.textContent ?? ""), await status.elementHandle(), { timeout: 30_000 });
      // The end of the snippet in view: its controls, Run button and fresh output.
      await snippet.evaluate((el) => el.scrollIntoView({ block: "end" }));
      await page.evaluate(() => window.scrollBy(0, 24));
    },
  },
  { name: "graph", path: "graph/" },
  {
    name: "search",
    path: "",
    prepare: async (page) => {
      await page.locator("[data-search-open]").first().click();
      const dialog = page.locator("dialog[open]");
      await dialog.locator("input[type=search]").fill("jitter");
      await dialog.locator(":is(ol, ul) li").first().waitFor({ timeout: 30_000 });
    },
  },
];

function ensureBuild(): void {
  if (!args.includes("--rebuild") && existsSync(path.join(dist, "index.html"))) {
    console.log(`Using the build in ${path.relative(root, dist) || "."}/ (pass --rebuild to build again).`);
    return;
  }
  if (option("--dist")) throw new Error(`${dist} holds no built site (no index.html). Build it first, or leave out --dist to build dist/.`);
  console.log("Building the site (npm run build)…");
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build.ts")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("The build failed, so no screenshots were taken; fix the build and run npm run screenshots again.");
}

ensureBuild();
mkdirSync(out, { recursive: true });
const site = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const [screen, device] of Object.entries(SCREENS)) {
    for (const theme of THEMES) {
      const context = await browser.newContext({ ...device, colorScheme: theme, reducedMotion: "reduce" });
      for (const shot of SHOTS) {
        const page = await context.newPage();
        await page.goto(`${site.url}${shot.path}`, { waitUntil: "networkidle" });
        await shot.prepare?.(page);
        const file = path.join(out, `${shot.name}-${theme}-${screen}.png`);
        await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
        console.log(`${path.relative(root, file)}  ${Math.round(statSync(file).size / 1024)} KB`);
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
