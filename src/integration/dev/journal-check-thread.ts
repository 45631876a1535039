import { Worker } from "node:worker_threads";
import type { DaybookSettings } from "../daybook-settings.ts";
import type { Journal } from "../content/journal-validate.ts";
import { journalLinkTargets, registerLinkTargets } from "../links/link-targets.ts";

const WORKER = new URL("./journal-check-worker.ts", import.meta.url);

/**
 * The dev server's journal validation after a save, in a worker thread. Validating 1,000 entries
 * takes 100–600 ms (reading every file, then re-parsing the ones that changed); on the main
 * thread it delayed the page render each save triggers by that much. (The first check, at
 * start-up, stays on the main thread, whose modules are already loaded.) The link targets the
 * Markdown plugin publishes links with are registered here, on the main thread, from the journal
 * the worker returns.
 */
export class JournalCheckThread {
  readonly #settings: DaybookSettings;
  #worker: Worker | undefined;
  #last: Promise<unknown> = Promise.resolve();

  constructor(settings: DaybookSettings) {
    this.#settings = settings;
  }

  /** Validates the journal in the thread (one check at a time, in order). */
  check(): Promise<Journal> {
    const next = this.#last.catch(() => undefined).then(() => this.#checkNow());
    this.#last = next;
    return next;
  }

  #checkNow(): Promise<Journal> {
    this.#worker ??= this.#start();
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => {
        this.#worker = undefined;
        reject(new Error(`the journal check thread stopped (exit code ${code})`));
      };
      worker.once("exit", onExit);
      worker.once("message", (reply: { journal?: Journal; error?: string }) => {
        worker.off("exit", onExit);
        if (!reply.journal) return reject(new Error(reply.error));
        registerLinkTargets(journalLinkTargets(reply.journal, this.#settings), this.#settings.root);
        resolve(reply.journal);
      });
      worker.postMessage(null);
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = undefined;
  }

  #start(): Worker {
    const worker = new Worker(WORKER, { workerData: { settings: this.#settings } });
    // The dev server's own exit must not wait for it.
    worker.unref();
    return worker;
  }
}
