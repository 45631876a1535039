import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { aheadShareImageWorkers, shareImageWorkers } from "../machine-budget.ts";
import type { CardFonts } from "./og-fonts.ts";
import { palettePng } from "./png-palette.ts";
import { workerEnv } from "../worker-env.ts";

/**
 * resvg-js's `crop` that keeps the whole image without copying it: its render copies the pixmap
 * into a cropped one unless the crop has no area, and the copy was a fifth of resvg's time on a
 * card (4.5-5.6 ms a card with it, 3.7-4.3 ms without, interleaved on one thread). The pixels and
 * the size are resvg's default (tests/unit/og-render-pool.test.ts).
 */
export const UNCOPIED_CROP = { left: 0, top: 0, right: 0, bottom: 0 } as const;

// Runs in each worker: one Resvg render and PNG encoding per message, with one of the font sets
// the worker was started with, written whole to the card's file (beside it, then renamed), so
// that only the card's id comes back. The PNG is indexed-colour (png-palette.ts, whose source is
// inlined here), or resvg's own when the card has more than 256 colours. Evaluated code rather
// than a file, because this module is bundled into the site's build and its worker file would
// not be.
//
// The pixels come out of resvg as a copy (3 MB), and are encoded here rather than by resvg: its
// encoder writes RGBA and took 10 of a card's 17 ms; this one, 4.
//
// Cards are drawn with UNCOPIED_CROP (above), so that resvg-js does not copy each pixmap.
//
// resvg-js frees a card's 3 MB pixmap only when V8 collects the JavaScript object wrapping it,
// and V8 does not know that object is large: a worker rendering cards collects rarely, so every
// card drew on fresh memory (about 770 page faults, half of a card's CPU) and a worker grew by
// about 3 MB a card (1.4 GB after 400 cards). A young-generation collection after each card,
// and the event-loop turn before the next, hand the pixmap back to resvg's allocator, which
// reuses it for the next card. The collection costs a fraction of a millisecond: the worker's
// JavaScript heap is a few small objects.
const WORKER_SOURCE = `
const { parentPort, threadId, workerData } = require("node:worker_threads");
const { existsSync, mkdirSync, renameSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
if (workerData.nice !== undefined) lowerPriority(workerData.nice);
const { setFlagsFromString } = require("node:v8");
const { runInNewContext } = require("node:vm");
const { Resvg } = require(workerData.resvg);
const zlib = require("node:zlib");
const palettePng = ${palettePng.toString()};
const UNCOPIED_CROP = ${JSON.stringify(UNCOPIED_CROP)};
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
      parentPort.postMessage(drawCard(card));
    } catch (error) {
      parentPort.postMessage({ id: card.id, error: String(error && error.message || error) });
    }
    collect({ type: "minor" });
    await turn(); // the collected pixmap's finalizer runs here
  }
  drawing = false;
}
// resvg draws text whose font file is gone with no font at all, and says nothing: the fonts are
// checked before the card is drawn and again after, as resvg reads the file for every glyph.
function drawCard(card) {
  const fonts = workerData.fonts[card.fonts];
  const missing = () => fonts.font.fontFiles.find((file) => !existsSync(file));
  let gone = missing();
  if (gone === undefined) {
    const image = new Resvg(card.svg, { ...fonts, crop: UNCOPIED_CROP }).render();
    const png = palettePng(image.pixels, image.width, image.height, zlib) ?? image.asPng();
    gone = missing();
    if (gone === undefined) {
      writeWhole(card.file, png);
      return { id: card.id };
    }
  }
  return { id: card.id, error: "a font file is gone: " + gone, fontsMissing: true };
}
// write-whole.ts's writeFileWhole, which this evaluated code cannot import. The partial file is
// named by thread too: a worker stopped by a hurry may still be writing the card that a worker of
// normal priority draws again.
function writeWhole(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = file + "." + process.pid + "-" + threadId + ".partial";
  writeFileSync(partial, data);
  renameSync(partial, file);
}
// This thread's own scheduling priority (Linux gives each thread one; elsewhere it is left alone).
function lowerPriority(nice) {
  try {
    const thread = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(thread) && thread > 0) require("node:os").setPriority(thread, nice);
  } catch {}
}`;

/**
 * A card not drawn because a font file the pool was started with is gone (the cache folder that
 * holds the small fonts was emptied): a pool with fonts prepared again draws it (og-image.ts).
 */
export class FontsMissingError extends Error {
  override readonly name = "FontsMissingError";

  /** By name: the site's bundle and the integration each load their own copy of this module. */
  static is(error: unknown): error is FontsMissingError {
    return error instanceof Error && error.name === "FontsMissingError";
  }
}

/**
 * The scheduling priority of workers drawing ahead (nice 19, the lowest). A build starts every card
 * as soon as the journal is validated (share-images-ahead.ts), and the cards' CPU (about 10 s for
 * 1,000 entries) then fills the time the rest of the build leaves a core idle (its start, bundling,
 * and page rendering, which keeps one thread busy) instead of taking a core from the thread every
 * later step waits for. Once a page waits for a card (`hurry`), the cards left are drawn by
 * workers of normal priority: on a machine busy with other work, low-priority threads would get
 * almost no time, and the build would wait for them.
 */
export const SHARE_IMAGE_NICE = 19;
/**
 * Cards handed to a worker of normal priority at once: enough that it keeps drawing while this
 * thread is busy for a while, so the next card is already there. Workers drawing ahead are handed
 * every card at once instead: a build's main thread can go seconds without turning its event loop
 * (when the snippet check ends, a thousand MDX compiles resume as one chain of promises), and a
 * worker that must wait for it to hand out the next cards sat idle beside an idle core.
 */
const IN_FLIGHT = 16;

interface Card {
  id: number;
  svg: string;
  fonts: keyof CardFonts;
  /** Where the worker writes the card's PNG. */
  file: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Drawer {
  worker: Worker;
  /** Cards it has been handed and not yet answered. */
  cards: Map<number, Card>;
}

export interface PoolOptions {
  /** Workers of normal priority (default: machine-budget.ts). */
  size?: number;
  /** Workers drawing ahead at low priority, before `hurry` (default: machine-budget.ts). */
  aheadSize?: number;
  /** Draw at low priority until `hurry` (a build drawing ahead of its pages). */
  background?: boolean;
}

/**
 * Share images are rendered in worker threads, as many as the machine has cores and memory for
 * (src/integration/machine-budget.ts): a card costs milliseconds of CPU, which for a long journal
 * adds up to much of the build when done one at a time on the main thread. Cards wait in one queue
 * here and go to the workers a few at a time. A worker keeps the process alive only while it has
 * cards to render.
 */
export class OgRenderPool {
  readonly #resvgPath: string;
  readonly #fonts: CardFonts;
  readonly #size: number;
  readonly #aheadSize: number;
  readonly #queue: Card[] = [];
  #drawers: Drawer[];
  /** The workers draw ahead at low priority, until `hurry`. */
  #ahead: boolean;
  #next = 0;

  constructor(resvgPath: string, fonts: CardFonts, options: PoolOptions = {}) {
    // resvg's allocator (mimalloc, linked into its native module) hands a freed 3 MB pixmap back
    // to the system at once, so every card faults its pages in again: about a third of a card's
    // CPU on a busy machine. Kept for a second, the next card reuses them. mimalloc reads this
    // when the module loads, in the first worker, so a build's resvg gets it and nothing else does.
    process.env["MIMALLOC_PURGE_DELAY"] ??= "1000";
    this.#resvgPath = resvgPath;
    this.#fonts = fonts;
    this.#size = options.size ?? shareImageWorkers();
    this.#aheadSize = options.aheadSize ?? aheadShareImageWorkers();
    this.#ahead = options.background ?? false;
    this.#drawers = Array.from({ length: this.#ahead ? this.#aheadSize : this.#size }, () => this.#start());
  }

  /**
   * Draws `svg` as a PNG into `file` (written whole: beside it, then renamed), with the small fonts
   * only when every character of it is in them (og-fonts.ts).
   */
  draw(svg: string, fonts: keyof CardFonts, file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, svg, fonts, file, resolve, reject });
      this.#dispatch();
    });
  }

  /**
   * A page is waiting: the low-priority workers stop, and every card not yet drawn (those they
   * held included) goes to workers of normal priority. A card whose file is there was drawn by a
   * stopped worker before its answer arrived; a card they were drawing is drawn again. Each card
   * is answered once.
   */
  hurry(): void {
    if (!this.#ahead) return;
    this.#ahead = false;
    const undrawn = this.#stopDrawers().filter((card) => {
      if (!existsSync(card.file)) return true;
      card.resolve();
      return false;
    });
    this.#queue.unshift(...undrawn);
    this.#dispatch();
  }

  /**
   * Stops every worker; the cards they held or that wait in the queue fail with FontsMissingError,
   * so that whoever asked for them draws them with another pool.
   */
  close(): void {
    const held = [...this.#stopDrawers(), ...this.#queue.splice(0)];
    for (const card of held) card.reject(new FontsMissingError("the pool was closed"));
  }

  /** Stops every worker; the cards they held and had not answered, in the order they were asked for. */
  #stopDrawers(): Card[] {
    const held = this.#drawers.flatMap((drawer) => [...drawer.cards.values()]).sort((a, b) => a.id - b.id);
    for (const drawer of this.#drawers) {
      drawer.cards.clear();
      void drawer.worker.terminate();
    }
    this.#drawers = [];
    return held;
  }

  #start(): Drawer {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: this.#resvgPath, fonts: this.#fonts, nice: this.#ahead ? SHARE_IMAGE_NICE : undefined }, env: workerEnv() });
    worker.unref();
    const drawer: Drawer = { worker, cards: new Map() };
    worker.on("message", ({ id, error, fontsMissing }: { id: number; error?: string; fontsMissing?: true }) => {
      const card = drawer.cards.get(id);
      drawer.cards.delete(id);
      if (error === undefined) card?.resolve();
      else card?.reject(fontsMissing ? new FontsMissingError(error) : new Error(`rendering a share image failed: ${error}`));
      this.#dispatch();
      if (drawer.cards.size === 0) worker.unref();
    });
    return drawer;
  }

  #dispatch(): void {
    // Workers of normal priority start when there is a card for them (after a hurry, or in dev).
    // A thread starts with the priority of the thread that starts it: this one's.
    if (this.#drawers.length === 0 && this.#queue.length) this.#drawers = Array.from({ length: this.#size }, () => this.#start());
    const inFlight = this.#ahead ? Infinity : IN_FLIGHT;
    while (this.#queue.length) {
      // The worker holding the fewest cards takes the next one.
      const drawer = this.#drawers.reduce((fewest, d) => (d.cards.size < fewest.cards.size ? d : fewest));
      if (drawer.cards.size >= inFlight) break;
      const card = this.#queue.shift()!;
      if (drawer.cards.size === 0) drawer.worker.ref();
      drawer.cards.set(card.id, card);
      drawer.worker.postMessage({ id: card.id, svg: card.svg, fonts: card.fonts, file: card.file });
    }
  }
}
