// The type checker's first moments in Chromium: the worker says "ready" once its Program is
// built, without checking anything; then it checks the author's code as a warm-up if the reader
// has not asked for anything, whose answer nobody shows, or else answers the reader's first
// request straight away.
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";

/** What the page posts to the type-check worker and what it answers, recorded by wrapping `Worker` before any page script runs. */
interface Traffic {
  sent: { kind: string; code?: string }[];
  received: { kind: string }[];
}

describe("the type checker's first check", () => {
  const session = useSampleSite();
  const errors: string[] = [];
  let context: BrowserContext | undefined;

  async function open(path: string): Promise<Page> {
    context = await session.browser.newContext();
    const page = recordErrors(await context.newPage(), errors);
    await page.addInitScript(() => {
      const traffic: Traffic = { sent: [], received: [] };
      (window as unknown as { traffic: Traffic }).traffic = traffic;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener("message", ({ data }: MessageEvent<{ kind: string }>) => traffic.received.push({ kind: data.kind }));
        }
        override postMessage(message: unknown, options?: unknown): void {
          const { kind, code } = message as { kind: string; code?: string };
          traffic.sent.push(code === undefined ? { kind } : { kind, code });
          super.postMessage(message, options as StructuredSerializeOptions);
        }
      };
    });
    await page.goto(`${session.site.url}${path}`);
    return page;
  }

  const traffic = (page: Page) => page.evaluate(() => (window as unknown as { traffic: Traffic }).traffic);
  const author = async (page: Page) => (await page.locator("daybook-snippet pre.astro-code").first().textContent())!.replace(/\n$/, "");

  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it("checks the author's code once the worker is ready, and the unedited snippet still shows no errors", async () => {
    const page = await open("day/1/");
    const code = await author(page);
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    await snippet.locator(".cm-content").waitFor();
    // Ready, then the warm-up: a check of the author's code, answered (and shown nowhere).
    await expect.poll(async () => (await traffic(page)).received.map((m) => m.kind), { timeout: 60_000 }).toContain("check");
    expect((await traffic(page)).received[0]?.kind).toBe("ready");
    expect((await traffic(page)).sent.filter((m) => m.kind === "check")).toEqual([{ kind: "check", code }]);
    expect(await snippet.locator(".cm-snippet-diagnostics p").textContent()).toBe("No type errors");
    expect(await snippet.locator(".cm-snippet-diagnostics li").count()).toBe(0);
    expect(await snippet.locator(".cm-lintRange-error").count()).toBe(0);
  }, 90_000);

  it("lists a type error typed the moment the editor opens, at its line, and checks nothing else before it", async () => {
    const page = await open("day/1/");
    const lines = (await author(page)).split("\n").length;
    // The worker is ready only once it has the library files: held until the reader has typed, so
    // that "the moment the editor opens" does not depend on how fast this machine types (a loaded
    // machine once typed after the worker was ready, and the warm-up went first).
    let typed!: () => void;
    const held = new Promise<void>((resolve) => (typed = resolve));
    await page.route("**/editor/typecheck-files.json", async (route) => {
      await held;
      await route.continue();
    });
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    const editor = snippet.locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText('\nconst n: number = "five";');
    typed();
    await expect.poll(() => snippet.locator(".cm-snippet-diagnostics li").allTextContents(), { timeout: 60_000 }).toEqual([`Line ${lines + 1}: Type 'string' is not assignable to type 'number'. (TS2322)`]);
    // The reader's check was waiting when the worker became ready: no warm-up went before it.
    const checks = (await traffic(page)).sent.filter((m) => m.kind === "check");
    expect(checks.at(0)?.code).toContain('const n: number = "five";');
  }, 90_000);
});
