import { Worker } from "node:worker_threads";
import { shareImageWorkers } from "../machine-budget.ts";
import type { CardFonts } from "./og-fonts.ts";
import { palettePng } from "./png-palette.ts";

// Runs in each worker: one Resvg render and PNG encoding per message, with one of the font sets
// the worker was started with. The PNG is indexed-colour (png-palette.ts, whose source is
// inlined here), or resvg's own when the card has more than 256 colours. Evaluated code rather
// than a file, because this module is bundled into the site's build and its worker file would
// not be.
//
// The pixels come out of resvg as a copy (3 MB), and are encoded here rather than by resvg: its
// encoder writes RGBA and took 10 of a card's 17 ms; this one, 4.
//
// resvg-js frees a card's 3 MB pixmap only when V8 collects the JavaScript object wrapping it,
// and V8 does not know that object is large: a worker rendering cards collects rarely, so every
// card drew on fresh memory (about 770 page faults, half of a card's CPU) and a worker grew by
// about 3 MB a card (1.4 GB after 400 cards). A young-generation collection after each card,
// and the event-loop turn before the next, hand the pixmap back to resvg's allocator, which
// reuses it for the next card. The collection costs a fraction of a millisecond: the worker's
// JavaScript heap is a few small objects.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { setFlagsFromString } = require("node:v8");
const { runInNewContext } = require("node:vm");
const { Resvg } = require(workerData.resvg);
const zlib = require("node:zlib");
const palettePng = ${palettePng.toString()};
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc");
const { setImmediate: turn } = require("node:timers/promises");
const queue = [];
let drawing = false;
parentPort.on("message", (card) => {
  queue.push(card);
  if (!drawing) draw();
});
async function draw() {
  drawing = true;
  for (let card; (card = queue.shift()); ) {
    try {
      const image = new Resvg(card.svg, workerData.fonts[card.fonts]).render();
      const png = palettePng(image.pixels, image.width, image.height, zlib) ?? image.asPng();
      parentPort.postMessage({ id: card.id, png });
    } catch (error) {
      parentPort.postMessage({ id: card.id, error: String(error && error.message || error) });
    }
    collect({ type: "minor" });
    await turn(); // the collected pixmap's finalizer runs here
  }
  drawing = false;
}`;

interface Pending {
  worker: Worker;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Share images are rendered in worker threads, as many as the machine has cores and memory for
 * (src/integration/machine-budget.ts): a card costs milliseconds of CPU, which for a long journal
 * adds up to much of the build when done one at a time on the main thread. A worker keeps the
 * process alive only while it has cards to render.
 */
export class OgRenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  readonly #busy = new Map<Worker, number>();
  #next = 0;

  constructor(resvgPath: string, fonts: CardFonts, size = shareImageWorkers()) {
    // resvg's allocator (mimalloc, linked into its native module) hands a freed 3 MB pixmap back
    // to the system at once, so every card faults its pages in again: about a third of a card's
    // CPU on a busy machine. Kept for a second, the next card reuses them. mimalloc reads this
    // when the module loads, in the first worker, so a build's resvg gets it and nothing else does.
    process.env["MIMALLOC_PURGE_DELAY"] ??= "1000";
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: resvgPath, fonts } });
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

  /** The PNG of `svg`, drawn with the small fonts only when every character of it is in them (og-fonts.ts). */
  render(svg: string, fonts: keyof CardFonts): Promise<Buffer> {
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length]!;
    const busy = this.#busy.get(worker) ?? 0;
    if (busy === 0) worker.ref();
    this.#busy.set(worker, busy + 1);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, svg, fonts });
    });
  }

  #settle(worker: Worker): void {
    const busy = (this.#busy.get(worker) ?? 1) - 1;
    this.#busy.set(worker, busy);
    if (busy === 0) worker.unref();
  }
}
