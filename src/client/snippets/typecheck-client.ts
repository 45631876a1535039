// The page's side of the type-check worker: one worker for the page (typecheck-start.ts starts
// it on the first Edit), answering each request by its id. A worker that fails to start or dies
// leaves the editor working without types (Run still runs), never waiting forever.
//
// One request is with the worker at a time, and none before it is ready, so that when it is
// free the most useful one goes next (typecheck-queue.ts), not the oldest.
import type { Completions, QuickInfo, SnippetDiagnostic, TypecheckRequest, TypecheckResponse } from "./typecheck-protocol.ts";
import { nextRequest, type Ask, type Waiting as Queued } from "./typecheck-queue.ts";
import { startTypechecker } from "./typecheck-start.ts";

type Answer<K> = K extends "check" ? SnippetDiagnostic[] : K extends "info" ? QuickInfo | null : Completions | null;
type Waiting = Queued<{ resolve: (value: never) => void; reject: (error: Error) => void }>;

let worker: Worker | undefined;
let ready = false;
let failed: string | undefined;
let next = 0;
let queue: Waiting[] = [];
let inFlight: { id: number; waiting: Waiting } | undefined;
/** The code of the editor opened last: checked once the worker is ready, if nothing else is waiting. */
let warmCode: string | undefined;

function failAll(message: string): void {
  failed = message;
  for (const waiting of [...queue, ...(inFlight ? [inFlight.waiting] : [])]) for (const { reject } of waiting.settle) reject(new Error(message));
  queue = [];
  inFlight = undefined;
}

function start(): void {
  if (worker || failed) return;
  const started = startTypechecker();
  if (started instanceof Error) return failAll(started.message);
  worker = started.worker;
  worker.addEventListener("message", ({ data }: MessageEvent<TypecheckResponse>) => {
    if (!("id" in data) || data.id !== inFlight?.id) return;
    const { settle } = inFlight.waiting;
    inFlight = undefined;
    for (const { resolve, reject } of settle) {
      if (data.kind === "failed") reject(new Error(data.message));
      else resolve((data.kind === "check" ? data.diagnostics : data.kind === "info" ? data.info : data.completions) as never);
    }
    pump();
  });
  worker.addEventListener("error", (event) => failAll(`the type checker stopped: ${event.message || "it could not load"}`));
  started.ready.then(
    () => {
      ready = true;
      warmUp();
      pump();
    },
    (error: Error) => failAll(error.message),
  );
}

/** Sends the most useful queued request, if the worker is ready and free. */
function pump(): void {
  if (!worker || !ready || inFlight) return;
  const { send, dropped, rest } = nextRequest(queue);
  for (const stale of dropped) for (const { resolve } of stale.settle) resolve(null as never);
  queue = rest;
  if (!send) return;
  inFlight = { id: ++next, waiting: send };
  worker.postMessage({ ...send.request, id: inFlight.id } as TypecheckRequest);
}

/**
 * A first check of the author's code, answered to nobody (the editor shows no errors for the
 * author's code), if the reader has not edited the code by the time the worker is ready: it
 * parses and binds the modules the code imports (`daybook/sim` alone is ~250 ms in Node) and runs
 * the checker over code like the reader's once, work the reader's first edit would otherwise wait
 * for. Not when a request is waiting: that request does the same work, and the reader waits for it.
 */
function warmUp(): void {
  if (warmCode === undefined || queue.length > 0 || inFlight) return;
  queue.push({ request: { kind: "check", code: warmCode }, settle: [] });
  warmCode = undefined;
}

/**
 * The reader has edited the code: their own check is on its way (after the editor's pause), so a
 * warm-up not yet sent would only run before it and delay it.
 */
export function skipWarmUp(): void {
  warmCode = undefined;
}

/** Starts the worker now, if the Edit button has not already; `code` (the author's) warms it up once it is ready. */
export function warmTypechecker(code?: string): void {
  warmCode = code;
  start();
}

export function ask<K extends Ask["kind"]>(request: Extract<Ask, { kind: K }>): Promise<Answer<K>> {
  start();
  if (failed) return Promise.reject(new Error(failed));
  return new Promise((resolve, reject) => {
    queue.push({ request, settle: [{ resolve: resolve as (value: never) => void, reject }] });
    pump();
  });
}
