// Which queued request goes to the type-check worker next (typecheck-client.ts sends one at a
// time). While the worker loads, the reader's typing queues a check and completions for every
// pause; answering them in order would put the newest check behind seconds of stale work.

export type Ask = { kind: "check"; code: string } | { kind: "info"; code: string; pos: number } | { kind: "complete"; code: string; pos: number };

export interface Waiting<S> {
  request: Ask;
  /** Whoever waits for the answer (several, once checks are merged). */
  settle: S[];
}

/**
 * The newest check goes first, answering every queued check (the editor drops answers for code
 * it no longer shows, and Run reads the code again after its check). Completions and hover types
 * asked for code that has changed since, or asked again since, are `dropped`: they get no answer
 * from the worker (null). The rest stay queued, oldest first.
 */
export function nextRequest<S>(queue: readonly Waiting<S>[]): { send: Waiting<S> | undefined; dropped: Waiting<S>[]; rest: Waiting<S>[] } {
  if (queue.length === 0) return { send: undefined, dropped: [], rest: [] };
  const newest = queue.at(-1)!.request.code;
  const checks = queue.filter((w) => w.request.kind === "check");
  const others = queue.filter((w) => w.request.kind !== "check");
  const current = others.filter((w, i) => w.request.code === newest && !others.slice(i + 1).some((later) => later.request.kind === w.request.kind));
  const dropped = others.filter((w) => !current.includes(w));
  const ordered = checks.length > 0 ? [{ request: checks.at(-1)!.request, settle: checks.flatMap((w) => w.settle) }, ...current] : current;
  return { send: ordered[0], dropped, rest: ordered.slice(1) };
}
