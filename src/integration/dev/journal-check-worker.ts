// Runs in a worker thread of `npm run dev` (see journal-check-thread.ts): validates the journal
// off the dev server's main thread, keeping its per-file results from one check to the next.
import { parentPort, workerData } from "node:worker_threads";
import type { DaybookSettings } from "../daybook-settings.ts";
import { loadJournal } from "../journal-load.ts";
import { cacheKey } from "../cache-key.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import { ContentRulesCache } from "../content/content-rules-cache.ts";

const settings = (workerData as { settings: DaybookSettings }).settings;
// The first check takes the content rules' results the last build or dev session left (and
// leaves this journal's); later checks keep theirs in memory (journal-validate.ts).
let contentRules: ContentRulesCache | undefined = new ContentRulesCache(daybookCacheDir(settings.root), cacheKey(settings.root).key);

parentPort!.on("message", () => {
  try {
    parentPort!.postMessage({ journal: loadJournal(settings, undefined, contentRules) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  } finally {
    contentRules = undefined;
  }
});
