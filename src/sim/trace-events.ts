/**
 * What a sequence diagram draws from a simulation: messages, crashes, restarts, drops, partitions,
 * lock waits and notes, as plain data. {@link traceEvents} reads them from `sim.trace`, which
 * already records messages (network records) and notes (crashes, restarts, partitions, log
 * writes) and the waits of lock tables (locks.ts); drops of your own, and lock waits you did not
 * model with a lock table, are not in the trace, so you add them yourself.
 */
import type { LockWaitRecord } from "./locks.ts";
import type { TimelineEvent } from "./timeline.ts";

/** A message from one node to another. Exactly one of `received` and `dropped` is set, or neither while it is still in flight. */
export interface MessageTraceEvent {
  readonly kind: "message";
  /** Sender's name. */
  readonly from: string;
  /** Receiver's name. */
  readonly to: string;
  /** What the message said, e.g. `PREPARE tx-1`. */
  readonly label: string;
  /** When it was sent (virtual ms). */
  readonly sent: number;
  /** When it arrived, if it did. */
  readonly received?: number;
  /** When it was dropped, if it was: at `sent` when the sender was down or a partition or loss stopped it, on arrival when the receiver was down. */
  readonly dropped?: number;
  /** Why it was dropped, e.g. `partition`, `loss`, `down`. */
  readonly reason?: string;
}

/** A node crashed at `time`. */
export interface CrashTraceEvent {
  readonly kind: "crash";
  readonly node: string;
  readonly time: number;
}

/** A node came back at `time`. */
export interface RestartTraceEvent {
  readonly kind: "restart";
  readonly node: string;
  readonly time: number;
}

/** A node discarded something at `time` (a request shed, a stale vote ignored); `label` says what. */
export interface DropTraceEvent {
  readonly kind: "drop";
  readonly node: string;
  readonly time: number;
  readonly label: string;
}

/** From `start` until `end` (or the end of the diagram) no message crosses between the groups. */
export interface PartitionTraceEvent {
  readonly kind: "partition";
  /** Groups of node names cut off from each other; one group alone is cut off from everyone else. */
  readonly groups: readonly (readonly string[])[];
  readonly start: number;
  /** When it healed; absent if it never did. */
  readonly end?: number;
}

/** `node` waited for `lock` from `start` until `end` (absent if it never got it). */
export interface LockWaitTraceEvent {
  readonly kind: "lock-wait";
  readonly node: string;
  readonly lock: string;
  readonly start: number;
  readonly end?: number;
}

/** Anything else worth marking on a node's lane, e.g. `logs COMMIT tx-1`. */
export interface NoteTraceEvent {
  readonly kind: "note";
  readonly node: string;
  readonly time: number;
  readonly text: string;
}

/** One thing a sequence diagram draws. */
export type TraceEvent =
  | MessageTraceEvent
  | CrashTraceEvent
  | RestartTraceEvent
  | DropTraceEvent
  | PartitionTraceEvent
  | LockWaitTraceEvent
  | NoteTraceEvent;

/** A network message record as `sim.trace` holds it (see network.ts), read without importing the class. */
interface MessageLike extends TimelineEvent {
  readonly to: string;
  readonly status: string;
  readonly arrivesAt: number;
  readonly reason?: string;
}

const isMessage = (event: TimelineEvent): event is MessageLike =>
  event.to !== undefined && "status" in event && "arrivesAt" in event && typeof event.status === "string";
const isLockWait = (event: TimelineEvent): event is LockWaitRecord =>
  event.from !== undefined && event.to === undefined && "lock" in event && typeof event.lock === "string" && "owner" in event && typeof event.owner === "string";
const isTraceEvent = (event: TimelineEvent | TraceEvent): event is TraceEvent => "kind" in event && typeof event.kind === "string";

/**
 * The events of a trace, in order: `traceEvents(sim.trace)`. Network messages become messages;
 * the notes durable nodes and the network write become crashes (`crashed`), restarts
 * (`restarted`) and partitions (`partition a, b | c`, ended by `healed`); a lock table's waits
 * become lock waits on its node's lane (labelled with the lock and who waited, e.g. `sku-42 (tx-2)`);
 * every other note is a note on its actor's lane. Items that already are {@link TraceEvent}s pass through, so
 * `traceEvents([...sim.trace, { kind: "lock-wait", node: "b", lock: "row 7", start: 3, end: 9 }])` works.
 * Node names containing `, ` or ` | ` cannot be read back from a partition note.
 */
export function traceEvents(trace: Iterable<TimelineEvent | TraceEvent>): TraceEvent[] {
  const events: TraceEvent[] = [];
  let open: { groups: string[][]; start: number; index: number }[] = [];
  for (const item of trace) {
    if (isTraceEvent(item)) {
      events.push(item);
    } else if (isMessage(item)) {
      events.push(messageEvent(item));
    } else if (item.from === "network" && item.to === undefined && item.text.startsWith("partition ")) {
      const groups = item.text
        .slice("partition ".length)
        .split(" | ")
        .filter((group) => group !== "everyone else")
        .map((group) => group.split(", "));
      open.push({ groups, start: item.time, index: events.length });
      events.push({ kind: "partition", groups, start: item.time });
    } else if (item.from === "network" && item.to === undefined && item.text === "healed") {
      for (const { groups, start, index } of open) events[index] = { kind: "partition", groups, start, end: item.time };
      open = [];
    } else if (isLockWait(item)) {
      const end = item.granted === undefined ? {} : { end: item.granted };
      events.push({ kind: "lock-wait", node: item.from, lock: `${item.lock} (${item.owner})`, start: item.time, ...end });
    } else if (item.from !== undefined && item.to === undefined && (item.text === "crashed" || item.text === "restarted")) {
      events.push({ kind: item.text === "crashed" ? "crash" : "restart", node: item.from, time: item.time });
    } else if (item.from !== undefined || item.to !== undefined) {
      events.push({ kind: "note", node: (item.from ?? item.to)!, time: item.time, text: item.text });
    }
  }
  return events;
}

function messageEvent(record: MessageLike): MessageTraceEvent {
  const base = { kind: "message", from: record.from ?? "", to: record.to, label: record.text, sent: record.time } as const;
  if (record.status === "delivered") return { ...base, received: record.arrivesAt };
  if (record.status === "dropped") return { ...base, dropped: record.arrivesAt, ...(record.reason === undefined ? {} : { reason: record.reason }) };
  return base;
}
