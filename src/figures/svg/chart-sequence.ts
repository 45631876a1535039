/**
 * A message sequence diagram: a lane per node, time flowing down, an arrow per message (label and
 * send time), and marks for crashes, restarts, drops, partitions, lock waits and notes.
 */
import { escapeXml as escapeTip } from "../../lib/escape-xml.ts";
import type { MessageTraceEvent, TraceEvent } from "../../sim/trace-events.ts";
import type { SequenceFigure } from "../figure-data.ts";
import { formatTick } from "../format-value.ts";
import { niceTicks } from "../ticks.ts";
import { linearScale } from "./scale.ts";
import { clip, el, px, text } from "./svg-markup.ts";

const LEFT = 64;
const TOP = 72;
/** Past this many events labels could not be read (the diagram is at most 1,600 px tall) and would cost the page 100 ms: arrows and marks only. */
const LABELS_UP_TO = 400;
/** Width allowed per character of a 12 px label in the figure's sans-serif (an average letter is about 6.5 px). */
export const LABEL_CHAR_PX = 7;

const eventTimes = (event: TraceEvent): number[] =>
  event.kind === "message" ? [event.sent, event.received ?? event.dropped ?? event.sent] : "time" in event ? [event.time] : [event.start, event.end ?? event.start];

export function renderSequence(figure: SequenceFigure): { markup: string; width: number; height: number } {
  const lane = Math.max(110, Math.floor(520 / Math.max(1, figure.nodes.length)));
  const right = LEFT + lane * figure.nodes.length;
  const chars = Math.max(6, Math.floor(lane / 7) - 2);
  // Room for the labels beside the last lane: they start 10 px right of it and take up to `chars`
  // characters of at most LABEL_CHAR_PX each.
  const width = Math.max(right + 36, Math.ceil(right - lane / 2 + 10 + chars * LABEL_CHAR_PX));
  const times = figure.events.flatMap(eventTimes);
  const ts = niceTicks(times.reduce((a, b) => Math.min(a, b), times[0] ?? 0), times.reduce((a, b) => Math.max(a, b), times[0] ?? 1), 8);
  const height = TOP + Math.min(1600, Math.max(220, 24 * figure.events.length)) + 24;
  const bottom = height - 24;
  const y = linearScale(ts.min, ts.max, TOP, bottom);
  const laneX = new Map(figure.nodes.map((node, i) => [node, LEFT + lane * (i + 0.5)] as const));
  const x = (node: string) => laneX.get(node) ?? LEFT;

  const dense = figure.events.length > LABELS_UP_TO;
  let markup = text(16, 22, clip(figure.title, 80), "fig-title") + text(16, 50, "time (ms)", "fig-axis-label");
  if (dense) markup += text(right, 50, `${figure.events.length} events: labels left out, the table lists them`, "fig-note-text", "end");
  markup += ts.ticks.map((t) => el("line", { x1: LEFT - 4, x2: right, y1: y(t), y2: y(t), class: "fig-grid" }) + text(LEFT - 8, y(t) + 4, formatTick(t, ts.step), "fig-tick", "end")).join("");
  // Spans first, so lanes and arrows are drawn over them.
  for (const event of figure.events) {
    if (event.kind === "partition") {
      const label = `partition ${event.groups.map((g) => g.join(", ")).join(" | ")}${event.groups.length === 1 ? " | everyone else" : ""}`;
      markup += el("rect", { x: LEFT, y: y(event.start), width: right - LEFT, height: Math.max(2, y(event.end ?? ts.max) - y(event.start)), class: "fig-partition" });
      markup += text(right - 4, y(event.start) + 12, clip(label, 60), "fig-mark-label", "end");
    }
  }
  markup += figure.nodes.map((node) => el("line", { x1: x(node), x2: x(node), y1: TOP - 8, y2: bottom, class: "fig-lane" }) + text(x(node), TOP - 16, clip(node, chars), "fig-lane-label", "middle")).join("");
  markup += downSpans(figure.events).map(({ node, from, to }) => el("line", { x1: x(node), x2: x(node), y1: y(from), y2: y(to ?? ts.max), class: "fig-lane-down" })).join("");
  // Labels beside a lane move down past the one above them instead of printing over it.
  const lastLabel = new Map<string, number>();
  const labelY = (node: string, at: number) => {
    const placed = Math.max(at, (lastLabel.get(node) ?? -Infinity) + 13);
    lastLabel.set(node, placed);
    return placed;
  };
  const when = (t: number) => formatTick(t, { ...ts.step, decimals: ts.step.decimals + 1 });
  const sorted = figure.events.map((event, i) => ({ event, i, t: eventTimes(event)[0]! })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { event } of sorted) markup += mark(event, { x, y, end: ts.max, chars, labelY, when, dense });
  return { markup, width, height };
}

/** When each node was down: from a crash to its next restart (or the end). */
function downSpans(events: readonly TraceEvent[]): { node: string; from: number; to?: number }[] {
  const spans: { node: string; from: number; to?: number }[] = [];
  const open = new Map<string, { node: string; from: number; to?: number }>();
  const sorted = events.filter((e) => e.kind === "crash" || e.kind === "restart").sort((a, b) => a.time - b.time);
  for (const event of sorted) {
    if (event.kind === "crash" && !open.has(event.node)) open.set(event.node, spans[spans.push({ node: event.node, from: event.time }) - 1]!);
    if (event.kind === "restart") {
      const span = open.get(event.node);
      if (span) span.to = event.time;
      open.delete(event.node);
    }
  }
  return spans;
}

interface Place {
  readonly x: (node: string) => number;
  readonly y: (t: number) => number;
  /** The diagram's last time: where spans that never ended stop. */
  readonly end: number;
  /** Characters a label may take beside a lane. */
  readonly chars: number;
  readonly labelY: (node: string, at: number) => number;
  /** A time as text, one decimal finer than the time axis. */
  readonly when: (t: number) => string;
  /** Too many events for labels: draw arrows and marks only. */
  readonly dense: boolean;
}

const cross = (cx: number, cy: number, r: number, cls: string) =>
  el("path", { d: `M${px(cx - r)} ${px(cy - r)}L${px(cx + r)} ${px(cy + r)}M${px(cx - r)} ${px(cy + r)}L${px(cx + r)} ${px(cy - r)}`, class: cls });

function mark(event: TraceEvent, place: Place): string {
  const { x, y, end, chars, labelY, dense } = place;
  const beside = (node: string, at: number, content: string, cls = "fig-mark-label") => dense ? "" : text(x(node) + 10, labelY(node, at + 4), clip(content, chars), cls);
  switch (event.kind) {
    case "message":
      return message(event, place);
    case "crash":
      return el("g", { class: "fig-crash" }, cross(x(event.node), y(event.time), 6, "fig-crash-mark") + beside(event.node, y(event.time), "crashed"));
    case "restart":
      return el("g", { class: "fig-restart" }, el("circle", { cx: x(event.node), cy: y(event.time), r: 5, class: "fig-restart-mark" }) + beside(event.node, y(event.time), "restarted"));
    case "drop":
      return el("g", { class: "fig-drop" }, cross(x(event.node), y(event.time), 4, "fig-drop-mark") + beside(event.node, y(event.time), `drops ${event.label}`));
    case "lock-wait":
      return el("g", { class: "fig-lock-wait" }, el("rect", { x: x(event.node) - 4, y: y(event.start), width: 8, height: Math.max(2, y(event.end ?? end) - y(event.start)), class: "fig-lock-wait-mark" }) + beside(event.node, y(event.start) + 6, `waits for ${event.lock}`));
    case "note":
      return el("g", { class: "fig-note" }, el("circle", { cx: x(event.node), cy: y(event.time), r: 2.5, class: "fig-note-mark" }) + beside(event.node, y(event.time), event.text, "fig-note-text"));
    case "partition":
      return "";
  }
}

function message(event: MessageTraceEvent, { x, y, end, chars, when, dense }: Place): string {
  const [x1, y1] = [x(event.from), y(event.sent)];
  const self = event.from === event.to;
  // Dropped at once (loss, partition, sender down): a stub a third of the way. Later: at the receiver. In flight: dashed to the end.
  const stub = event.dropped !== undefined && event.dropped === event.sent;
  let [x2, y2] = [x(event.to), y(event.received ?? event.dropped ?? end)];
  if (stub) [x2, y2] = [x1 + (self ? 24 : (x2 - x1) / 3), y1 + 8];
  const cls = event.dropped !== undefined ? "fig-msg fig-msg-dropped" : event.received === undefined ? "fig-msg fig-msg-in-flight" : "fig-msg";
  const line = self && !stub ? el("path", { d: `M${px(x1)} ${px(y1)}H${px(x1 + 24)}V${px(y2)}H${px(x1)}`, class: "fig-msg-line" }) : el("line", { x1, y1, x2, y2, class: "fig-msg-line" });
  const head = event.dropped !== undefined ? cross(x2, y2, 4, "fig-msg-cross") : arrowHead(self ? x1 + 24 : x1, self ? y2 : y1, x2, y2);
  if (dense) return el("g", { class: cls }, line + head);
  const [mx, my] = self ? [x1 + 28, (y1 + y2) / 2] : [(x1 + x2) / 2, (y1 + y2) / 2 - 4];
  const label = text(mx, my, clip(event.label, chars), "fig-msg-label", self ? "start" : "middle");
  const time = text(x1 + (x2 >= x1 ? -4 : 4), y1 - 3, when(event.sent), "fig-msg-time", x2 >= x1 ? "end" : "start");
  const outcome = event.received !== undefined ? `received at ${when(event.received)} ms` : event.dropped !== undefined ? `dropped at ${when(event.dropped)} ms${event.reason ? ` (${event.reason})` : ""}` : "still in flight";
  const tip = el("title", {}, escapeTip(`${event.from} → ${event.to}: ${event.label}, sent at ${when(event.sent)} ms, ${outcome}`));
  return el("g", { class: cls }, tip + line + head + label + time);
}

/** A filled triangle pointing from (x1, y1) towards (x2, y2), its tip at (x2, y2). */
function arrowHead(x1: number, y1: number, x2: number, y2: number): string {
  // Math.sqrt is exactly rounded in every engine; Math.hypot is not specified to the bit.
  const length = Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)) || 1;
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const points = [
    [x2, y2],
    [x2 - 7 * ux + 3.5 * uy, y2 - 7 * uy - 3.5 * ux],
    [x2 - 7 * ux - 3.5 * uy, y2 - 7 * uy + 3.5 * ux],
  ];
  return el("polygon", { points: points.map(([a, b]) => `${px(a!)},${px(b!)}`).join(" "), class: "fig-msg-head" });
}
