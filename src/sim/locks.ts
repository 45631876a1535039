/**
 * A node's lock table: exclusive locks granted first come, first served, so a snippet can show what
 * a transaction holding a lock costs the transactions queued behind it. Each wait is recorded in
 * `sim.trace` and becomes a lock-wait span in `show.sequence` (see trace-events.ts).
 */
import { formatNumber } from "./format.ts";
import type { Sim } from "./simulation.ts";
import type { TimelineEvent } from "./timeline.ts";

/** One wait for a lock, as `sim.trace` and `locks.waits` hold it: printed by `timeline`, drawn by `show.sequence`. */
export interface LockWaitRecord extends TimelineEvent {
  /** The node whose lock table it is (the lane the wait is drawn on). */
  readonly from: string;
  /** The lock waited for, e.g. `sku-42`. */
  readonly lock: string;
  /** Who waited, e.g. `tx-2`. */
  readonly owner: string;
  /** Who held the lock when the wait began. */
  readonly holder: string;
  /** When `owner` got the lock; absent while it is still waiting. */
  readonly granted?: number;
}

/** Options for {@link createLocks}. */
export interface LockOptions {
  /** Record each wait in `sim.trace` (default true, when the simulation traces at all). */
  readonly trace?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface Waiter {
  readonly owner: string;
  readonly record: Mutable<LockWaitRecord>;
  readonly grant: () => void;
}

/**
 * Creates an empty lock table for the node called `node`. Keep it in the node's volatile state
 * (`state: () => ({ locks: createLocks(sim, "stock") })`) and a crash loses it, as it loses a real
 * database's lock table: recovery must take the locks of in-doubt transactions again.
 */
export function createLocks(sim: Sim, node: string, options: LockOptions = {}): LockTable {
  return new LockTable(sim, node, options);
}

/** Exclusive locks by name, each held by one owner at a time. Create one with {@link createLocks}. */
export class LockTable {
  /** The node the table belongs to. */
  readonly node: string;
  /** Every wait so far, oldest first, granted or not (recorded even when the trace is off). */
  readonly waits: readonly LockWaitRecord[] = [];
  private readonly sim: Sim;
  private readonly traced: boolean;
  private readonly holders = new Map<string, string>();
  private readonly queues = new Map<string, Waiter[]>();

  /** Use {@link createLocks}. */
  constructor(sim: Sim, node: string, options: LockOptions = {}) {
    this.sim = sim;
    this.node = node;
    this.traced = options.trace ?? true;
  }

  /** Who holds `lock`, or undefined when it is free. */
  holder(lock: string): string | undefined {
    return this.holders.get(lock);
  }

  /** The owners waiting for `lock`, first in line first. */
  waiting(lock: string): readonly string[] {
    return (this.queues.get(lock) ?? []).map((waiter) => waiter.owner);
  }

  /** The locks `owner` holds, in the order it got them. */
  held(owner: string): string[] {
    return [...this.holders].filter(([, holder]) => holder === owner).map(([lock]) => lock);
  }

  /** Takes `lock` for `owner` if it is free (or `owner` already holds it) and returns true; otherwise false, without waiting. */
  tryAcquire(lock: string, owner: string): boolean {
    const holder = this.holders.get(lock);
    if (holder !== undefined && holder !== owner) return false;
    this.holders.set(lock, owner);
    return true;
  }

  /**
   * Takes `lock` for `owner`: at once if it is free or `owner` already holds it, otherwise after
   * everyone queued before `owner` has had it. Await it inside a process or an async message handler.
   */
  acquire(lock: string, owner: string): Promise<void> {
    if (this.tryAcquire(lock, owner)) return Promise.resolve();
    const holder = this.holders.get(lock)!;
    const record: Mutable<LockWaitRecord> = { time: this.sim.now, from: this.node, text: `${owner} waits for ${lock} (held by ${holder})`, lock, owner, holder };
    (this.waits as LockWaitRecord[]).push(record);
    if (this.traced && this.sim.tracing) this.sim.trace.push(record);
    const queue = this.queues.get(lock) ?? [];
    this.queues.set(lock, queue);
    return new Promise((grant) => void queue.push({ owner, record, grant }));
  }

  /** Releases `lock`, which `owner` must hold, and hands it to the first owner waiting for it. */
  release(lock: string, owner: string): void {
    const holder = this.holders.get(lock);
    if (holder !== owner) throw new Error(`${owner} cannot release ${lock} on ${this.node}: ${holder === undefined ? "nobody holds it" : `${holder} holds it`}`);
    this.holders.delete(lock);
    const next = this.queues.get(lock)?.shift();
    if (next === undefined) return;
    this.holders.set(lock, next.owner);
    next.record.granted = this.sim.now;
    next.record.note = `got it at ${formatNumber(this.sim.now, 1)} ms, after ${formatNumber(this.sim.now - next.record.time, 1)} ms`;
    this.sim.after(0, next.grant); // the waiter resumes now, after the releasing step has finished
  }

  /** Releases every lock `owner` holds (as a commit or an abort does) and returns their names. */
  releaseAll(owner: string): string[] {
    const locks = this.held(owner);
    for (const lock of locks) this.release(lock, owner);
    return locks;
  }
}
