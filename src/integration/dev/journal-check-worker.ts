// Runs in a worker thread of `npm run dev` (see journal-check-thread.ts): validates the journal
// off the dev server's main thread, keeping its per-file results from one check to the next.
import { parentPort, workerData } from "node:worker_threads";
import type { DaybookSettings } from "../daybook-settings.ts";
import { loadJournal } from "../journal-load.ts";

const settings = (workerData as { settings: DaybookSettings }).settings;

parentPort!.on("message", () => {
  try {
    parentPort!.postMessage({ journal: loadJournal(settings) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
