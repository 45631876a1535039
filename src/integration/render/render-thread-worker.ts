// render/: the program of the second page-rendering thread (render-thread.ts starts it). It loads
// the same prerender bundle Astro's own prerenderer loaded on the main thread, into an app of its
// own, and renders the pages it is handed exactly as that prerenderer does (`renderForPrerender`,
// Astro's public function for prerenderers). Anything a page does that only the main thread can
// do (give Astro an image to optimise, read the request's headers) stops the page here; the main
// thread then renders it itself, so such a page is never rendered differently. So does a page
// that fails: the main thread renders it again and reports its error as Astro does.
import { AsyncLocalStorage } from "node:async_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { installRenderScope, renderForPrerender } from "astro/app";
import { takeJournalHistory } from "../git-dates/git-dates-reused.ts";
import { countAsk, keepDrawings, startKeepingDrawings, stopKeepingDrawings, tallyAsksWith } from "../../lib/graph/graph-drawn-ahead.ts";
import type { RenderJob, RenderThreadData, RenderThreadMessage, RenderReply } from "./render-thread.ts";

export const NEEDS_MAIN_THREAD = "the page needs the main thread";

/**
 * The page being rendered: whether it needs the main thread, and its lines of Astro's log and the
 * tag graphs it asked for, held until it is done (a page handed back is the main thread's to log and count).
 */
interface PageContext {
  needsMainThread?: string;
  log: unknown[];
  graphsAsked: [key: string, taken: boolean][];
}
const page = new AsyncLocalStorage<PageContext>();

/** Stops the page being rendered, whatever catches the error on its way out, for the main thread to render. */
const mainThreadOnly = (what: string) => (): never => {
  const context = page.getStore();
  if (context) context.needsMainThread ??= what;
  throw new Error(`${NEEDS_MAIN_THREAD} (${what})`);
};

const data = workerData as RenderThreadData;
// The hooks through which a page hands Astro its images: Astro's are on the main thread only.
(globalThis as { astroAsset?: object }).astroAsset = { addStaticImage: mainThreadOnly("an image to optimise"), recordReferencedImage: mainThreadOnly("an image to optimise") };

// The pages' search-index offers (search/search-offer.ts) go back with each page.
const offered = new Map<string, string>();
(globalThis as Record<symbol, unknown>)[Symbol.for("daybook.search-index-build")] = { offer: (pathname: string, html: string) => offered.set(pathname, html) };

// The entries' git history, as the main thread read it.
if (data.gitHistory) takeJournalHistory(data.gitHistory);

// The tag graphs drawn ahead (graph/graphs-ahead.ts), as the main thread has them.
startKeepingDrawings();
tallyAsksWith((key, taken) => {
  const context = page.getStore();
  if (context) context.graphsAsked.push([key, taken]);
  else countAsk(key, taken);
});

interface PrerenderApp {
  manifest: { routes: { routeData: { route: string; component: string } }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

/** A line of Astro's log: held with its page's, or passed on at once outside a page. */
function log(event: unknown): true {
  const context = page.getStore();
  if (context) context.log.push(event);
  else parentPort!.postMessage({ log: event } satisfies RenderReply);
  return true;
}

const ready: Promise<PrerenderApp> = (async () => {
  const { app } = (await import(data.entry)) as { app: PrerenderApp };
  app.setInternals(data.internals);
  app.setOptions({ settings: data.settings, logger: { options: { destination: { write: log } } } });
  installRenderScope(new AsyncLocalStorage());
  return app;
})();
void ready.then(
  () => parentPort!.postMessage({ ready: true } satisfies RenderReply),
  (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
);

// A route's first page runs its getStaticPaths, which Astro then keeps for the others (the main
// thread ran it before any page); the route's other pages wait for that one, as two at once
// would each run it.
const routesRun = new Map<string, Promise<unknown>>();

async function render(job: RenderJob): Promise<RenderReply> {
  const key = `${job.route}\0${job.component}`;
  const first = routesRun.get(key);
  if (first) {
    await first;
    return renderPage(job);
  }
  const rendered = renderPage(job);
  routesRun.set(key, rendered);
  return rendered;
}

async function renderPage(job: RenderJob): Promise<RenderReply> {
  const app = await ready;
  const routeData = app.manifest.routes.find((r) => r.routeData.route === job.route && r.routeData.component === job.component)?.routeData;
  if (!routeData) return { id: job.id, fallback: `no route ${job.route}` };
  // As Astro's createRequest makes a prerendered page's request: no search, and its headers only
  // warn (in Astro's log, which is the main thread's).
  const url = new URL(job.url);
  url.search = "";
  const request = new Request(url);
  Object.defineProperty(request, "headers", { get: mainThreadOnly("the request's headers") });
  const context: PageContext = { log: [], graphsAsked: [] };
  try {
    const { response, metadata } = await page.run(context, () => renderForPrerender(app as never, request, { routeData: routeData as never, collectMetadata: job.collectMetadata }));
    const body = response.body === null ? null : await response.arrayBuffer();
    if (context.needsMainThread === undefined) {
      // A page rendered only for comparison is the main thread's: so are its log lines and graph asks.
      if (!job.compareOnly) {
        for (const event of context.log) log(event);
        for (const [key, taken] of context.graphsAsked) countAsk(key, taken);
      }
      return { id: job.id, page: { status: response.status, statusText: response.statusText, headers: [...response.headers], body, metadata, offered: offered.get(url.pathname) } };
    }
  } catch (error) {
    if (context.needsMainThread === undefined) return { id: job.id, fallback: `the page failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    offered.delete(url.pathname);
  }
  // The main thread renders the page again, and logs what it has to say about it.
  return { id: job.id, fallback: `${NEEDS_MAIN_THREAD} (${context.needsMainThread})` };
}

parentPort!.on("message", (message: RenderThreadMessage) => {
  if ("drawings" in message) return keepDrawings(message.drawings);
  if ("finish" in message) return parentPort!.postMessage({ drawings: stopKeepingDrawings() } satisfies RenderReply);
  void render(message).then(
    (reply) => parentPort!.postMessage(reply, reply.page?.body ? [reply.page.body] : []),
    (error: unknown) => parentPort!.postMessage({ id: message.id, fallback: String(error) } satisfies RenderReply),
  );
});
