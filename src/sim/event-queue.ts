/** A priority queue of scheduled callbacks, ordered by time and then by scheduling order. */

/** One scheduled callback. `seq` breaks ties so events at the same time run first-in, first-out. */
export interface ScheduledEvent {
  /** Virtual time (ms) at which the callback runs. */
  readonly time: number;
  /** Scheduling order; lower runs first among events at the same time. */
  readonly seq: number;
  /** The callback; a returned promise is tracked like a process. */
  readonly run: () => unknown;
  /** Set by cancel(); cancelled events are skipped when popped. */
  cancelled: boolean;
}

/** Binary min-heap on (time, seq). */
export class EventQueue {
  private readonly heap: ScheduledEvent[] = [];

  /** Number of queued events, including cancelled ones not yet popped. */
  get size(): number {
    return this.heap.length;
  }

  /** Adds an event. */
  push(event: ScheduledEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = event;
  }

  /** The earliest live event without removing it; cancelled events at the top are discarded. */
  peek(): ScheduledEvent | undefined {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
    return this.heap[0];
  }

  /** Removes and returns the earliest event (cancelled or not). */
  pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
