import { Worker } from "node:worker_threads";
import type { DaybookSettings } from "../daybook-settings.ts";
import type { Journal } from "../content/journal-validate.ts";
import { journalLinkTargets, registerLinkTargets } from "../links/link-targets.ts";
import { workerEnv } from "../worker-env.ts";

const WORKER = new URL("./journal-check-worker.ts", import.meta.url);

/**
 * The dev server's journal validation, at start and after each save, in a worker thread.
 * Validating 1,000 entries takes 100–600 ms (reading every file, then re-parsing the ones that
 * changed; the first check parses them all); on the main thread it delayed the page render each
 * save triggers by that much. The link targets the Markdown plugin publishes links with are
 * registered here, on the main thread, from the journal the worker returns.
 */
export class JournalCheckThread {
  readonly #settings: DaybookSettings;
  #worker: Worker | undefined;
  #last: Promise<unknown> = Promise.resolve();
  /** What stopped the last thread, if it failed. */
  #failure: string | undefined;

  constructor(settings: DaybookSettings) {
    this.#settings = settings;
  }

  /** Validates the journal in the thread (one check at a time, in order). */
  check(): Promise<Journal> {
    const next = this.#last.catch(() => undefined).then(() => this.#checkNow());
    this.#last = next;
    return next;
  }

  /** Starts the thread, if it is not running, so that its modules load before the first check. */
  start(): void {
    this.#worker ??= this.#start();
  }

  #checkNow(): Promise<Journal> {
    this.#worker ??= this.#start();
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the journal check thread stopped (exit code ${code}${this.#failure ? `: ${this.#failure}` : ""}); the next save starts a new one`));
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
    const worker = new Worker(WORKER, { workerData: { settings: this.#settings }, env: workerEnv() });
    this.#failure = undefined;
    // Started before its first check, it may stop before anyone waits for a reply: the next check starts another.
    worker.once("exit", () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
    // An error the thread did not catch (its modules failed to load): told with the check that fails.
    worker.on("error", (error) => (this.#failure = error.stack ?? String(error)));
    // The dev server's own exit must not wait for it.
    worker.unref();
    return worker;
  }
}
