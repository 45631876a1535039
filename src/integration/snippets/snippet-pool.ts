import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RunResult } from "../../runtime/run-snippet.ts";

/** Heap cap per worker: a snippet that allocates without bound fails fast instead of swapping. */
export const MEMORY_LIMIT_MB = 128;

interface Job {
  id: number;
  js: string;
  timeout: number;
  resolve: (result: RunResult) => void;
}

interface Slot {
  worker: Worker;
  job?: Job | undefined;
  timer?: NodeJS.Timeout | undefined;
}

/**
 * Long-lived worker threads (one per core) that run snippets one at a time each. Starting a
 * worker costs ~50 ms, so workers are reused; a snippet that runs past its timeout or out of
 * memory takes its worker down with it, and a fresh one replaces it.
 */
export class SnippetPool {
  readonly #workerFile: string;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;

  constructor(workerFile: string, size = Math.max(1, availableParallelism())) {
    this.#workerFile = workerFile;
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
  }

  run(js: string, timeout: number): Promise<RunResult> {
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, js, timeout, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#workerFile, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB, maxYoungGenerationSizeMb: 32 } }) };
    slot.worker.unref();
    slot.worker.on("message", (message: RunResult & { id: number }) => {
      if (slot.job?.id !== message.id) return;
      const { id: _id, ...result } = message;
      this.#finish(slot, result);
    });
    slot.worker.on("error", (error: Error & { code?: string }) => {
      const message = error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `RangeError: the snippet ran out of memory (limit ${MEMORY_LIMIT_MB} MB)` : `Error: the snippet crashed its worker: ${error.message}`;
      this.#replace(slot, message);
    });
    return slot;
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.#replace(slot, `Error: the snippet ran longer than ${job.timeout} ms and was stopped`), job.timeout);
      slot.worker.postMessage({ id: job.id, js: job.js });
    }
  }

  #finish(slot: Slot, result: RunResult): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(result);
    this.#dispatch();
  }

  /** The worker is stuck or dead: report the job as failed and start a fresh worker in its place. */
  #replace(slot: Slot, error: string): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots[index] = this.#spawn();
    job?.resolve({ output: error, error, stopped: true });
    this.#dispatch();
  }
}
