/** Checks one untrusted sequence-diagram event (the `daybook/sim` trace events) into a fresh copy. */
import type { TraceEvent } from "../sim/trace-events.ts";
import { MAX_LANES } from "./figure-limits.ts";
import { FigureDataError, optional, readArray, readNumber, readObject, readString, required } from "./untrusted-read.ts";

const KINDS = ["message", "crash", "restart", "drop", "partition", "lock-wait", "note"] as const;

/** One {@link TraceEvent}, or a {@link FigureDataError} naming what is wrong. */
export function readTraceEvent(value: unknown, path: string): TraceEvent {
  const probe = readObject(value, path, ["kind", "from", "to", "label", "sent", "received", "dropped", "reason", "node", "time", "groups", "start", "end", "lock", "text"]);
  const kind = probe["kind"];
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) throw new FigureDataError(`${path}.kind must be one of ${KINDS.join(", ")}`);
  const fields = (allowed: readonly string[]) => readObjectFields(probe, path, ["kind", ...allowed]);
  const str = (f: Record<string, unknown>, key: string) => required(f, key, readString, path);
  const num = (f: Record<string, unknown>, key: string) => required(f, key, readNumber, path);
  switch (kind as (typeof KINDS)[number]) {
    case "message": {
      const f = fields(["from", "to", "label", "sent", "received", "dropped", "reason"]);
      const event = { kind: "message" as const, from: str(f, "from"), to: str(f, "to"), label: str(f, "label"), sent: num(f, "sent"), ...optional(f, "received", readNumber, path), ...optional(f, "dropped", readNumber, path), ...optional(f, "reason", readString, path) };
      if (event.received !== undefined && event.dropped !== undefined) throw new FigureDataError(`${path} has both received and dropped; a message either arrives or is dropped`);
      const end = event.received ?? event.dropped;
      if (end !== undefined && end < event.sent) throw new FigureDataError(`${path} ends (${end}) before it was sent (${event.sent})`);
      return event;
    }
    case "crash":
    case "restart": {
      const f = fields(["node", "time"]);
      return { kind: kind as "crash" | "restart", node: str(f, "node"), time: num(f, "time") };
    }
    case "drop": {
      const f = fields(["node", "time", "label"]);
      return { kind: "drop", node: str(f, "node"), time: num(f, "time"), label: str(f, "label") };
    }
    case "note": {
      const f = fields(["node", "time", "text"]);
      return { kind: "note", node: str(f, "node"), time: num(f, "time"), text: str(f, "text") };
    }
    case "partition": {
      const f = fields(["groups", "start", "end"]);
      const group = (v: unknown, p: string) => readArray(v, p, readString, MAX_LANES, `${MAX_LANES} lanes per sequence diagram`);
      const groups = required(f, "groups", (v, p) => readArray(v, p, group, MAX_LANES, `${MAX_LANES} lanes per sequence diagram`), path);
      if (groups.length === 0) throw new FigureDataError(`${path}.groups is empty; a partition cuts off at least one group`);
      return checkSpan({ kind: "partition" as const, groups, start: num(f, "start"), ...optional(f, "end", readNumber, path) }, path);
    }
    case "lock-wait": {
      const f = fields(["node", "lock", "start", "end"]);
      return checkSpan({ kind: "lock-wait" as const, node: str(f, "node"), lock: str(f, "lock"), start: num(f, "start"), ...optional(f, "end", readNumber, path) }, path);
    }
  }
}

/** The already-copied fields, after checking this kind of event has no field of another kind. */
function readObjectFields(fields: Record<string, unknown>, path: string, allowed: readonly string[]): Record<string, unknown> {
  const extra = Object.keys(fields).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw new FigureDataError(`${path} has an unknown field ${JSON.stringify(extra)} for a ${String(fields["kind"])} event; the fields are ${allowed.join(", ")}`);
  return fields;
}

function checkSpan<T extends { start: number; end?: number }>(event: T, path: string): T {
  if (event.end !== undefined && event.end < event.start) throw new FigureDataError(`${path}.end (${event.end}) is before its start (${event.start})`);
  return event;
}
