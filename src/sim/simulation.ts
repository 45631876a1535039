/**
 * A simulation: the scheduler's virtual clock plus async processes, a seeded RNG and a trace.
 * This is the object snippets start from: `const sim = createSim({ seed: 42 })`.
 */
import { ProcessTracker } from "./process-tracker.ts";
import { createRandom, type Random } from "./random.ts";
import { Scheduler } from "./scheduler.ts";
import type { TimelineEvent } from "./timeline.ts";

/** Options for {@link createSim}. */
export interface SimOptions {
  /** Seed for `sim.random` and every stream forked from it (default 1). */
  readonly seed?: number | string;
  /** Record `sim.trace` and network message logs (default true); turn off for very long runs. */
  readonly trace?: boolean;
}

/** Options for `sim.run()`. */
export interface RunOptions {
  /** Run events up to and including this virtual time (ms), then set the clock to it. */
  readonly until?: number;
  /** Safety limit on events run by this call (default 1,000,000); going past it throws. */
  readonly maxEvents?: number;
}

/** What `sim.run()` resolves to. */
export interface RunResult {
  /** The virtual time (ms) when the run stopped. */
  readonly now: number;
  /** Events run by this call. */
  readonly events: number;
  /** Processes not finished: waiting for a later event, or for something that will never happen. */
  readonly unfinished: number;
}

/** Creates a simulation: a virtual clock at 0 ms, an event queue, a seeded RNG and a trace. */
export function createSim(options: SimOptions = {}): Sim {
  return new Sim(options);
}

/** A discrete-event simulation with async processes. Create one with {@link createSim}. */
export class Sim extends Scheduler {
  /** The simulation's random stream; fork it (`sim.random.fork("arrivals")`) for independent streams. */
  readonly random: Random;
  /** Everything that happened, in order: messages, crashes, restarts, partitions and notes. */
  readonly trace: TimelineEvent[] = [];
  /** Whether `trace` and network logs are recorded (see {@link SimOptions.trace}). */
  readonly tracing: boolean;
  private active = false;
  private readonly work = new ProcessTracker(
    () => this.activity,
    () => void (this.activity += 1),
  );

  /** Use {@link createSim}. */
  constructor(options: SimOptions = {}) {
    super();
    this.random = createRandom(options.seed ?? 1);
    this.tracing = options.trace ?? true;
  }

  /** True while `run()` is in progress (the only time virtual time can pass). */
  get running(): boolean {
    return this.active;
  }

  /** Number of spawned processes (and async callbacks) that have not finished yet. */
  get processes(): number {
    return this.work.unfinished;
  }

  /**
   * Starts an async process at the current virtual time (once `run()` reaches it) and returns its
   * result. Inside, `await sim.sleep(ms)` lets virtual time pass. If the process throws, `run()`
   * rejects with that error. `run()` never waits for a process, so a process blocked forever
   * cannot stall it: await `sim.run()` first, then the process's result.
   */
  spawn<T>(body: () => Promise<T> | T): Promise<T> {
    let settle: { resolve: (value: T) => void; reject: (error: unknown) => void } | undefined;
    const done = new Promise<T>((resolve, reject) => void (settle = { resolve, reject }));
    done.catch(() => undefined); // reported by run(); awaiting `done` still sees the error
    this.after(0, () => {
      const running = (async () => body())();
      running.then(settle?.resolve, settle?.reject);
      return running;
    });
    return done;
  }

  /** Resolves after `ms` of virtual time. Only valid in code the simulation runs (processes, callbacks). */
  sleep(ms: number): Promise<void> {
    if (!this.active) {
      throw new Error("sim.sleep() needs the clock running: call it inside sim.spawn(async () => ...) and await sim.run()");
    }
    return new Promise((resolve) => void this.after(ms, resolve));
  }

  /** Adds a line to the trace at the current time, e.g. `sim.note("coordinator", "decides COMMIT")`. */
  note(actor: string, text: string): void {
    this.activity += 1;
    if (this.tracing) this.trace.push({ time: this.now, from: actor, text });
  }

  /**
   * Runs events in time order until none are left (or `until` is passed). After each event it lets
   * pending microtasks run, so processes resumed by an event finish their step at that event's time.
   */
  async run(options: RunOptions = {}): Promise<RunResult> {
    if (this.active) throw new Error("sim.run() is already running; await it before calling it again");
    const { until = Infinity, maxEvents = 1_000_000 } = options;
    if (!(until >= this.now)) throw new RangeError(`run({ until: ${until} }) is before now (${this.now} ms)`);
    this.active = true;
    let events = 0;
    try {
      const started = this.work.settle();
      if (started) await started;
      while (this.nextTime() <= until) {
        if (events === maxEvents) throw new Error(`sim.run() stopped after ${maxEvents} events; pass { until } or a larger maxEvents`);
        const next = this.takeNext();
        if (next === undefined) break;
        events += 1;
        this.work.track(next.run());
        const pending = this.work.settle();
        if (pending) await pending;
        this.work.rethrow();
      }
      this.work.rethrow();
      if (until !== Infinity) this.advanceTo(until);
      return { now: this.now, events, unfinished: this.work.unfinished };
    } finally {
      this.active = false;
    }
  }
}
