// graph/: the program of the thread that draws a build's tag graphs ahead of its pages
// (graphs-ahead.ts), with the functions the pages draw them with (lib/graph/graph-drawings.ts).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { buildGraphModel, type GraphEntryInput, type GraphTagInput } from "../../lib/graph/graph-model.ts";
import { localGraphInput } from "../../lib/graph/graph-local-layout.ts";
import { WHOLE_GRAPH, localGraphSvg, wholeGraphSvg } from "../../lib/graph/graph-drawings.ts";
import { graphKey } from "../../lib/graph/graph-drawn-ahead.ts";

/** The whole graph, or the local graph around `tagIds`. */
export type GraphJob = "whole" | { tagIds: string[]; idPrefix: string };

export interface GraphsAheadData {
  input: { tags: GraphTagInput[]; entries: GraphEntryInput[] };
  /** The link prefix, `withBase("/")`. */
  base: string;
  jobs: GraphJob[];
  nice: number;
}

/** Drawings sent at once: few messages, and the first pages find theirs early. */
const BATCH = 50;

const { input, base, jobs, nice } = workerData as GraphsAheadData;
lowerPriority(nice);
const model = buildGraphModel(input);
let batch: [string, string][] = [];
for (const job of jobs) {
  if (job === "whole") batch.push([graphKey("whole", input, WHOLE_GRAPH, base), wholeGraphSvg(model, base)]);
  else {
    const local = localGraphInput(model, job.tagIds, { limit: 12 });
    batch.push([graphKey("local", local, job.idPrefix, base), localGraphSvg(local, job.idPrefix, base)]);
  }
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage("done");

/** This thread's own scheduling priority (Linux gives each thread one; elsewhere it is left alone). */
function lowerPriority(value: number): void {
  try {
    const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, value);
  } catch {
    // Not Linux: the thread keeps the process's priority.
  }
}
