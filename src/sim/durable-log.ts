/** An append-only log standing in for a node's disk: it survives crashes, unlike volatile state. */

/** An append-only list of entries that survives its node's crashes. Create one with {@link createLog}. */
export interface DurableLog<E> {
  /** Appends `entry`; it is durable at once (no fsync delay is modelled). Store plain values. */
  append(entry: E): void;
  /** All entries, oldest first. */
  readonly entries: readonly E[];
  /** Number of entries. */
  readonly length: number;
  /** The newest entry, or undefined when the log is empty. */
  last(): E | undefined;
}

/**
 * Creates a durable log, optionally with entries already on disk. The type parameter names the
 * entry type: `createLog<{ tx: string; decision: "commit" | "abort" }>()` (default string).
 */
export function createLog<E = string>(initial: readonly E[] = []): DurableLog<E> {
  const entries = [...initial];
  return {
    append: (entry) => void entries.push(entry),
    entries,
    get length() {
      return entries.length;
    },
    last: () => entries[entries.length - 1],
  };
}

/** A view of `log` that calls `onAppend` after each append; reads go straight to `log`. */
export function observeLog<E>(log: DurableLog<E>, onAppend: (entry: E) => void): DurableLog<E> {
  return {
    append: (entry) => {
      log.append(entry);
      onAppend(entry);
    },
    get entries() {
      return log.entries;
    },
    get length() {
      return log.length;
    },
    last: () => log.last(),
  };
}
