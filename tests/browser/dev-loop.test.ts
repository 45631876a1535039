import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync as writeInPlace } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/chromium.ts";
import { startDevServer, type DevServer } from "../helpers/dev-server.ts";
import { DEV_ACCEPT_PATH, DEV_STATE_PATH, DEV_TOKEN_HEADER, type DevState } from "../../src/client/dev/dev-protocol.ts";

/**
 * The author's loop on a real `npm run dev` over a copy of tests/fixtures/basic: one dev server
 * and one browser for the whole file, the page never reloaded by the test (Astro reloads it
 * itself when an entry changes, and the dev client updates it in place). Every wait is a poll.
 */
describe("npm run dev: the author's loop", () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let content = "";
  let entry = "";
  let original = "";
  let token = "";
  let work = "";
  const requested: string[] = [];
  const poll = { timeout: 60_000, interval: 200 };
  /**
   * Saves as editors do, whole (written beside, then renamed over): a write in place is first an
   * empty file, which the watcher may report and Astro read before the text arrives.
   */
  const writeFileSync = (file: string, text: string) => {
    const next = path.join(work, "saving.tmp");
    writeInPlace(next, text);
    renameSync(next, file);
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "daybook-dev-loop-"));
    content = path.join(work, "content");
    cpSync(path.resolve(import.meta.dirname, "../fixtures/basic"), content, { recursive: true });
    entry = path.join(content, "days/001-first-day.mdx");
    original = readFileSync(entry, "utf8");
    server = await startDevServer({ DAYBOOK_CONTENT: content, DAYBOOK_CACHE: path.join(work, "cache") });
    browser = await launchChromium();
    page = await browser.newPage();
    // The token the dev page sends, read off its own request (the test never looks inside the page's scripts).
    page.on("request", (request) => {
      requested.push(request.url());
      const sent = request.headers()[DEV_TOKEN_HEADER];
      if (sent) token = sent;
    });
    await page.goto(`${server.origin}/day/1/`);
  });

  afterEach(async ({ task }) => {
    // What the server and the page showed, to tell a slow machine from a broken loop.
    if (task.result?.state !== "fail") return;
    const shown = await inPage(() => document.body.innerText.slice(0, 2000));
    console.error(`dev server log (end):\n${server.log().slice(-4000)}\n\npage text:\n${shown}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Reads the page; undefined while Astro's reload replaces it. */
  const inPage = <T>(read: () => T) => page.evaluate(read).catch(() => undefined);
  const output = () => inPage(() => document.querySelector("daybook-snippet .snippet-output-text")?.textContent ?? "");
  const notice = () => inPage(() => document.querySelector("daybook-snippet .daybook-dev-snippet")?.textContent ?? "");
  const panel = (on: Page = page) => on.evaluate(() => {
    const element = document.querySelector<HTMLElement>("daybook-dev-problems");
    return element && !element.hidden ? (element.textContent ?? "") : "";
  }).catch(() => undefined);
  const state = async (): Promise<DevState> => (await fetch(`${server.origin}/${DEV_STATE_PATH}?page=/day/1/`, { headers: { [DEV_TOKEN_HEADER]: token } })).json() as Promise<DevState>;
  const accept = (init: { method?: string; origin?: string | null; token?: string | null; body?: unknown }) =>
    fetch(`${server.origin}/${DEV_ACCEPT_PATH}`, {
      method: init.method ?? "POST",
      headers: Object.fromEntries(
        [
          ["content-type", "application/json"],
          ["origin", init.origin === undefined ? server.origin : init.origin],
          [DEV_TOKEN_HEADER, init.token === undefined ? token : init.token],
        ].filter((pair): pair is [string, string] => pair[1] !== null),
      ),
      ...(init.method === "GET" ? {} : { body: JSON.stringify(init.body ?? {}) }),
    });

  it("loads no Astro dev toolbar into the page (some 23 module requests that delayed a save made right after opening a page)", async () => {
    await expect.poll(() => inPage(() => document.readyState), poll).toBe("complete");
    expect(requested.some((url) => url.includes("/@vite/client")), "the probe sees the dev page's modules").toBe(true);
    expect(requested.filter((url) => /dev-toolbar|astro:toolbar/.test(decodeURIComponent(url)))).toEqual([]);
    // A poll: Astro may reload the page once as it opens (a content-store change it announced before
    // any page was connected, which Vite hands to the first page that connects).
    await expect.poll(() => inPage(() => document.querySelector("astro-dev-toolbar") === null), poll).toBe(true);
  });

  it("serves the share image the page's meta points at (a build publishes its cards itself)", async () => {
    await expect.poll(() => inPage(() => document.readyState), poll).toBe("complete");
    const image = await inPage(() => document.querySelector<HTMLMetaElement>('meta[property="og:image"]')?.content ?? "");
    expect(image).toMatch(/\/og\/day\/1\.png$/);
    const response = await fetch(`${server.origin}${new URL(image!).pathname}`);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
  });

  it("shows a saved snippet's new output and the out-of-date notice with its diff, as text", async () => {
    await expect.poll(output, poll).toContain("95% busy");
    // A poll, not one read: Vite may reload the page once it has optimised the dependencies the page asked for.
    await expect.poll(notice, poll).toBe("");
    writeFileSync(entry, original.replace("const utilisation = 0.95;", "const utilisation = 0.9;"));
    await expect.poll(output, poll).toContain("90% busy: wait ≈ 9.0 service times");
    await expect.poll(notice, poll).toContain("- 95% busy: wait ≈ 19.0 service times\n+ 90% busy: wait ≈ 9.0 service times");
    await expect.poll(notice, poll).toContain("npm run snippets -- --update");
    // The output prints <b>…</b>: it is shown as typed, in the output and in the diff, never as markup.
    await expect.poll(output, poll).toContain("<b>not bold</b>");
    await expect.poll(() => inPage(() => document.querySelectorAll("daybook-snippet b").length), poll).toBe(0);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses every Accept that is not the page's own, and changes nothing", async () => {
    const before = readFileSync(entry, "utf8");
    const [snippet] = (await state()).snippets;
    expect(snippet?.outOfDate).toBe(true);
    const mine = { id: snippet!.id, hash: snippet!.outputHash };
    const packageJson = readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8");
    const attempts: [string, Promise<Response>, number][] = [
      ["cross-origin", accept({ origin: "https://evil.example", body: mine }), 403],
      ["another port of this machine", accept({ origin: "http://127.0.0.1:1", body: mine }), 403],
      ["without Origin", accept({ origin: null, body: mine }), 403],
      ["without the token", accept({ token: null, body: mine }), 403],
      ["with a wrong token", accept({ token: "0".repeat(64), body: mine }), 403],
      ["with GET", accept({ method: "GET" }), 405],
      ["with a stale hash", accept({ body: { ...mine, hash: "0".repeat(32) } }), 409],
      ["with a path-like id", accept({ body: { ...mine, id: "../../package.json" } }), 400],
      ["with an unknown id", accept({ body: { ...mine, id: "f".repeat(32) } }), 404],
    ];
    for (const [what, response, status] of attempts) expect([what, (await response).status]).toEqual([what, status]);
    expect(readFileSync(entry, "utf8")).toBe(before);
    expect(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")).toBe(packageJson);
  });

  it("Accept output rewrites only that fence, and the notice goes", async () => {
    const before = readFileSync(entry, "utf8");
    await page.click("daybook-snippet .daybook-dev-accept");
    const expected = before.replace("```output\n95% busy: wait ≈ 19.0 service times\n", "```output\n90% busy: wait ≈ 9.0 service times\n");
    expect(expected).not.toBe(before);
    await expect.poll(() => readFileSync(entry, "utf8"), poll).toBe(expected);
    await expect.poll(notice, poll).toBe("");
    await expect.poll(output, poll).toContain("90% busy");
  });

  it("shows a type error at the snippet, with its line", async () => {
    const accepted = readFileSync(entry, "utf8");
    writeFileSync(entry, accepted.replace("const utilisation = 0.9;", "const utilisation: string = 0.9;"));
    await expect.poll(notice, poll).toMatch(/001-first-day\.mdx:18(:\d+)?: .*not assignable to type 'string'/);
    writeFileSync(entry, accepted);
    await expect.poll(notice, poll).toBe("");
  });

  it("draws a saved snippet's figures as after Run", async () => {
    const accepted = readFileSync(entry, "utf8");
    const drawing = 'import { show } from "daybook/show";\nshow.bar("Wait by utilisation", { "80%": 4, "90%": 9 });\nconst utilisation = 0.9;';
    writeFileSync(entry, accepted.replace("const utilisation = 0.9;", drawing));
    await expect.poll(output, poll).toContain('[figure bar "Wait by utilisation"');
    const figure = () => inPage(() => document.querySelector("daybook-snippet .snippet-figure svg[role=img] title")?.textContent ?? "");
    await expect.poll(figure, poll).toBe("Wait by utilisation");
    writeFileSync(entry, accepted);
    await expect.poll(figure, poll).toBe("");
    await expect.poll(notice, poll).toBe("");
  });

  it("keeps a snippet's type error at its line when prose is added above it, and drops it once fixed", async () => {
    const accepted = readFileSync(entry, "utf8");
    const mistyped = accepted.replace("const utilisation = 0.9;", "const utilisation: string = 0.9;");
    writeFileSync(entry, mistyped);
    await expect.poll(notice, poll).toMatch(/001-first-day\.mdx:18(:\d+)?: .*not assignable to type 'string'/);
    await expect.poll(() => panel(), poll).toMatch(/001-first-day\.mdx:18:\d+✗ type error/);
    // A save that changes only prose: the snippet is not checked again, its problem moves with it.
    writeFileSync(entry, mistyped.replace("A first entry.", "A first entry.\n\nA paragraph added above the snippet."));
    await expect.poll(() => inPage(() => document.body.textContent ?? ""), poll).toContain("A paragraph added above the snippet.");
    await expect.poll(notice, poll).toMatch(/001-first-day\.mdx:20(:\d+)?: .*not assignable to type 'string'/);
    await expect.poll(() => panel(), poll).toMatch(/001-first-day\.mdx:20:\d+✗ type error/);
    writeFileSync(entry, accepted);
    await expect.poll(notice, poll).toBe("");
    await expect.poll(() => panel(), poll).toBe("");
  });

  it("shows an unknown tag on every page, and the problem goes when it is fixed", async () => {
    const home = await browser.newPage();
    await home.goto(`${server.origin}/`);
    const fixed = readFileSync(entry, "utf8");
    writeFileSync(entry, fixed.replace("tags: [queues]", "tags: [queuez]"));
    for (const on of [page, home]) {
      await expect.poll(() => panel(on), poll).toContain('the tag "queuez" matches no tag id or alias');
      await expect.poll(() => panel(on), poll).toMatch(/001-first-day\.mdx:5:\d+✗ the tag "queuez" .*→ did you mean "queueing"\?/);
    }
    writeFileSync(entry, fixed);
    for (const on of [page, home]) await expect.poll(() => panel(on), poll).toBe("");
    await home.close();
  });
});
