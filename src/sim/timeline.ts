/** A printer for what happened when: one line per event, times and actors in aligned columns. */
import { formatNumber } from "./format.ts";

/**
 * One line of a timeline. Network message records and `sim.trace` entries have this shape, and
 * snippets can add their own.
 */
export interface TimelineEvent {
  /** Virtual time (ms) the event happened; for a message, when it was sent. */
  readonly time: number;
  /** Who acted (the sender, for a message). */
  readonly from?: string;
  /** The receiver, for a message; printed as `from → to`. */
  readonly to?: string;
  /** What happened, e.g. `PREPARE tx-1` or `crashed`. */
  readonly text: string;
  /** An aside printed in parentheses at the end, e.g. `lost` or `dropped: coordinator down`. */
  readonly note?: string;
}

/** Options for {@link timeline}. */
export interface TimelineOptions {
  /** Digits after the decimal point for times (default 1). */
  readonly decimals?: number;
  /** Unit printed after each time (default `ms`; `""` prints none). */
  readonly unit?: string;
}

/**
 * Prints events sorted by time (ties keep their order), one per line:
 * `  12.0 ms  coordinator → payments  PREPARE tx-1  (lost)`. Times are right-aligned, the actor
 * column is padded to its widest entry, lines never end in spaces, and lines are joined with `\n`.
 */
export function timeline(events: Iterable<TimelineEvent>, options: TimelineOptions = {}): string {
  const { decimals = 1, unit = "ms" } = options;
  const sorted = [...events].sort((a, b) => a.time - b.time);
  const rows = sorted.map((event) => ({
    time: formatNumber(event.time, decimals) + (unit === "" ? "" : ` ${unit}`),
    actor: event.from !== undefined && event.to !== undefined ? `${event.from} → ${event.to}` : (event.from ?? event.to ?? ""),
    rest: event.note === undefined ? event.text : `${event.text}  (${event.note})`,
  }));
  const timeWidth = rows.reduce((width, row) => Math.max(width, row.time.length), 0);
  const actorWidth = rows.reduce((width, row) => Math.max(width, row.actor.length), 0);
  return rows
    .map((row) => {
      const actor = actorWidth === 0 ? "" : `${row.actor.padEnd(actorWidth)}  `;
      return `  ${row.time.padStart(timeWidth)}  ${actor}${row.rest}`.trimEnd();
    })
    .join("\n");
}
