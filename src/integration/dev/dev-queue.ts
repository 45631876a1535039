/**
 * Runs one task at a time, in order. A request made while a run is waiting to start shares that
 * run (which reads the files as they are when it starts), so a burst of saves costs one run after
 * the one in progress, never one each. A failed run does not stop the ones after it.
 */
export class CoalescingQueue {
  readonly #task: () => Promise<void>;
  #last: Promise<void> = Promise.resolve();
  #waiting: Promise<void> | undefined;

  constructor(task: () => Promise<void>) {
    this.#task = task;
  }

  /** The run that will start next (queued now if none is waiting); resolves at its end. */
  request(): Promise<void> {
    if (this.#waiting) return this.#waiting;
    const run = this.#last.catch(() => undefined).then(() => {
      this.#waiting = undefined;
      return this.#task();
    });
    this.#waiting = run;
    this.#last = run;
    return run;
  }

  /** Resolves once the last run requested has ended, whether it succeeded or not. */
  async settled(): Promise<void> {
    await this.#last.catch(() => undefined);
  }
}
