// graph/: a build's tag graphs, drawn in a worker thread while Vite bundles (graphs-ahead-worker.ts)
// and taken by the pages as they render (lib/graph/graph-drawn-ahead.ts). Laying out the whole
// graph and 1,300 local graphs was about a second of the page-rendering thread on 1,000 entries;
// the thread that draws them ahead runs while that thread bundles and leaves a core partly idle.
import { Worker } from "node:worker_threads";
import type { Journal } from "../content/journal-validate.ts";
import { inReadingOrder } from "../../lib/entry-order.ts";
import { ENTRY_GRAPH, TAG_GRAPH, graphInputOf } from "../../lib/graph/graph-drawings.ts";
import { keepDrawings, startKeepingDrawings, stopKeepingDrawings, type DrawingsReport } from "../../lib/graph/graph-drawn-ahead.ts";
import { inTitleOrder } from "../../lib/tag-index.ts";
import { withBase } from "../../lib/urls.ts";
import type { GraphJob, GraphsAheadData } from "./graphs-ahead-worker.ts";
import { workerEnv } from "../worker-env.ts";

const WORKER = new URL("./graphs-ahead-worker.ts", import.meta.url);

/**
 * The drawing thread's scheduling priority: below the page-rendering thread, which must never
 * wait for it (a page whose graph is not there yet draws it itself), and above the share images
 * (nice 19), which are needed only at the end of the build.
 */
export const GRAPHS_AHEAD_NICE = 10;

export interface GraphsAhead {
  /**
   * Once the pages are written: waits for the thread to finish (long done on any build of more
   * than a few pages), lets the drawings go and says what became of them.
   */
  finish(): Promise<DrawingsReport>;
}

/**
 * Starts drawing every graph the published pages show, from the validated journal: the same
 * data the pages read from Astro's content store (lib/journal-graph.ts), in the same order.
 */
export function drawGraphsAhead(journal: Journal, base: string): GraphsAhead {
  startKeepingDrawings();
  const published = inReadingOrder(journal.entries.filter((e) => !e.data.draft));
  const tags = inTitleOrder(journal.tags);
  // In the order pages render (render-order.ts): entries, tags, then the graph page.
  const jobs: GraphJob[] = [
    ...published.map((e) => ({ tagIds: e.tagIds, idPrefix: ENTRY_GRAPH })),
    ...tags.map((t) => ({ tagIds: [t.id], idPrefix: TAG_GRAPH })),
    "whole" as const,
  ];
  const data: GraphsAheadData = { input: graphInputOf(tags, published), base: withBase("/", base), jobs, nice: GRAPHS_AHEAD_NICE };
  const worker = new Worker(WORKER, { workerData: data, env: workerEnv() });
  let done: () => void;
  const ended = new Promise<void>((resolve) => (done = resolve));
  worker.on("message", (drawn: [key: string, svg: string][] | "done") => {
    if (drawn === "done") return done();
    keepDrawings(drawn);
  });
  // A thread that fails only leaves the pages to draw their graphs, as they do without it.
  worker.on("error", () => undefined);
  worker.once("exit", () => done());
  worker.unref();
  return {
    async finish() {
      await ended;
      return stopKeepingDrawings();
    },
  };
}
