// render/: the build's prerenderer, rendering the searchable pages on two threads: Astro's main
// thread and a second one (render-thread.ts). Astro renders a few pages at once
// (`build.concurrency`) and writes each as it comes back, wherever it was rendered; so a page is
// handed to the second thread while that thread has fewer than two in hand, and rendered on the
// main thread otherwise. The main thread stays the authority: a page the second thread could not
// render as it would (or any page, if that thread failed) is rendered there. The first page the
// second thread renders is rendered on the main thread too, and the thread takes no other unless
// the two are the same, byte for byte: what it was handed of Astro's build state is what
// Astro's build environment reads today, and an Astro that reads more must not make pages differ.
//
// The second thread costs about a second of CPU to load the site, so it starts only for a journal
// with RENDER_THREAD_PAGES searchable pages or more, on a machine with a core and memory for it
// (machine-budget.ts's renderThreads: three cores or more, 512 MB to spare), and takes pages once
// it has loaded, never making one wait for that. DAYBOOK_RENDER_THREADS=1 renders every page on
// the main thread; =2 starts the second thread for any journal and hands it every searchable
// page, from the first (tests use it on small journals).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroPrerenderer } from "astro";
import { followDrawings, type DrawingsReport } from "../../lib/graph/graph-drawn-ahead.ts";
import { renderThreads, type Machine } from "../machine-budget.ts";
import { INDEXED_ROUTES } from "../render-order.ts";
import { offerRenderedPage } from "../search/search-offer.ts";
import { journalHistoryRead } from "../git-dates/git-dates-reused.ts";
import { RenderThread, type RenderJob, type RenderThreadData } from "./render-thread.ts";

/** Pages the second thread holds at once: one rendering, one waiting, so it never idles between them. */
const IN_HAND = 2;

/** The searchable pages from which a second thread pays for its start (about 4 ms of a page each against a second). */
export const RENDER_THREAD_PAGES = 250;

/** DAYBOOK_RENDER_THREADS: "1", the main thread alone; "2", every searchable page to a second thread; otherwise (auto) as above. */
export type RenderThreadsMode = "main" | "always" | "auto";

export function renderThreadsMode(value = process.env.DAYBOOK_RENDER_THREADS): RenderThreadsMode {
  return value === "1" ? "main" : value === "2" ? "always" : "auto";
}

type PrerenderResult = Exclude<Awaited<ReturnType<AstroPrerenderer["render"]>>, Response>;

/** How many of a build's pages each thread rendered. */
export interface RenderCounts {
  /** Whether a second thread was started. */
  started: boolean;
  mainThread: number;
  secondThread: number;
  /** Pages the second thread handed back to the main thread, and the first reason it gave. */
  handedBack: number;
  firstReason?: string | undefined;
  /** What became of the tag graphs the second thread's pages showed. */
  drawings?: DrawingsReport | undefined;
}

/** A build's counts before its first page. */
export function noRenderCounts(): RenderCounts {
  return { started: false, mainThread: 0, secondThread: 0, handedBack: 0 };
}

interface PrerenderApp {
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

interface BuildOptions {
  settings: { scripts: unknown[] };
  logger: { options: { destination: { write(event: unknown): unknown } } };
}

interface BuildInternals {
  pagesByKeys: Map<string, { styles: unknown }>;
  entrySpecifierToBundleMap: Map<string, string>;
}

/**
 * Astro's prerenderer `astro`, with the searchable pages rendered on two threads. `outDir`: the
 * build's output folder, which says where Astro put the prerender bundle. `counts` is filled in
 * as pages render. `how.mode`: renderThreadsMode()'s by default; `how.entry`: the bundle's entry,
 * if not where Astro writes it (tests); `how.machine`: the machine auto mode judges, if not this one.
 */
export function renderOnTwoThreads(astro: AstroPrerenderer, outDir: string, counts: RenderCounts, how: { mode?: RenderThreadsMode; entry?: string; machine?: Machine } = {}): AstroPrerenderer {
  const mode = how.mode ?? renderThreadsMode();
  if (mode === "main" || (mode === "auto" && renderThreads(how.machine) === 1)) return astro;
  let start: (() => Promise<RenderThread>) | undefined;
  let thread: RenderThread | undefined;
  /** Whether the second thread's first page was the main thread's, byte for byte (compareFirstPage). */
  let verdict: "not yet" | "comparing" | "same" | "different" = "not yet";
  let comparing: Promise<void> | undefined;
  return {
    name: "daybook:two-threads",
    setup: async () => {
      const entry = how.entry ?? prerenderEntry(outDir);
      if (!entry) return astro.setup?.();
      // Astro's prerenderer imports the bundle's entry and hands its app the build's state: the
      // same module (by its URL), imported here first, shows what it was handed.
      const { app } = (await import(entry)) as { app: PrerenderApp };
      let internals: BuildInternals | undefined;
      let options: BuildOptions | undefined;
      const own = { setInternals: app.setInternals, setOptions: app.setOptions };
      app.setInternals = (value) => own.setInternals.call(app, (internals = value as BuildInternals));
      app.setOptions = (value) => own.setOptions.call(app, (options = value as BuildOptions));
      try {
        await astro.setup?.();
      } finally {
        Object.assign(app, own);
      }
      if (!internals || !options) return;
      const [data, destination] = [threadData(entry, internals, options), options.logger.options.destination];
      start = async () => {
        // Read by the entry pages' getStaticPaths, which has run on this thread by now.
        const started = new RenderThread({ ...data, gitHistory: await journalHistoryRead() }, (event) => destination.write(event));
        followDrawings((drawings) => started.keepDrawings(drawings));
        return started;
      };
    },
    getStaticPaths: async () => {
      const paths = await astro.getStaticPaths();
      const searchable = paths.filter((path) => INDEXED_ROUTES.includes(path.route.route)).length;
      if (start && (mode === "always" || searchable >= RENDER_THREAD_PAGES)) {
        thread = await start();
        counts.started = true;
      }
      return paths;
    },
    render: async (request, options) => {
      const { routeData } = options;
      const takes = thread && (mode === "always" ? thread.failure === undefined : thread.ready && thread.inFlight < IN_HAND);
      // In always mode, a page asked for while the first is compared waits for the verdict; otherwise it renders on the main thread.
      if (takes && mode === "always" && verdict === "comparing") await comparing;
      if (takes && INDEXED_ROUTES.includes(routeData.route) && (verdict === "not yet" || verdict === "same")) {
        const job = { url: request.url, route: routeData.route, component: routeData.component, collectMetadata: options.collectMetadata === true };
        if (verdict === "not yet") {
          verdict = "comparing";
          const compared = compareFirstPage(thread!, job, () => astro.render(request, options));
          // A page that fails on the main thread fails the build there; the pages waiting go on.
          comparing = compared.then(
            ({ same }) => void (verdict = same === undefined ? "not yet" : same ? "same" : "different"),
            () => void (verdict = "not yet"),
          );
          const { page } = await compared;
          counts.mainThread++;
          return page;
        }
        const reply = await thread!.render(job);
        const page = reply.page;
        if (page) {
          counts.secondThread++;
          if (page.offered !== undefined) offerRenderedPage(new URL(request.url).pathname, page.offered);
          const response = new Response(page.body, { status: page.status, statusText: page.statusText, headers: page.headers });
          return page.metadata === undefined ? response : { response, metadata: page.metadata as never };
        }
        counts.handedBack++;
        counts.firstReason ??= reply.fallback;
      }
      counts.mainThread++;
      return astro.render(request, options);
    },
    ...(astro.collectStaticImages && { collectStaticImages: () => astro.collectStaticImages!() }),
    teardown: async () => {
      const failure = thread?.failure;
      counts.drawings = await thread?.close();
      if (failure !== undefined) counts.firstReason ??= failure;
      await astro.teardown?.();
    },
  };
}

/**
 * Renders a page on both threads and keeps the main thread's: the second thread takes pages only
 * if its own was the same (a page that needs the main thread proves nothing, and the next page
 * is compared instead). A thread whose page differed is stopped, saying why.
 */
async function compareFirstPage(
  thread: RenderThread,
  job: Omit<RenderJob, "id">,
  onMain: () => ReturnType<AstroPrerenderer["render"]>,
): Promise<{ page: Response | PrerenderResult; same: boolean | undefined }> {
  const [reply, result] = await Promise.all([thread.render({ ...job, compareOnly: true }), onMain()]);
  const { response, metadata } = result instanceof Response ? { response: result, metadata: undefined } : result;
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  const page = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  const kept = metadata === undefined ? page : { response: page, metadata };
  if (!reply.page) return { page: kept, same: undefined };
  const theirs = reply.page;
  const same = theirs.status === response.status && JSON.stringify(theirs.headers) === JSON.stringify([...response.headers]) && (body === null ? theirs.body === null : theirs.body !== null && body.equals(Buffer.from(theirs.body)));
  if (!same) thread.stop(`its first page, ${new URL(job.url).pathname}, was not the main thread's`);
  return { page: kept, same };
}

/** The build log's line about where its pages were rendered. */
export function renderCountsLine(counts: RenderCounts): string {
  const back = counts.handedBack ? `; ${counts.handedBack} handed back to the main thread (the first: ${counts.firstReason})` : "";
  const failed = !counts.handedBack && counts.firstReason !== undefined ? `; the second thread stopped: ${counts.firstReason}` : "";
  return `pages rendered: ${counts.mainThread} on the main thread, ${counts.secondThread} on a second thread${back}${failed}`;
}

/**
 * The prerender bundle's entry, where Astro writes it: `.prerender/` in the output folder, or in
 * `.astro/` when the output folder is outside the project (Astro's getPrerenderOutputDirectory).
 */
function prerenderEntry(outDir: string): string | undefined {
  const within = path.resolve(outDir).startsWith(process.cwd()) ? outDir : path.join(process.cwd(), ".astro");
  const folder = path.join(within, ".prerender");
  if (!existsSync(folder)) return undefined;
  const entries = readdirSync(folder).filter((name) => name.startsWith("prerender-entry") && name.endsWith(".mjs"));
  return entries.length === 1 ? pathToFileURL(path.join(folder, entries[0]!)).href : undefined;
}

/** What the second thread's app is handed: the part of Astro's state a page's rendering reads (Astro's build environment). */
function threadData(entry: string, internals: BuildInternals, options: BuildOptions): RenderThreadData {
  return {
    entry,
    internals: {
      pagesByKeys: new Map([...internals.pagesByKeys].map(([key, page]) => [key, { styles: page.styles }])),
      entrySpecifierToBundleMap: new Map(internals.entrySpecifierToBundleMap),
    },
    settings: { scripts: options.settings.scripts },
  };
}
