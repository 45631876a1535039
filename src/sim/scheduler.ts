/**
 * The virtual clock and event queue. Nothing here waits for real time: the simulation jumps from
 * one scheduled event to the next, so a simulated hour takes milliseconds to compute.
 */
import { EventQueue, type ScheduledEvent } from "./event-queue.ts";

/** Handle for a scheduled callback, returned by `at`, `after` and `every`. */
export interface Timer {
  /** Virtual time (ms) of the next run; for `every`, of the next repetition. */
  readonly time: number;
  /** True once `cancel()` has been called. */
  readonly cancelled: boolean;
  /** Stops the callback from running (again); harmless if it already ran. */
  cancel(): void;
}

/**
 * A virtual clock with callbacks scheduled on it. `Sim` (see `simulation.ts`) adds the run loop,
 * processes and the trace; snippets use it through `createSim()`.
 */
export class Scheduler {
  /** Bumped by every call that changes the schedule; the run loop uses it to see that processes are busy. */
  protected activity = 0;
  private clock = 0;
  private seq = 0;
  private readonly queue = new EventQueue();

  /** The current virtual time in ms. */
  get now(): number {
    return this.clock;
  }

  /** Runs `fn` at virtual time `time` (ms, not in the past). Same-time events run in the order scheduled. */
  at(time: number, fn: () => unknown): Timer {
    const event = this.enqueue(time, fn);
    return this.handle(() => event);
  }

  /** Runs `fn` after `delay` ms of virtual time (0 means "now, after what is already scheduled"). */
  after(delay: number, fn: () => unknown): Timer {
    return this.at(this.clock + delay, fn);
  }

  /** Runs `fn` every `interval` ms, first at `now + interval`, until the timer is cancelled. */
  every(interval: number, fn: () => unknown): Timer {
    if (!(interval > 0)) throw new RangeError(`every(${interval}) needs a positive interval in ms`);
    const start = this.clock;
    let repetition = 1;
    let event: ScheduledEvent | undefined;
    const tick = (): unknown => {
      repetition += 1;
      event = this.enqueue(start + repetition * interval, tick); // start + n * interval: no drift
      return fn();
    };
    event = this.enqueue(start + interval, tick);
    return this.handle(() => event as ScheduledEvent);
  }

  /** Time (ms) of the earliest live event; Infinity when the queue is empty. */
  protected nextTime(): number {
    return this.queue.peek()?.time ?? Infinity;
  }

  /** Removes the earliest live event and moves the clock to its time. */
  protected takeNext(): ScheduledEvent | undefined {
    const next = this.queue.peek();
    if (next === undefined) return undefined;
    this.queue.pop();
    this.clock = next.time;
    return next;
  }

  /** Moves the clock forward to `time` (ms) without running anything. */
  protected advanceTo(time: number): void {
    if (time > this.clock) this.clock = time;
  }

  private enqueue(time: number, run: () => unknown): ScheduledEvent {
    if (!(time >= this.clock) || time === Infinity) {
      throw new RangeError(`cannot schedule at ${time} ms: the clock is at ${this.clock} ms`);
    }
    this.activity += 1;
    const event: ScheduledEvent = { time, seq: this.seq++, run, cancelled: false };
    this.queue.push(event);
    return event;
  }

  private handle(current: () => ScheduledEvent): Timer {
    const touch = (): void => void (this.activity += 1);
    return {
      get time() {
        return current().time;
      },
      get cancelled() {
        return current().cancelled;
      },
      cancel() {
        current().cancelled = true;
        touch();
      },
    };
  }
}
