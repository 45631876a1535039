/** Counters and a latency recorder with percentiles, for summarising a run. */

/** Named counters, e.g. `sent`, `retries`, `timeouts`. Create them with {@link createCounters}. */
export interface Counters {
  /** Adds `by` (default 1) to the counter `name`, creating it at 0 first. */
  inc(name: string, by?: number): void;
  /** The counter's value; 0 for a name never incremented. */
  get(name: string): number;
  /** All counters as a plain object in first-use order, ready for `table([counters.toObject()])`. */
  toObject(): Record<string, number>;
}

/** Creates an empty set of named counters. */
export function createCounters(): Counters {
  const values = new Map<string, number>();
  return {
    inc: (name, by = 1) => void values.set(name, (values.get(name) ?? 0) + by),
    get: (name) => values.get(name) ?? 0,
    toObject: () => Object.fromEntries(values),
  };
}

/**
 * The usual latency figures, all in the recorder's unit (virtual ms for latencies). For an empty
 * recorder `count` is 0 and every other field is NaN (printed as `-` by `table()`).
 */
export type Summary = {
  /** Number of recorded values. */
  readonly count: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Smallest value. */
  readonly min: number;
  /** Median, by nearest rank. */
  readonly p50: number;
  /** 90th percentile, by nearest rank. */
  readonly p90: number;
  /** 99th percentile, by nearest rank. */
  readonly p99: number;
  /** Largest value. */
  readonly max: number;
};

/** Records values (usually latencies in virtual ms) and answers count, mean, extremes and percentiles. */
export interface Recorder {
  /** Adds one value; NaN is rejected with a RangeError. */
  record(value: number): void;
  /** Number of values recorded. */
  readonly count: number;
  /** Sum of the values (0 when empty). */
  readonly sum: number;
  /** Arithmetic mean (NaN when empty). */
  readonly mean: number;
  /** Smallest value (NaN when empty). */
  readonly min: number;
  /** Largest value (NaN when empty). */
  readonly max: number;
  /** The values in ascending order (a copy). */
  sorted(): number[];
  /**
   * The `p`th percentile (`p` from 0 to 100) by the nearest-rank method: the smallest recorded
   * value such that at least p% of all values are less than or equal to it, i.e. the value at
   * 1-based rank `ceil(p / 100 * count)` in sorted order (rank 1 for p = 0). Always a value that
   * was actually recorded, never an interpolation. NaN when empty.
   */
  percentile(p: number): number;
  /** count, mean, min, p50, p90, p99 and max in one object, ready for `table()`. */
  summary(): Summary;
}

/** Creates an empty recorder. */
export function createRecorder(): Recorder {
  return new ValueRecorder();
}

class ValueRecorder implements Recorder {
  private readonly values: number[] = [];
  private ordered = true;
  private total = 0;

  record(value: number): void {
    if (Number.isNaN(value)) throw new RangeError("record() got NaN");
    const last = this.values[this.values.length - 1];
    if (last !== undefined && value < last) this.ordered = false;
    this.values.push(value);
    this.total += value;
  }

  get count(): number {
    return this.values.length;
  }

  get sum(): number {
    return this.total;
  }

  get mean(): number {
    return this.values.length === 0 ? NaN : this.total / this.values.length;
  }

  get min(): number {
    return this.percentile(0);
  }

  get max(): number {
    return this.percentile(100);
  }

  sorted(): number[] {
    return [...this.inOrder()];
  }

  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile(${p}) needs p from 0 to 100`);
    const values = this.inOrder();
    if (values.length === 0) return NaN;
    // p * n is exact for whole p; the epsilon keeps e.g. 99.9 * 1000 / 100 from rounding up a rank.
    const rank = Math.max(1, Math.ceil((p * values.length) / 100 - 1e-9));
    return values[Math.min(rank, values.length) - 1] as number;
  }

  summary(): Summary {
    const at = (p: number) => this.percentile(p);
    return { count: this.count, mean: this.mean, min: this.min, p50: at(50), p90: at(90), p99: at(99), max: this.max };
  }

  private inOrder(): readonly number[] {
    if (!this.ordered) {
      this.values.sort((a, b) => a - b);
      this.ordered = true;
    }
    return this.values;
  }
}
