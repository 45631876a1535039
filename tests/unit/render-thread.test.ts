// The second page-rendering thread (src/integration/render/render-thread.ts), driven with a
// stand-in for the prerender bundle Astro writes: an entry module whose app renders each page
// by its address. What the real bundle renders there is compared byte for byte with the main
// thread's pages in tests/build/determinism.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroPrerenderer } from "astro";
import { afterEach, describe, expect, it } from "vitest";
import { RenderThread, type RenderThreadData } from "../../src/integration/render/render-thread.ts";
import { noRenderCounts, renderCountsLine, renderOnTwoThreads, renderThreadsMode, type RenderCounts } from "../../src/integration/render/render-two-threads.ts";

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
    globalThis[Symbol.for("daybook.search-index-build")]?.offer(url.pathname, html);
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

  it("leaves Astro's prerenderer alone on two cores unless told to (auto mode needs a core for the thread)", () => {
    const astro = astroPrerenderer("unused", 1);
    const machine = (cores: number) => ({ cores, spareBytes: 8 * 1024 ** 3 });
    expect(renderOnTwoThreads(astro, "unused", noRenderCounts(), { mode: "auto", machine: machine(2) })).toBe(astro);
    expect(renderOnTwoThreads(astro, "unused", noRenderCounts(), { mode: "main", machine: machine(8) })).toBe(astro);
    expect(renderOnTwoThreads(astro, "unused", noRenderCounts(), { mode: "auto", machine: machine(3) })).not.toBe(astro);
    expect(renderOnTwoThreads(astro, "unused", noRenderCounts(), { mode: "always", machine: machine(2) })).not.toBe(astro);
  });
});

// Astro's prerenderer, as renderOnTwoThreads wraps it: it imports the bundle's entry, hands its app
// the build's state, and renders each page with it on this thread.
function astroPrerenderer(entry: string, pages: number): AstroPrerenderer & { app?: { render(request: Request, options: unknown): Promise<Response> } } {
  const routeData = { route: "/day/[day]", component: "src/pages/day/[day].astro" };
  const prerenderer: AstroPrerenderer & { app?: { render(request: Request, options: unknown): Promise<Response> } } = {
    name: "astro:default",
    async setup() {
      const { app } = await import(entry);
      app.setInternals({ pagesByKeys: new Map([["k", { styles: "styled" }]]), entrySpecifierToBundleMap: new Map(), other: () => "not for the thread" });
      app.setOptions({ settings: { scripts: [], config: { integrations: [() => "not for the thread"] } }, logger: { options: { destination: { write: () => true } } } });
      prerenderer.app = app;
    },
    // Days from 10: none of the stand-in's pages that need the main thread or fail.
    getStaticPaths: async () => Array.from({ length: pages }, (_, i) => ({ pathname: `/day/${i + 10}/`, route: routeData })) as never,
    render: (request, options) => prerenderer.app!.render(request, options),
  };
  return prerenderer;
}

async function buildPages(entry: string, pages: number): Promise<{ counts: RenderCounts; html: string[] }> {
  const counts = noRenderCounts();
  const prerenderer = renderOnTwoThreads(astroPrerenderer(entry, pages), "unused", counts, { mode: "always", entry });
  await prerenderer.setup!();
  const paths = await prerenderer.getStaticPaths();
  // Two at a time, as Astro's build.concurrency would.
  const html: string[] = [];
  for (let i = 0; i < paths.length; i += 2) {
    const results = await Promise.all(paths.slice(i, i + 2).map((p) => prerenderer.render(new Request(`http://localhost${p.pathname}`), { routeData: p.route })));
    for (const result of results) html.push(await (result instanceof Response ? result : result.response).text());
  }
  await prerenderer.teardown!();
  return { counts, html };
}

describe("the prerenderer with a second thread", () => {
  it("compares the thread's first page with the main thread's, then hands it the searchable pages", async () => {
    const { counts, html } = await buildPages(entryFile(), 8);
    expect(counts.started).toBe(true);
    expect(counts.secondThread).toBeGreaterThanOrEqual(5);
    expect(counts.mainThread + counts.secondThread).toBe(8);
    expect(counts.firstReason).toBeUndefined();
    expect(html.map((page) => page.replace(/\/day\/\d+\//, "/day/N/"))).toEqual(Array(8).fill("<!DOCTYPE html><p>/day/N/ src/pages/day/[day].astro styled</p>"));
  });

  it("renders every page on the main thread when the thread's first page is not the main thread's", async () => {
    // An app that renders otherwise in a worker thread: an Astro whose pages read build state the thread was not handed.
    const differs = ENTRY.replace('const html = "<!DOCTYPE html><p>"', 'const html = (await import("node:worker_threads")).isMainThread + "<!DOCTYPE html><p>"');
    const { counts, html } = await buildPages(entryFile(differs), 8);
    expect(counts).toMatchObject({ started: true, mainThread: 8, secondThread: 0, handedBack: 0, firstReason: "its first page, /day/10/, was not the main thread's" });
    expect(html.every((page) => page.startsWith("true<!DOCTYPE"))).toBe(true);
  });
});
