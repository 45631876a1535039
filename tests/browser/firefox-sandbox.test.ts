import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BuildResult } from "../helpers/build-site.ts";
import { launchFirefox } from "../helpers/firefox.ts";
import { foreignFramerPage } from "../helpers/foreign-framer.ts";
import { FORGE_ON_WORKER_CHANNEL } from "../helpers/forge-results.ts";
import { bakedSnippet, daysWithSnippets, runSnippetAt, watchResponsiveness, type Evaluate } from "../helpers/snippet-runs.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";

// A smoke test of the snippet sandbox in Debian's Firefox ESR (parity is guaranteed and tested in
// Chromium; see snippets.test.ts and sandbox-attacks.test.ts). Firefox masks
// location.ancestorOrigins by the frame's referrer policy judged against its opaque origin, which
// once hid the journal from the sandbox frame and made every Run fail there: this test is what
// caught it.

describe("the snippet sandbox in Firefox ESR (smoke test)", () => {
  let build: BuildResult;
  let site: StaticSite;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    build = inject("sampleBuild");
    expect(build.code, build.output).toBe(0);
    site = await serveStatic(build.outDir);
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(url: string): Promise<{ page: Page; evaluate: Evaluate }> {
    const page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${String(e)}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
    page.on("dialog", (d) => {
      errors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: "load" });
    // The snippet bootstrap loads after the page is parsed, on pages that have a snippet.
    await page.evaluate(() => (document.querySelector("daybook-snippet") ? customElements.whenDefined("daybook-snippet").then(() => undefined) : undefined));
    return { page, evaluate: (expression) => page.evaluate(expression) };
  }

  /** Presses the snippet's Run button and waits for its status to settle. */
  async function pressRun(page: Page, index: number): Promise<{ status: string; output: string }> {
    await page.evaluate((i) => (document.querySelectorAll("daybook-snippet")[i]!.querySelector("[data-action=run]") as HTMLButtonElement).click(), index);
    await page.waitForFunction(
      (i) => /^(Ran|Failed|Stopped|Not run|Could not|Run isn't)/.test(document.querySelectorAll("daybook-snippet")[i]!.querySelector(".snippet-status")!.textContent ?? ""),
      { timeout: 90_000 },
      index,
    );
    return page.evaluate((i) => {
      const el = document.querySelectorAll("daybook-snippet")[i]!;
      return { status: el.querySelector(".snippet-status")!.textContent ?? "", output: el.querySelector(".snippet-output-text")!.textContent ?? "" };
    }, index);
  }

  it("gives byte-identical output in Firefox and at build time, for every sample snippet, through the Run button", async () => {
    const days = daysWithSnippets();
    expect(days.length).toBeGreaterThanOrEqual(8);
    let checked = 0;
    for (const day of days) {
      const { page } = await open(`${site.url}day/${day}/`);
      const count = await page.evaluate(() => document.querySelectorAll("daybook-snippet").length);
      for (let i = 0; i < count; i++) {
        const baked = await page.evaluate((n) => document.querySelectorAll("daybook-snippet")[n]!.querySelector(".snippet-output-text")!.textContent, i);
        const run = await pressRun(page, i);
        expect(run.status, `day ${day}, snippet ${i + 1}: ${run.output}`).toMatch(/^Ran in \d+ ms$/);
        expect(run.output, `day ${day}, snippet ${i + 1}`).toBe(baked);
        checked++;
      }
      await page.close();
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(errors).toEqual([]);
  }, 180_000);

  it("denies a snippet the network, ignores forged results, stops an endless loop, and the page keeps working", async () => {
    const { page, evaluate } = await open(`${site.url}day/16/`);
    const expected = (await bakedSnippet(evaluate, 1)).output;

    const fetched = await runSnippetAt(evaluate, 0, `try { await fetch(${JSON.stringify(site.url)}); console.log("FETCHED"); } catch (e) { console.log(String(e)); }`);
    expect(fetched.output).toBe("TypeError: snippets have no network access");
    expect(fetched.status).toMatch(/^Ran in \d+ ms$/);

    const forger = await runSnippetAt(evaluate, 0, FORGE_ON_WORKER_CHANNEL);
    const lines = forger.output.split("\n");
    expect(lines.filter((line) => /SENT/.test(line)), forger.output).toEqual([]);
    expect(lines).toHaveLength(6); // a line per route, then the genuine output
    expect(lines.at(-1)).toBe("genuine output");
    expect(forger.status).toMatch(/^Ran in \d+ ms$/);

    const watch = watchResponsiveness(evaluate);
    const stopped = await runSnippetAt(evaluate, 0, "while (true) {}", 1000);
    const slowest = await watch.stop();
    expect(stopped.output).toBe("Error: the snippet was stopped after 3 s on this device (3 × its timeout=1000)");
    expect(stopped.status).toMatch(/^Stopped after \d+(\.\d)? s on this device$/);
    expect(slowest, "slowest answer from the page while the loop ran (ms)").toBeLessThan(1000);

    // The page keeps working: another snippet runs, through its button, with its baked output.
    const again = await pressRun(page, 1);
    expect(again.status).toMatch(/^Ran in \d+ ms$/);
    expect(again.output).toBe(expected);
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);

  describe("/runner/sandbox.html framed by another origin", () => {
    let foreign: Server;
    let foreignUrl = "";
    const RAN = "RAN IN THE JOURNAL'S SANDBOX";
    beforeAll(async () => {
      const workerSource = readFileSync(path.join(build.outDir, "runner/worker.js"), "utf8");
      foreign = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(foreignFramerPage(`${site.url}runner/sandbox.html`, workerSource, `console.log(${JSON.stringify(RAN)})`));
      });
      await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
      // Another origin: same host, another port.
      foreignUrl = `http://127.0.0.1:${(foreign.address() as { port: number }).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

    it("runs nothing for it and answers nothing, framed with or without a sandbox or a referrer", async () => {
      const { page } = await open(foreignUrl);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const frames = page.frames().filter((f) => f.url().endsWith("/runner/sandbox.html"));
      expect(frames).toHaveLength(4);
      for (const frame of frames) {
        expect(await frame.evaluate(() => document.getElementById("status")?.textContent)).toMatch(/It runs nothing here/);
      }
      expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
      await page.close();
    });
  });
});
