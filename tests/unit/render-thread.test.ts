// The second page-rendering thread (src/integration/render/render-thread.ts), driven with a
// stand-in for the prerender bundle Astro writes: an entry module whose app renders each page
// by its address. What the real bundle renders there is compared byte for byte with the main
// thread's pages in tests/build/determinism.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { RenderThread, type RenderThreadData } from "../../src/integration/render/render-thread.ts";
import { renderCountsLine, renderThreadsMode } from "../../src/integration/render/render-two-threads.ts";

const ENTRY = `
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const app = {
  manifest: { routes: [{ routeData: { route: "/day/[day]", component: "src/pages/day/[day].astro" } }] },
  setInternals(internals) { this.internals = internals; },
  setOptions(options) { this.options = options; },
  async render(request, { routeData }) {
    const url = new URL(request.url);
    const html = "<!DOCTYPE html><p>" + url.pathname + " " + routeData.component + " " + this.internals.pagesByKeys.get("k").styles + "</p>";
    if (url.pathname === "/day/2/") void request.headers;
    if (url.pathname === "/day/3/") globalThis.astroAsset.addStaticImage({ src: "/a.png" }, [], "/a.png");
    if (url.pathname === "/day/4/") await pause(300);
    if (url.pathname === "/day/5/" || url.pathname === "/day/6/") this.options.logger.options.destination.write({ level: "warn", label: "page", message: "a warning", newLine: true });
    if (url.pathname === "/day/6/") globalThis.astroAsset.addStaticImage({ src: "/b.png" }, [], "/b.png");
    if (url.pathname === "/day/7/") throw new Error("no day 7");
    globalThis[Symbol.for("daybook.search-index-build")].offer(url.pathname, html);
    return new Response(html, { headers: { "content-type": "text/html" } });
  },
};
`;

function entryFile(source = ENTRY): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "daybook-render-thread-")), "prerender-entry.test.mjs");
  writeFileSync(file, source);
  return pathToFileURL(file).href;
}

const data = (entry: string): RenderThreadData => ({ entry, internals: { pagesByKeys: new Map([["k", { styles: "styled" }]]), entrySpecifierToBundleMap: new Map() }, settings: { scripts: [] } });
const job = (day: number) => ({ url: `http://localhost/day/${day}/?q=1`, route: "/day/[day]", component: "src/pages/day/[day].astro", collectMetadata: false });

const threads: RenderThread[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((thread) => thread.close()));
});

function started(entry: string, log: unknown[] = []): RenderThread {
  const thread = new RenderThread(data(entry), (event) => log.push(event));
  threads.push(thread);
  return thread;
}

describe("the second render thread", () => {
  it("renders a page with the app it was handed the build's state through, and says what the page offered the search index", async () => {
    const thread = started(entryFile());
    const reply = await thread.render(job(1));
    expect(reply.fallback).toBeUndefined();
    const page = reply.page!;
    expect(page.status).toBe(200);
    expect(page.headers).toContainEqual(["content-type", "text/html"]);
    // The search part of the address is dropped, as Astro does for a prerendered page's request.
    const html = "<!DOCTYPE html><p>/day/1/ src/pages/day/[day].astro styled</p>";
    expect(Buffer.from(page.body!).toString()).toBe(html);
    expect(page.offered).toBe(html);
    expect(thread.ready).toBe(true);
    expect(thread.inFlight).toBe(0);
  });

  it("hands back a page that reads the request's headers or gives Astro an image, for the main thread to render", async () => {
    const thread = started(entryFile());
    for (const [day, why] of [[2, "the request's headers"], [3, "an image to optimise"]] as const) {
      const reply = await thread.render(job(day));
      expect(reply.page).toBeUndefined();
      expect(reply.fallback).toBe(`the page needs the main thread (${why})`);
    }
    // And goes on rendering the others.
    expect((await thread.render(job(1))).page?.status).toBe(200);
  });

  it("hands back a page of a route it does not have", async () => {
    const reply = await started(entryFile()).render({ ...job(1), route: "/tags/[id]" });
    expect(reply.fallback).toBe("no route /tags/[id]");
  });

  it("passes a page's lines of Astro's log to the main thread with the page, and drops those of a page it hands back", async () => {
    const log: unknown[] = [];
    const thread = started(entryFile(), log);
    await thread.render(job(5));
    expect(log).toEqual([{ level: "warn", label: "page", message: "a warning", newLine: true }]);
    // Day 6 warns, then gives Astro an image: the main thread renders it again, and warns itself.
    expect((await thread.render(job(6))).fallback).toBe("the page needs the main thread (an image to optimise)");
    expect(log).toHaveLength(1);
  });

  it("hands back a page that fails, saying why, for the main thread to render and report", async () => {
    expect((await started(entryFile()).render(job(7))).fallback).toBe("the page failed: no day 7");
  });

  it("hands back every page, without hanging, when the site does not load in it", async () => {
    const thread = started(entryFile("throw new Error('the bundle is broken');"));
    const reply = await thread.render(job(1));
    expect(reply.fallback).toContain("the bundle is broken");
    expect(thread.ready).toBe(false);
    expect((await thread.render(job(1))).fallback).toContain("the bundle is broken");
    await expect(thread.close()).resolves.toBeUndefined();
  });

  it("keeps the process alive while a page is in its hands, and lets it end once none is", () => {
    // A process whose only pending work is a page in the thread: it must print the page, then exit.
    const script = `
      import { RenderThread } from ${JSON.stringify(pathToFileURL(path.resolve("src/integration/render/render-thread.ts")).href)};
      const internals = { pagesByKeys: new Map([["k", { styles: "s" }]]), entrySpecifierToBundleMap: new Map() };
      const thread = new RenderThread({ entry: ${JSON.stringify(entryFile())}, internals, settings: { scripts: [] } }, () => {});
      thread.render(${JSON.stringify(job(4))}).then((reply) => console.log(reply.page ? "rendered" : reply.fallback));
    `;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "daybook-render-thread-")), "only-a-page-pending.mjs");
    writeFileSync(file, script);
    const output = execFileSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
    expect(output.trim()).toBe("rendered");
  });

  it("reads DAYBOOK_RENDER_THREADS and reports where pages were rendered", () => {
    expect([renderThreadsMode("1"), renderThreadsMode("2"), renderThreadsMode(undefined), renderThreadsMode("")]).toEqual(["main", "always", "auto", "auto"]);
    expect(renderCountsLine({ started: true, mainThread: 700, secondThread: 600, handedBack: 0 })).toBe("pages rendered: 700 on the main thread, 600 on a second thread");
    expect(renderCountsLine({ started: true, mainThread: 5, secondThread: 3, handedBack: 2, firstReason: "why" })).toBe(
      "pages rendered: 5 on the main thread, 3 on a second thread; 2 handed back to the main thread (the first: why)",
    );
    expect(renderCountsLine({ started: true, mainThread: 9, secondThread: 0, handedBack: 0, firstReason: "broken" })).toBe("pages rendered: 9 on the main thread, 0 on a second thread; the second thread stopped: broken");
  });
});
