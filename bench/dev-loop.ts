// The author's loop for `npm run bench`: `npm run dev` start-up to the first entry page and save →
// the change in the open page, on the synthetic journal, beside the same figures for a plain
// Astro 7 + MDX site (bench/baseline) started the same way, interleaved so load affects both.
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startDevServer, type DevServer } from "../tests/helpers/dev-server.ts";
import { ROOT } from "../tests/helpers/build-site.ts";

export interface DevLoopFigures {
  /** Spawning `astro dev` → the middle entry's page loaded, with empty caches. */
  coldStartMs: number;
  /** The same with the caches a previous start left, one per round. */
  warmStartMs: number[];
  baselineWarmStartMs: number[];
  /** Saving an edited snippet → its new output in the open page (the page reloads itself). */
  snippetSaveMs: number[];
  /** Saving a new paragraph → the paragraph in the open page. */
  proseSaveMs: number[];
  baselineProseSaveMs: number[];
}

type Site = "daybook" | "baseline";

export async function benchDevLoop(browser: Browser, content: string, rounds = 3): Promise<DevLoopFigures> {
  // Astro keeps the baseline's generated content modules in bench/baseline/.astro/, where an
  // earlier benchmark's journal (another temporary folder) would still be listed.
  rmSync(path.join(ROOT, "bench/baseline/.astro"), { recursive: true, force: true });
  const caches = { daybook: mkdtempSync(path.join(tmpdir(), "daybook-bench-dev-")), baseline: mkdtempSync(path.join(tmpdir(), "daybook-bench-dev-baseline-")) };
  const files = readdirSync(path.join(content, "days")).sort();
  const middle = Math.ceil(files.length / 2);
  const entry = path.join(content, "days", files[middle - 1]!);
  const original = readFileSync(entry, "utf8");
  const start = async (site: Site) => {
    const started = performance.now();
    const server =
      site === "daybook"
        ? await startDevServer({ DAYBOOK_CONTENT: content, DAYBOOK_CACHE: caches.daybook }, 600_000)
        : await startDevServer({ BASELINE_CONTENT: content, BASELINE_CACHE: caches.baseline }, 600_000, path.join(ROOT, "bench/baseline"));
    const page = await browser.newPage();
    // "domcontentloaded": the page is readable; waiting for "load" can hang on a dev module request.
    await page.goto(`${server.origin}/day/${middle}/`, { timeout: 600_000, waitUntil: "domcontentloaded" });
    return { server, page, ms: performance.now() - started };
  };
  // Saved whole, as editors do (see tests/browser/dev-loop.test.ts).
  const save = (text: string) => {
    const temporary = path.join(caches.daybook, "saving.tmp");
    writeFileSync(temporary, text);
    renameSync(temporary, entry);
  };
  const timedSave = async (page: Page, text: string, shows: string) => {
    const saved = performance.now();
    save(text);
    await pageShows(page, shows);
    const ms = performance.now() - saved;
    save(original);
    await pageShows(page, "", shows); // back to the author's text before the next save
    return ms;
  };
  const stop = async (running: { server: DevServer; page: Page }) => {
    await running.page.close();
    await running.server.stop();
  };

  const figures: DevLoopFigures = { coldStartMs: 0, warmStartMs: [], baselineWarmStartMs: [], snippetSaveMs: [], proseSaveMs: [], baselineProseSaveMs: [] };
  try {
    const cold = await start("daybook");
    figures.coldStartMs = cold.ms;
    await stop(cold);
    await stop(await start("baseline")); // fills the baseline's caches
    for (let round = 1; round <= rounds; round++) {
      for (const site of ["daybook", "baseline"] as const) {
        const warm = await start(site);
        (site === "daybook" ? figures.warmStartMs : figures.baselineWarmStartMs).push(warm.ms);
        try {
          const paragraph = `A paragraph added in round ${round} of the benchmark.`;
          const prose = await timedSave(warm.page, `${original}\n${paragraph}\n`, paragraph);
          (site === "daybook" ? figures.proseSaveMs : figures.baselineProseSaveMs).push(prose);
          if (site === "daybook") {
            const arrivals = 1_000_000 + round;
            const edited = original.replace(/const arrivals: number = \d+;/, `const arrivals: number = ${arrivals};`);
            figures.snippetSaveMs.push(await timedSave(warm.page, edited, `arrivals: ${arrivals}`));
          }
        } catch (error) {
          throw new Error(`${site}, round ${round}: ${(error as Error).message}\nits server's log (end):\n${warm.server.log().slice(-3000)}`);
        } finally {
          await stop(warm);
        }
      }
    }
  } finally {
    writeFileSync(entry, original);
  }
  return figures;
}

/** Polls the page (which reloads itself on a save) until its text holds `text` (and no longer holds `gone`). */
async function pageShows(page: Page, text: string, gone?: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    // Read while the page is not between a reload's unload and its new document (then it has no body).
    const read = page.evaluate(() => (document.readyState === "loading" ? undefined : document.body?.textContent)).catch(() => undefined);
    const shown = await Promise.race([read, new Promise<undefined>((resolve) => setTimeout(resolve, 5_000))]);
    if (shown !== undefined && shown.includes(text) && (gone === undefined || !shown.includes(gone))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the page never showed "${text}" after the save`);
}
