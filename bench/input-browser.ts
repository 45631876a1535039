import type { Browser } from "playwright-core";
import { INPUT_SETTLE_MS } from "../src/client/snippets/snippet-inputs.ts";

/**
 * Input change → updated figure on an entry whose snippet with controls has a range and draws
 * (Day 9): the slider is set and its `input` event fired, and the clock stops when the output
 * panel holds a new figure and the status says the run ended. Each change comes after the
 * previous one has settled (snippet-inputs.ts runs a change at once, then at most once per
 * INPUT_SETTLE_MS while a slider is dragged), as a reader's arrow key or click does;
 * `fromRunStartMedian` starts the clock when the run starts ("Running…"). Medians of `runs`
 * after a warm-up.
 */
export async function benchInputChange(browser: Browser, entryUrl: string, runs = 10): Promise<{ median: number; fromRunStartMedian: number; runs: number }> {
  const page = await browser.newPage();
  await page.goto(entryUrl);
  await page.waitForFunction(() => document.querySelector<HTMLFieldSetElement>("daybook-snippet fieldset.snippet-inputs")?.disabled === false);
  const times = await page.evaluate(async ({ count, settle }) => {
    const snippet = document.querySelector("fieldset.snippet-inputs")!.closest("daybook-snippet")!;
    const slider = snippet.querySelector<HTMLInputElement>("fieldset.snippet-inputs input[type=range]")!;
    const panel = snippet.querySelector(".snippet-output")!;
    const status = snippet.querySelector(".snippet-status")!;
    const results: [number, number][] = [];
    for (let i = 0; i <= count; i++) {
      await new Promise((resolve) => setTimeout(resolve, settle));
      const before = panel.querySelector("svg.fig");
      status.textContent = "";
      const started = performance.now();
      let running = started;
      slider.value = String((70 + i) / 100);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise<void>((resolve) => {
        const done = () => {
          if (running === started && status.textContent === "Running…") running = performance.now();
          const svg = panel.querySelector("svg.fig");
          if (svg && svg !== before && /^(Ran|Failed)/.test(status.textContent ?? "")) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(snippet, { childList: true, characterData: true, subtree: true });
      });
      const end = performance.now();
      if (i > 0) results.push([end - started, end - running]);
    }
    return results;
  }, { count: runs, settle: INPUT_SETTLE_MS + 50 });
  await page.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { median: median(times.map((t) => t[0])), fromRunStartMedian: median(times.map((t) => t[1])), runs: times.length };
}

/** Measures on `entryUrl` and prints the row through the bench's own `row` and `ms`. */
export async function reportInputChange(browser: Browser, entryUrl: string, row: (name: string, value: string, note?: string) => void, ms: (n: number) => string): Promise<void> {
  const input = await benchInputChange(browser, entryUrl);
  row(`input change → updated figure (Day 9), median of ${input.runs} (from the run's start)`, `${ms(input.median)} (${ms(input.fromRunStartMedian)})`, "target ≤ 100 ms");
}
