// search/: a build's search index made in a worker thread while Astro renders (search-index.ts
// says how). Rendering keeps the main thread busy and leaves the second core mostly idle; reading
// each page for Pagefind and writing it down Pagefind's pipe took a few milliseconds of the main
// thread per page, which now run beside it.
import { Worker } from "node:worker_threads";
import type { Journal } from "../content/journal-validate.ts";
import { buildSearchIndex, SearchIndexBuild, type SearchIndexResult } from "./search-index.ts";
import type { SearchThreadMessage } from "./search-index-worker.ts";
import type { PageSink } from "./search-offer.ts";
import type { LastBuildSource } from "./search-last-build.ts";
import { workerEnv } from "../worker-env.ts";

const WORKER = new URL("./search-index-worker.ts", import.meta.url);

export class SearchIndexThread implements PageSink {
  readonly #worker: Worker;
  readonly #journal: Journal;
  /** Why the thread stopped, if it did: the index is then made here, from the written pages. */
  #failure: string | undefined;

  /**
   * `outDir`: the output folder, where the index is written as soon as Pagefind has every page;
   * `lastBuild`: where the last build's pages may be reused from (search-last-build.ts).
   */
  constructor(journal: Journal, base: string, outDir: string, lastBuild?: LastBuildSource) {
    this.#journal = journal;
    this.#worker = new Worker(WORKER, { workerData: { pages: SearchIndexBuild.pagesOf(journal), base, outDir, lastBuild }, env: workerEnv() });
    this.#worker.on("error", (error) => (this.#failure = error.stack ?? String(error)));
    this.#worker.once("exit", (code) => (this.#failure ??= `exit code ${code}`));
    // A build that fails before its end must not wait for it.
    this.#worker.unref();
  }

  offer(pathname: string, html: string): void {
    if (this.#failure === undefined) this.#worker.postMessage({ offer: [pathname, html] } satisfies SearchThreadMessage);
  }

  /** The finished index (written to `<outDir>/pagefind/`), once every page has been written. */
  async finish(outDir: string): Promise<SearchIndexResult> {
    if (this.#failure !== undefined) return buildSearchIndex(outDir, this.#journal);
    const reply = await new Promise<{ result?: SearchIndexResult; error?: string | undefined }>((resolve) => {
      this.#worker.ref();
      this.#worker.once("message", resolve);
      this.#worker.once("exit", () => resolve({ error: this.#failure }));
      this.#worker.postMessage({ finish: outDir } satisfies SearchThreadMessage);
    });
    await this.#worker.terminate();
    if (reply.result) return reply.result;
    throw new Error(`the search index thread failed: ${reply.error}`);
  }
}
