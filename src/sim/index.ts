/**
 * `daybook/sim`: a small deterministic simulation kit for journal snippets. Everything runs on a
 * virtual clock (times are virtual milliseconds) and seeded random streams, so a snippet prints
 * the same bytes at build time in Node and in the reader's browser.
 */
export { createRandom, type Random } from "./random.ts";
export type { Timer } from "./scheduler.ts";
export { createSim, type Sim, type SimOptions, type RunOptions, type RunResult } from "./simulation.ts";
export {
  createNetwork,
  type Network,
  type NetworkOptions,
  type Latency,
  type MessageRecord,
  type MessageHandler,
  type DropReason,
} from "./network.ts";
export { createLog, type DurableLog } from "./durable-log.ts";
export { createNode, type DurableNode, type NodeOptions, type CrashOptions } from "./durable-node.ts";
export { createLocks, type LockTable, type LockOptions, type LockWaitRecord } from "./locks.ts";
export { createCounters, createRecorder, type Counters, type Recorder, type Summary } from "./metrics.ts";
export { formatNumber } from "./format.ts";
export { table, type TableOptions } from "./text-table.ts";
export { timeline, type TimelineEvent, type TimelineOptions } from "./timeline.ts";
export {
  traceEvents,
  type TraceEvent,
  type MessageTraceEvent,
  type CrashTraceEvent,
  type RestartTraceEvent,
  type DropTraceEvent,
  type PartitionTraceEvent,
  type LockWaitTraceEvent,
  type NoteTraceEvent,
} from "./trace-events.ts";
