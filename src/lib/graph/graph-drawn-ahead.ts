/**
 * The tag graphs a build draws before its pages render, in a thread of its own
 * (integration/graph/graphs-ahead.ts): every local graph and the whole graph, about a second of
 * layout for 1,000 entries that the page-rendering thread, which every later step waits for, no
 * longer spends. Pages run from Astro's bundle of the site and the integration from its own
 * import of this file, two copies in one process, so the drawings are kept on globalThis.
 *
 * A drawing is found by everything it is drawn from: the graph's input (plain data), the id
 * prefix and the base path its links start with. A page whose key is not there (no build is
 * drawing ahead, the thread has not got to it, or it was drawn from other data) draws its graph
 * itself, with the same functions: the page is the same either way.
 */

const KEY = Symbol.for("daybook.graphs-drawn-ahead");

interface DrawnAhead {
  svgs: Map<string, string>;
  /** The key of every graph a page asked for, with how many pages asked; how many found theirs drawn. */
  asked: Map<string, number>;
  taken: number;
  /** Where each batch kept goes too: a second page-rendering thread's table (integration/render/). */
  followers: ((drawings: [key: string, svg: string][]) => void)[];
  /** What counts each ask, if not countAsk (tallyAsksWith). */
  tally?: (key: string, taken: boolean) => void;
}

/** What became of a build's drawings, once its pages are written and its drawing thread is done. */
export interface DrawingsReport {
  /** Graphs the pages showed. */
  asked: number;
  /** Of those, how many the thread drew too: all of them, unless its data differed from the pages'. */
  drawnAhead: number;
  /** Graphs pages took already drawn rather than drawing them (a busy machine leaves the thread behind). */
  taken: number;
}

type WithTable = typeof globalThis & { [KEY]?: DrawnAhead | undefined };

/** What a drawing is found by. `base`: the link prefix, `withBase("/")`. */
export function graphKey(kind: "whole" | "local", input: unknown, idPrefix: string, base: string): string {
  return `${kind}\0${idPrefix}\0${base}\0${JSON.stringify(input)}`;
}

/** The drawing kept under `key`, or `draw()` when there is none. */
export function drawnAheadOr(key: string, draw: () => string): string {
  const table = (globalThis as WithTable)[KEY];
  const svg = table?.svgs.get(key);
  if (table) (table.tally ?? countAsk)(key, svg !== undefined);
  return svg ?? draw();
}

/** Counts a page's ask for the drawing under `key`, and whether it was there. */
export function countAsk(key: string, taken: boolean): void {
  const table = (globalThis as WithTable)[KEY];
  if (!table) return;
  table.asked.set(key, (table.asked.get(key) ?? 0) + 1);
  if (taken) table.taken++;
}

/**
 * Hands each ask to `tally` rather than counting it: a second page-rendering thread
 * (integration/render/) counts a page's asks (with countAsk) only if it keeps the page, as the
 * main thread renders and counts a page it hands back.
 */
export function tallyAsksWith(tally: (key: string, taken: boolean) => void): void {
  const table = (globalThis as WithTable)[KEY];
  if (table) table.tally = tally;
}

/** A build starts keeping drawings (and counting what pages take); none are kept outside a build. */
export function startKeepingDrawings(): void {
  (globalThis as WithTable)[KEY] = { svgs: new Map(), asked: new Map(), taken: 0, followers: [] };
}

export function keepDrawings(drawings: [key: string, svg: string][]): void {
  const table = (globalThis as WithTable)[KEY];
  if (!table) return;
  for (const [key, svg] of drawings) table.svgs.set(key, svg);
  for (const follow of table.followers) follow(drawings);
}

/** Hands `follow` every drawing kept so far, then each batch kept from now on (none outside a build). */
export function followDrawings(follow: (drawings: [key: string, svg: string][]) => void): void {
  const table = (globalThis as WithTable)[KEY];
  if (!table) return;
  follow([...table.svgs]);
  table.followers.push(follow);
}

/** Two reports of one build's drawings as one (the second from a second page-rendering thread, if any). */
export function addDrawings(a: DrawingsReport, b: DrawingsReport | undefined): DrawingsReport {
  return b ? { asked: a.asked + b.asked, drawnAhead: a.drawnAhead + b.drawnAhead, taken: a.taken + b.taken } : a;
}

/** Ends a build's drawings (they are let go) and says what became of them. */
export function stopKeepingDrawings(): DrawingsReport {
  const table = (globalThis as WithTable)[KEY];
  (globalThis as WithTable)[KEY] = undefined;
  if (!table) return { asked: 0, drawnAhead: 0, taken: 0 };
  let asked = 0;
  let drawnAhead = 0;
  for (const [key, pages] of table.asked) {
    asked += pages;
    if (table.svgs.has(key)) drawnAhead += pages;
  }
  return { asked, drawnAhead, taken: table.taken };
}
