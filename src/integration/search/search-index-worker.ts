// search/: the program of the thread that builds a site's search index while its pages render
// (search-index-thread.ts starts it; search-index.ts is what it runs).
import { parentPort, workerData } from "node:worker_threads";
import { SearchIndexBuild, type SearchPageList } from "./search-index.ts";

export type SearchThreadMessage = { offer: [pathname: string, html: string] } | { finish: string };

const { pages, base } = workerData as { pages: SearchPageList; base: string };
const build = new SearchIndexBuild(pages, base);

parentPort!.on("message", (message: SearchThreadMessage) => {
  if ("offer" in message) return build.offer(...message.offer);
  build.finish(message.finish).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
