import { Worker } from "node:worker_threads";
import type { Problem } from "../content/problem.ts";
import type { Snippet } from "../snippets/snippet-extract.ts";
import type { SnippetReport } from "../snippets/snippet-check.ts";
import { workerEnv } from "../worker-env.ts";

const WORKER = new URL("./typecheck-thread-worker.ts", import.meta.url);

type Reply = { id: number; problems: Problem[] } | { id: number; report: SnippetReport } | { id: number; error: string };

/** A whole snippet check handed to the thread (typecheck-thread-worker.ts runs it). */
export interface ThreadCheck {
  files: readonly { path: string; text: string }[];
  cacheFile: string;
  cpuBudgetMs?: number;
}

/**
 * Snippet type-checks in a worker thread: the dev server's, and a build's, which starts it before
 * it reads the journal so that TypeScript loads beside that, then runs its whole snippet check
 * there (`checkSnippets`). TypeScript takes about half a second
 * to load and a second to parse its library files the first time; on the main thread that
 * delayed the server's start (the warm-up that spares the first save that wait ran there) and
 * each save's render by the check itself. The thread warms itself when started, and loads
 * TypeScript only there: the dev server's own thread never does.
 */
export class TypecheckThread {
  readonly #root: string;
  #worker: Worker | undefined;
  #next = 0;
  readonly #pending = new Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>();
  /** What stopped the last thread, if it failed. */
  #failure: string | undefined;

  constructor(root: string) {
    this.#root = root;
  }

  /** Starts the thread, if it is not running: it loads TypeScript and parses its library files before the first check. */
  start(): void {
    this.#worker ??= this.#start();
  }

  /**
   * Type-checks the snippets as the build does (snippet-typecheck.ts), the helper library's own
   * source too unless `helpers` is "trusted" (a dev save); checks run one at a time, in order.
   */
  check(snippets: readonly Snippet[], helpers: "checked" | "trusted" = "trusted"): Promise<Problem[]> {
    if (snippets.length === 0) return Promise.resolve([]);
    return this.#ask({ snippets, helpers });
  }

  /**
   * A build's whole snippet check (snippet-check.ts), run in the thread: type-checked there with
   * the helper library, then run in snippet hosts the thread starts and feeds. A host waits for
   * the thread that hands it its next snippet after each one; on the build's main thread, busy
   * with Vite, the two hosts of a 1,000-entry build sat idle about half of the check.
   */
  checkSnippets(check: ThreadCheck): Promise<SnippetReport> {
    return this.#ask({ check });
  }

  #ask<T>(message: object): Promise<T> {
    this.start();
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (answer: never) => void, reject });
      // A check in progress keeps the process alive: a build may have nothing else to wait for.
      this.#worker!.ref();
      this.#worker!.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(WORKER, { workerData: { root: this.#root }, env: workerEnv() });
    this.#failure = undefined;
    worker.on("message", (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(("report" in reply ? reply.report : reply.problems) as never);
    });
    // An error the thread did not catch (its modules failed to load): told with the checks that fail.
    worker.on("error", (error) => (this.#failure = error.stack ?? String(error)));
    // A thread that stopped fails the checks it had; the next check starts a new one.
    worker.once("exit", (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      const failed = new Error(`the snippet type-check thread stopped (exit code ${code}${this.#failure ? `: ${this.#failure}` : ""}); the next save starts a new one`);
      for (const { reject } of this.#pending.values()) reject(failed);
      this.#pending.clear();
    });
    // The server's or the build's own exit must not wait for it.
    worker.unref();
    return worker;
  }
}
