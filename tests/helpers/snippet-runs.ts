import { readdirSync, readFileSync } from "node:fs";
import type { CDPSession, Page } from "playwright-core";

/**
 * Evaluates a JavaScript expression in a page and returns its (awaited, JSON-able) value: through
 * Playwright, or through a raw CDP session, which keeps working after an out-of-process frame
 * crashes (Playwright then marks the whole page as crashed although the page itself lives on).
 */
export type Evaluate = (expression: string) => Promise<unknown>;

export const pageEvaluate =
  (page: Page): Evaluate =>
  (expression) =>
    page.evaluate(expression);

export function cdpEvaluate(session: CDPSession): Evaluate {
  return async (expression) => {
    const { result, exceptionDetails } = await session.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as unknown;
  };
}

export interface SnippetRun {
  status: string;
  output: string;
  /** Wall time of the whole Run as the page saw it. */
  wallMs: number;
}

/**
 * Runs the `index`-th `<daybook-snippet>` of the page through its own `run()` (what the Run
 * button calls), first replacing its compiled JS with `js` and its timeout with `timeout` when
 * given: crafted code reaches the sandbox exactly as a reader's edit would.
 */
export async function runSnippetAt(evaluate: Evaluate, index: number, js?: string, timeout?: number): Promise<SnippetRun> {
  return (await evaluate(`(async () => {
    // The bootstrap loads after the page is parsed: run() exists once the element is defined.
    await customElements.whenDefined("daybook-snippet");
    const el = document.querySelectorAll("daybook-snippet")[${index}];
    ${js === undefined ? "" : `el.dataset.js = ${JSON.stringify(js)};`}
    ${timeout === undefined ? "" : `el.dataset.timeout = "${timeout}";`}
    const started = performance.now();
    await el.run();
    return {
      status: el.querySelector(".snippet-status").textContent,
      output: el.querySelector(".snippet-output-text").textContent,
      wallMs: performance.now() - started,
    };
  })()`)) as SnippetRun;
}

/** Appends a copy of the page's first snippet (a fresh `<daybook-snippet>` with its own Run) and returns its index. */
export async function addSnippetCopy(evaluate: Evaluate): Promise<number> {
  return (await evaluate(`(() => {
    const all = document.querySelectorAll("daybook-snippet");
    const copy = all[0].cloneNode(true);
    copy.querySelector(".snippet-toolbar")?.remove();
    all[all.length - 1].after(copy);
    return all.length;
  })()`)) as number;
}

/** The compiled JS of the `index`-th snippet, as the build baked it into the page. */
export async function bakedSnippet(evaluate: Evaluate, index: number): Promise<{ js: string; output: string }> {
  return (await evaluate(`(() => {
    const el = document.querySelectorAll("daybook-snippet")[${index}];
    return { js: el.dataset.js, output: el.querySelector(".snippet-output-text").textContent };
  })()`)) as { js: string; output: string };
}

/**
 * Keeps asking the page for a trivial value until stopped and reports the slowest answer: a
 * page whose main thread froze (a huge string laid out, a crashed tab) answers late or never.
 */
export function watchResponsiveness(evaluate: Evaluate): { stop(): Promise<number> } {
  let running = true;
  let worst = 0;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      await evaluate("1");
      worst = Math.max(worst, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return worst;
    },
  };
}

/** Entry days whose source has at least one runnable snippet. */
export function daysWithSnippets(): number[] {
  return readdirSync("content/days")
    .map((name) => readFileSync(`content/days/${name}`, "utf8"))
    .filter((text) => /^```ts run/m.test(text))
    .map((text) => Number(/^day: (\d+)$/m.exec(text)![1]))
    .sort((a, b) => a - b);
}
