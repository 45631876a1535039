// render/: a second thread that renders pages beside Astro's own (render-thread-worker.ts is its
// program). Astro renders every page of a build on its main thread, which every later step waits
// for, while the second core is left partly idle; this thread takes some of the searchable pages
// (render-two-threads.ts chooses) and renders them with its own copy of the site's prerender
// bundle. A page it cannot render as the main thread would comes back unrendered, and the main
// thread renders it instead.
import { Worker } from "node:worker_threads";
import type { DrawingsReport } from "../../lib/graph/graph-drawn-ahead.ts";
import type { HistoryRead } from "../git-dates/git-dates-reused.ts";
import { workerEnv } from "../worker-env.ts";

const WORKER = new URL("./render-thread-worker.ts", import.meta.url);

/** What the thread starts from: the bundle's entry and the part of Astro's build state a page's rendering reads. */
export interface RenderThreadData {
  /** The prerender bundle's entry module (a file URL), as Astro's prerenderer imports it. */
  entry: string;
  /** Astro's build internals, cut to what rendering a page reads (the pages' styles, the bundled scripts). */
  internals: { pagesByKeys: Map<string, { styles: unknown }>; entrySpecifierToBundleMap: Map<string, string> };
  /** Astro's settings, cut to what rendering a page reads. */
  settings: { scripts: unknown[] };
  /** The journal's git history, which the main thread's pages read already (git-dates/git-dates-reused.ts). */
  gitHistory?: HistoryRead | undefined;
}

export interface RenderJob {
  id: number;
  url: string;
  /** The route's pattern and component, by which the thread finds its own copy of the route. */
  route: string;
  component: string;
  collectMetadata: boolean;
  /** Rendered only to be compared with the main thread's copy, which is kept: its log lines and tag-graph asks are the main thread's. */
  compareOnly?: boolean;
}

export type RenderThreadMessage = RenderJob | { drawings: [key: string, svg: string][] } | { finish: true };

export interface RenderedPage {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  /** Astro's incremental-build metadata for the page, collected where it rendered. */
  metadata?: unknown;
  /** The page as the site's middleware handed it to the search index, if it did. */
  offered?: string | undefined;
}

/**
 * A page rendered, or one to render on the main thread instead (and why); a line of Astro's log;
 * the thread ready for pages, or failed to start; what became of the tag graphs its pages showed.
 */
export interface RenderReply {
  id?: number;
  page?: RenderedPage;
  fallback?: string;
  log?: unknown;
  ready?: true;
  failed?: string;
  drawings?: DrawingsReport;
}

export class RenderThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, (reply: RenderReply) => void>();
  #next = 0;
  #failure: string | undefined;
  #ready = false;
  #drawings: ((report: DrawingsReport) => void) | undefined;

  /** `log`: where the thread's lines of Astro's log go (Astro's own destination). */
  constructor(data: RenderThreadData, log: (event: unknown) => void) {
    this.#worker = new Worker(WORKER, { workerData: data, env: workerEnv() });
    this.#worker.on("message", (reply: RenderReply) => {
      if (reply.log !== undefined) return log(reply.log);
      if (reply.ready) return void (this.#ready = true);
      if (reply.failed !== undefined) return this.#fail(reply.failed);
      if (reply.drawings) return this.#drawings?.(reply.drawings);
      this.#settle(reply.id!, reply);
    });
    this.#worker.on("error", (error) => this.#fail(String(error)));
    this.#worker.once("exit", (code) => this.#fail(`the render thread exited (${code})`));
    this.#worker.unref();
  }

  // A thread that fails leaves its pages, and every later one, to the main thread.
  #fail(why: string): void {
    this.#failure ??= why;
    for (const id of [...this.#waiting.keys()]) this.#settle(id, { fallback: why });
  }

  // The thread keeps the process alive only while a page is in its hands: a build that fails
  // must not wait for it, and one whose last pages are all there must not end without them.
  #settle(id: number, reply: RenderReply): void {
    const settle = this.#waiting.get(id);
    if (!settle) return;
    this.#waiting.delete(id);
    if (this.#waiting.size === 0) this.#worker.unref();
    settle(reply);
  }

  /** Pages handed to the thread and not yet back. */
  get inFlight(): number {
    return this.#waiting.size;
  }

  /** Whether the thread has loaded the site and takes pages without making them wait for that. */
  get ready(): boolean {
    return this.#ready && this.#failure === undefined;
  }

  /** Why the thread stopped taking pages, if it did. */
  get failure(): string | undefined {
    return this.#failure;
  }

  render(job: Omit<RenderJob, "id">): Promise<RenderReply> {
    if (this.#failure !== undefined) return Promise.resolve({ fallback: this.#failure });
    const id = this.#next++;
    return new Promise((resolve) => {
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, resolve);
      this.#worker.postMessage({ ...job, id } satisfies RenderJob);
    });
  }

  /** Tag graphs drawn ahead (graph/graphs-ahead.ts), for the thread's pages to take as the main thread's do. */
  keepDrawings(drawings: [key: string, svg: string][]): void {
    if (this.#failure === undefined) this.#worker.postMessage({ drawings } satisfies RenderThreadMessage);
  }

  /** Stops the thread taking pages, saying why (what it holds comes back unrendered). */
  stop(why: string): void {
    this.#fail(why);
  }

  /** Stops the thread, once it has said what became of the tag graphs its pages showed. */
  async close(): Promise<DrawingsReport | undefined> {
    const report = this.#failure !== undefined
      ? undefined
      : await new Promise<DrawingsReport | undefined>((resolve) => {
          this.#drawings = resolve;
          // Unreferenced while pages render (a failed build must not wait for it), but this reply is awaited.
          this.#worker.ref();
          this.#worker.once("exit", () => resolve(undefined));
          this.#worker.postMessage({ finish: true } satisfies RenderThreadMessage);
        });
    await this.#worker.terminate();
    return report;
  }
}
