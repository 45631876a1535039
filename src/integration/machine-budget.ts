import { availableParallelism, freemem, totalmem } from "node:os";

/** What a build may use of the machine it runs on. */
export interface Machine {
  cores: number;
  /** Memory the build may still take: the free memory, and at most half of all of it. */
  spareBytes: number;
}

const MB = 1024 * 1024;
// Generous estimates, not measurements: a share-image worker holds its isolate, resvg's 3 MB
// pixmap, the PNG and the font data resvg reads; a page in flight holds its journal view, its
// local graph and its HTML while Astro renders it; a second render thread holds its copy of the
// site's modules (about 100 MB at the peak of a 1,000-entry build) and the pages it renders.
const WORKER_BYTES = 64 * MB;
const PAGE_BYTES = 128 * MB;
const RENDER_THREAD_BYTES = 512 * MB;

export function currentMachine(): Machine {
  return { cores: Math.max(1, availableParallelism()), spareBytes: Math.min(freemem(), totalmem() / 2) };
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.floor(value)));

/**
 * Share images a page waits for render in worker threads, one per core: the main thread then
 * waits for them, so it needs no core of its own. Fewer on a machine short of memory.
 */
export function shareImageWorkers(machine: Machine = currentMachine()): number {
  return clamp(Math.min(machine.cores, machine.spareBytes / WORKER_BYTES), 1, 16);
}

/**
 * Share images drawn ahead of their pages (a build's background work, og-render-pool.ts): the
 * cores the main thread leaves, at least one. Every later step of a build waits for the main
 * thread, so a background worker on its core only slows it; on two cores one worker draws 1,000
 * cards before Astro asks for the first, with about 1.2 s less CPU than two (warm-up, contention).
 */
export function aheadShareImageWorkers(machine: Machine = currentMachine()): number {
  return clamp(Math.min(machine.cores - 1, machine.spareBytes / WORKER_BYTES), 1, 16);
}

/**
 * Pages Astro renders at once: two per core, so a page waiting for its share image leaves
 * another one rendering; fewer when memory is short, since every page in flight holds memory.
 */
export function pageConcurrency(machine: Machine = currentMachine()): number {
  return clamp(Math.min(2 * machine.cores, machine.spareBytes / PAGE_BYTES), 1, 32);
}

/**
 * Threads Node gives the Astro process for file-system calls (libuv's pool, UV_THREADPOOL_SIZE):
 * one per core, at most libuv's default of 4. A build creates thousands of files (the pages,
 * Astro's copy of each, Pagefind's index, the cards); on two cores, four threads creating files
 * at once contended in the file system and took CPU from the threads rendering.
 */
export function fileSystemThreads(machine: Machine = currentMachine()): number {
  return clamp(machine.cores, 1, 4);
}

/**
 * Threads that render a long journal's pages (render/render-two-threads.ts): a second one only on
 * a machine with three cores or more, and memory to spare for it (it loads a copy of the site and
 * holds pages of its own). On two cores, the second core is already busy while pages render
 * (the cards drawn ahead, Pagefind indexing each page as it comes, the tag graphs drawn ahead), and
 * a second render thread only adds its own start: about a second of CPU to load the site, its own
 * compiled code and ~100 MB. Sixteen interleaved pairs of cold builds of 1,000 entries on two
 * cores, 2026-12-05: the main thread alone was faster in eleven (median pair 1.0 s), with a peak
 * of memory about 100 MB lower.
 */
export function renderThreads(machine: Machine = currentMachine()): 1 | 2 {
  return machine.cores >= 3 && machine.spareBytes >= RENDER_THREAD_BYTES ? 2 : 1;
}
