// search/: the program of the thread that builds a site's search index while its pages render
// (search-index-thread.ts starts it; search-index.ts is what it runs, search-last-build.ts what a
// warm build takes from the last one).
import { parentPort, workerData } from "node:worker_threads";
import { SearchIndexBuild, type SearchPageList } from "./search-index.ts";
import { pageInputs, recordBuild, reuseLastBuild, type LastBuildSource } from "./search-last-build.ts";

export type SearchThreadMessage = { offer: [pathname: string, html: string] } | { finish: string };

const { pages, base, outDir, lastBuild } = workerData as { pages: SearchPageList; base: string; outDir: string; lastBuild?: LastBuildSource };
const build = new SearchIndexBuild(pages, base, outDir);
const last = lastBuild && { source: lastBuild, inputs: pageInputs(lastBuild, pages) };
// Pages rendered meanwhile are offered between its steps; finish waits for it.
const reusing = last ? reuseLastBuild(build, last.source, last.inputs).catch(() => 0) : Promise.resolve(0);

parentPort!.on("message", (message: SearchThreadMessage) => {
  if ("offer" in message) return build.offer(...message.offer);
  reusing
    .then(() => build.finish(message.finish))
    .then((result) => {
      // Only a complete index is a record the next build may reuse pages by.
      if (last && result.problems.length === 0) recordBuild(last.source.cacheDir, last.inputs, build.writtenHashes());
      parentPort!.postMessage({ result });
    })
    .catch((error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
