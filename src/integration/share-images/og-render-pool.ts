import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// Runs in each worker: one Resvg render and PNG encoding per message. Evaluated code rather than
// a file, because this module is bundled into the site's build and its worker file would not be.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Resvg } = require(workerData.resvg);
parentPort.on("message", ({ id, svg }) => {
  try {
    const png = new Resvg(svg, workerData.options).render().asPng();
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

interface Pending {
  worker: Worker;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Share images are rendered in worker threads, one per core: rendering and PNG encoding take
 * ~18 ms of CPU per card, which for a long journal is most of the build when done one at a time
 * on the main thread. A worker keeps the process alive only while it has cards to render.
 */
export class OgRenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  readonly #busy = new Map<Worker, number>();
  #next = 0;

  constructor(resvgPath: string, options: object, size = Math.max(1, availableParallelism())) {
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: resvgPath, options } });
      worker.unref();
      worker.on("message", ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        if (pending) this.#settle(pending.worker);
        if (png) pending?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
        else pending?.reject(new Error(`rendering a share image failed: ${error}`));
      });
      return worker;
    });
  }

  render(svg: string): Promise<Buffer> {
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length]!;
    const busy = this.#busy.get(worker) ?? 0;
    if (busy === 0) worker.ref();
    this.#busy.set(worker, busy + 1);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, svg });
    });
  }

  #settle(worker: Worker): void {
    const busy = (this.#busy.get(worker) ?? 1) - 1;
    this.#busy.set(worker, busy);
    if (busy === 0) worker.unref();
  }
}
