import { createServer, type Server } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";
import { daysWithSnippets } from "../helpers/snippet-runs.ts";

describe("runnable snippets in Chromium", () => {
  const session = useSampleSite();
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  async function open(path: string): Promise<Page> {
    context = await session.browser.newContext();
    page = recordErrors(await context.newPage(), errors);
    await page.goto(`${session.site.url}${path}`);
    return page;
  }

  async function runAndWait(snippet: ReturnType<Page["locator"]>): Promise<string> {
    const status = snippet.locator(".snippet-status");
    await snippet.locator("[data-action=run]").click();
    await expect.poll(() => status.textContent(), { timeout: 90_000 }).toMatch(/^(Ran|Failed|Stopped|Not run|Could not|Run isn't)/);
    return (await snippet.locator(".snippet-output-text").textContent()) ?? "";
  }

  it("loads nothing of the runner but the bootstrap before the reader interacts", async () => {
    // Day 17's snippet declares no inputs (a page with inputs loads their small wiring module, which shares the sandbox's message format).
    await open("day/17/");
    await page.waitForLoadState("networkidle");
    const loaded = () => session.site.requests.filter((r) => /runner\/worker\.js|sandbox|transpile|snippet-editor/.test(r));
    expect(loaded()).toEqual([]);
    await runAndWait(page.locator("daybook-snippet").first());
    expect(loaded().some((r) => r.endsWith("runner/worker.js"))).toBe(true);
    expect(loaded().some((r) => r.includes("snippet-editor"))).toBe(false);
    await page.locator("daybook-snippet [data-action=edit]").first().click();
    await page.locator(".cm-content").first().waitFor();
    expect(loaded().some((r) => r.includes("snippet-editor"))).toBe(true);
    await context.close();
  });

  it("gives byte-identical output in the browser and at build time, for every sample snippet", async () => {
    const days = daysWithSnippets();
    expect(days.length).toBeGreaterThanOrEqual(8);
    let checked = 0;
    let figures = 0;
    // One reader's tab going from day to day: each page still gets its own sandbox frame and worker.
    await open(`day/${days[0]}/`);
    for (const day of days) {
      await page.goto(`${session.site.url}day/${day}/`);
      const snippets = page.locator("daybook-snippet");
      for (let i = 0; i < (await snippets.count()); i++) {
        const snippet = snippets.nth(i);
        const baked = await snippet.locator(".snippet-output-text").textContent();
        // The whole panel, figures included: the SVG the page draws from the sandbox's data equals the baked one.
        const bakedPanel = await snippet.locator(".snippet-output").innerHTML();
        // The browser stops a run by wall-clock time (3 × its timeout=), which a loaded machine can
        // reach with a snippet of a second's CPU; this test is about the output, so its runs get
        // 60 s. The stop itself is tested below (while(true){}).
        await snippet.evaluate((element) => void ((element as HTMLElement).dataset.timeout = "20000"));
        const fresh = await runAndWait(snippet);
        expect(fresh, `day ${day}, snippet ${i + 1}`).toBe(baked);
        expect(await snippet.locator(".snippet-status").textContent()).toMatch(/^Ran in \d+ ms$/);
        expect(await snippet.locator(".snippet-output").innerHTML(), `day ${day}, snippet ${i + 1}: the output panel and its figures`).toBe(bakedPanel);
        figures += await snippet.locator(".snippet-output svg.fig").count();
        checked++;
      }
    }
    await context.close();
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(figures, "figures compared (Day 9's curve at least)").toBeGreaterThanOrEqual(1);
  }, 600_000);

  it("runs an edit, reports mistakes with their line, and resets", async () => {
    await open("day/16/");
    const snippet = page.locator("daybook-snippet").first();
    const baked = await snippet.locator(".snippet-output-text").textContent();
    await snippet.locator("[data-action=edit]").click();
    const editor = snippet.locator(".cm-content");
    await editor.waitFor();
    const replace = async (code: string) => {
      await editor.click();
      await page.keyboard.press("Control+a");
      await page.keyboard.insertText(code);
    };

    await replace("const answer: number = 6 * 7;\nconsole.log({ answer });");
    await page.keyboard.press("Control+Enter");
    // The first run of an edit loads the transpiler, the sandbox frame and the worker runtime.
    await expect.poll(() => snippet.locator(".snippet-output-text").textContent(), { timeout: 60_000 }).toBe("{ answer: 42 }");

    await replace("const a = 1;\nconst b = ;\n");
    expect(await runAndWait(snippet)).toMatch(/^SyntaxError: .+ \(line 2\)$/);

    await replace("const items: string[] = [];\nconsole.log('before');\nitems.pushh('x');");
    expect(await runAndWait(snippet)).toBe("before\nTypeError: items.pushh is not a function (line 3)");

    await snippet.locator("[data-action=reset]").click();
    expect(await snippet.locator(".snippet-output-text").textContent()).toBe(baked);
    await expect(snippet.locator("pre.astro-code").isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("re-runs Day 9 when its slider moves (by keyboard), redraws the curve, keeps the value in the link, and the link reproduces it", async () => {
    await open("day/9/");
    // The second snippet on the page draws the curve with a slider (the first prints the table).
    const snippet = page.locator("daybook-snippet").nth(1);
    const slider = snippet.getByRole("slider", { name: "utilisation" });
    // Baked disabled (nothing to change without JavaScript); the page enables it.
    await expect.poll(() => slider.isEnabled()).toBe(true);
    const bakedPanel = await snippet.locator(".snippet-output").innerHTML();
    const bakedSvg = await snippet.locator(".snippet-output svg.fig").innerHTML();
    await slider.focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowLeft");
    expect(await slider.inputValue()).toBe("0.8");
    expect(await snippet.locator(".snippet-input output").textContent()).toBe("0.8");
    await expect.poll(() => new URL(page.url()).search, { timeout: 60_000 }).toBe("?in.2.utilisation=0.8");
    const status = snippet.locator(".snippet-status");
    await expect.poll(() => status.textContent(), { timeout: 90_000 }).toMatch(/^Ran in \d+ ms$/);
    await expect.poll(() => snippet.locator(".snippet-output svg.fig").innerHTML(), { timeout: 60_000 }).not.toBe(bakedSvg);
    const moved = await snippet.locator(".snippet-output").innerHTML();
    expect(moved).not.toBe(bakedPanel);
    const text = (await snippet.locator(".snippet-output-text").allTextContents()).join("\n");
    expect(text).toMatch(/^at 80% busy: simulated [\d.]+ ms, formula 50\.0 ms\n\[figure line "Mean latency vs utilisation, 50% to 80% busy/);

    // The link alone: it sets the slider and re-runs the author's code with that value, giving the same panel.
    const other = await context.newPage();
    await other.goto(page.url());
    const again = other.locator("daybook-snippet").nth(1);
    await expect.poll(() => again.locator(".snippet-status").textContent(), { timeout: 90_000 }).toMatch(/^Ran in \d+ ms$/);
    expect(await again.getByRole("slider", { name: "utilisation" }).inputValue()).toBe("0.8");
    expect(await again.locator(".snippet-output").innerHTML()).toBe(moved);

    // Reset shows the baked output again, with the controls back at their defaults and the link clean.
    await again.locator("[data-action=reset]").click();
    expect(await again.getByRole("slider", { name: "utilisation" }).inputValue()).toBe("0.95");
    expect(new URL(other.url()).search).toBe("");
    expect(await again.locator(".snippet-output").innerHTML()).toBe(bakedPanel);

    // A hostile value in the link is ignored: the baked output stays, nothing runs.
    await other.goto(`${session.site.url}day/9/?in.2.utilisation=1e999&in.2.__proto__=x&in.1.utilisation=0.8`);
    const hostile = other.locator("daybook-snippet").nth(1);
    await expect.poll(() => hostile.getByRole("slider", { name: "utilisation" }).isEnabled()).toBe(true);
    expect(await hostile.getByRole("slider", { name: "utilisation" }).inputValue()).toBe("0.95");
    expect(await hostile.locator(".snippet-output").innerHTML()).toBe(bakedPanel);
    expect(await hostile.locator(".snippet-status").textContent()).toBe("");
    await context.close();
  }, 300_000);

  it("shows output as text, never as HTML", async () => {
    await open("day/16/");
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    await snippet.locator(".cm-content").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("console.log('<img src=x onerror=alert(1)>');");
    expect(await runAndWait(snippet)).toBe("<img src=x onerror=alert(1)>");
    expect(await snippet.locator(".snippet-output img").count()).toBe(0);
    await expect(snippet.locator(".snippet-output").getAttribute("aria-live")).resolves.toBe("polite");
    await context.close();
  });

  it("stops while(true){} at the timeout and the page keeps responding", async () => {
    await open("day/16/");
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    await snippet.locator(".cm-content").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("while (true) {}");
    // A shorter timeout than Day 16's default (2 s): the same stop, without burning 6 s of CPU.
    await snippet.evaluate((element) => void ((element as HTMLElement).dataset.timeout = "500"));
    await page.evaluate(() => {
      const w = window as unknown as { gaps: number[] };
      w.gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.gaps.push(now - last);
        last = now;
      }, 10);
    });
    expect(await runAndWait(snippet)).toBe("Error: the snippet was stopped after 1.5 s on this device (3 × its timeout=500)");
    expect(await snippet.locator(".snippet-status").textContent()).toMatch(/^Stopped after \d+(\.\d)? s on this device$/);
    // How responsive the page stayed is a figure, not an assertion: a busy machine would miss any fixed limit.
    const longestGap = await page.evaluate(() => Math.max(...(window as unknown as { gaps: number[] }).gaps));
    console.log(`longest page timer gap while a snippet looped: ${longestGap.toFixed(1)} ms`);
    await context.close();
  });

  it("says Run isn't available in a browser that cannot run the sandbox, and keeps the baked output", async () => {
    const page = await open("day/16/");
    const snippet = page.locator("daybook-snippet").first();
    const baked = await snippet.locator(".snippet-output-text").textContent();
    await page.evaluate(() => Reflect.deleteProperty(window, "MessageChannel"));
    expect(await runAndWait(snippet)).toBe(baked);
    expect(await snippet.locator(".snippet-status").textContent()).toBe("Run isn't available in this browser");
    expect(await snippet.locator("[data-action=run]").isDisabled()).toBe(false);
    await page.context().close();
  });

  describe("the sandbox", () => {
    let server: Server;
    let hits = 0;
    let port = 0;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        hits++;
        res.end("leaked");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("blocks the page, storage, navigation and the network from snippet code", async () => {
      await open("day/16/");
      await context.addCookies([{ name: "secret", value: "s3cret", url: session.site.url }]);
      const snippet = page.locator("daybook-snippet").first();
      await snippet.locator("[data-action=edit]").click();
      await snippet.locator(".cm-content").click();
      await page.keyboard.press("Control+a");
      const url = `http://127.0.0.1:${port}/steal`;
      await page.keyboard.insertText(
        [
          "const g = globalThis as any;",
          "const probes: [string, () => unknown][] = [",
          "  ['cookie', () => g.document.cookie],",
          "  ['localStorage', () => g.localStorage.getItem('x')],",
          "  ['parent.document', () => g.parent.document.title],",
          "  ['top.location', () => { g.top.location.href = 'https://example.com/'; }],",
          `  ['fetch', () => fetch('${url}').then((r) => r.text())],`,
          `  ['importScripts', () => g.importScripts('${url}')],`,
          `  ['import()', () => import('${url}')],`,
          // Connection events are real-time, so the probe also gives up at a (virtual) deadline.
          `  ['WebSocket', () => new Promise((open, fail) => { const ws = new WebSocket('ws://127.0.0.1:${port}/'); ws.onopen = open; ws.onerror = fail; setTimeout(fail, 1000); })],`,
          "];",
          "for (const [name, probe] of probes) {",
          "  try { const value = await probe(); console.log(name, 'ALLOWED', String(value)); }",
          "  catch { console.log(name, 'blocked'); }",
          "}",
        ].join("\n"),
      );
      const output = await runAndWait(snippet);
      expect(output).toBe(["cookie", "localStorage", "parent.document", "top.location", "fetch", "importScripts", "import()", "WebSocket"].map((n) => `${n} blocked`).join("\n"));
      await page.waitForTimeout(500);
      expect(hits).toBe(0);
      expect(page.url()).toBe(`${session.site.url}day/16/`);
      await context.close();
    });
  });

  it("logged no page errors and opened no dialogs", () => {
    expect(errors.filter((e) => !/Content Security Policy|Failed to load resource|net::ERR/.test(e))).toEqual([]);
  });
});
