/** Bookkeeping for async work the run loop does not wait for: processes and async callbacks. */

/**
 * Microtask turns without simulation activity after which running processes count as blocked.
 * Any call into the simulation (scheduling, sleeping, sending, a process ending) restarts the count.
 */
const QUIET_TURNS = 64;

/** Counts unfinished async work, keeps its first error, and lets pending microtasks run. */
export class ProcessTracker {
  private readonly activity: () => number;
  private readonly touch: () => void;
  private live = 0;
  private failure: { readonly error: unknown } | undefined;

  /** `activity` reads the simulation's activity counter; `touch` bumps it. */
  constructor(activity: () => number, touch: () => void) {
    this.activity = activity;
    this.touch = touch;
  }

  /** Number of tracked promises not settled yet. */
  get unfinished(): number {
    return this.live;
  }

  /** Tracks `value` if it is a promise (or thenable); its rejection is kept for {@link rethrow}. */
  track(value: unknown): void {
    if (!isThenable(value)) return;
    this.live += 1;
    const settled = (failure?: { error: unknown }): void => {
      this.live -= 1;
      this.touch();
      this.failure ??= failure;
    };
    Promise.resolve(value).then(() => settled(), (error: unknown) => settled({ error }));
  }

  /**
   * Lets microtasks run until tracked work is quiet: nothing tracked, or QUIET_TURNS turns in a row
   * without simulation activity. Returns at once (synchronously) when nothing is tracked.
   */
  settle(): Promise<void> | undefined {
    return this.live > 0 ? this.drain() : undefined;
  }

  /** Throws (once) the first error of any tracked promise. */
  rethrow(): void {
    const failure = this.failure;
    if (failure === undefined) return;
    this.failure = undefined;
    throw failure.error;
  }

  private async drain(): Promise<void> {
    for (let quiet = 0; quiet < QUIET_TURNS; ) {
      const seen = this.activity();
      await Promise.resolve(); // one microtask turn
      quiet = this.activity() === seen ? quiet + 1 : 0;
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  const then = typeof value === "object" || typeof value === "function" ? (value as { then?: unknown } | null)?.then : undefined;
  return typeof then === "function";
}
