// The page's side of the type-check worker: one worker for the page, started by the first
// editor, answering each request by its id. A worker that fails to start or dies leaves the
// editor working without types (Run still runs), never waiting forever.
import type { Completions, QuickInfo, SnippetDiagnostic, TypecheckRequest, TypecheckResponse } from "./typecheck-protocol.ts";

type Ask = { kind: "check"; code: string } | { kind: "info"; code: string; pos: number } | { kind: "complete"; code: string; pos: number };
type Answer<K> = K extends "check" ? SnippetDiagnostic[] : K extends "info" ? QuickInfo | null : Completions | null;

const WORKER_URL = `${import.meta.env.BASE_URL.replace(/\/$/, "")}/editor/typecheck-worker.js`;
let worker: Worker | undefined;
let failed: string | undefined;
let next = 0;
const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();

function failAll(message: string): void {
  failed = message;
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function start(): Worker | undefined {
  if (worker || failed) return worker;
  try {
    worker = new Worker(WORKER_URL);
  } catch (error) {
    failAll(`the type checker could not start: ${(error as Error).message}`);
    return undefined;
  }
  worker.onmessage = ({ data }: MessageEvent<TypecheckResponse>) => {
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (!waiting) return;
    if (data.kind === "failed") waiting.reject(new Error(data.message));
    else waiting.resolve((data.kind === "check" ? data.diagnostics : data.kind === "info" ? data.info : data.completions) as never);
  };
  worker.onerror = (event) => failAll(`the type checker stopped: ${event.message || "it could not load"}`);
  return worker;
}

/** Starts the worker now (on the first edit), so the first diagnostics come sooner. */
export function warmTypechecker(): void {
  start();
}

export function ask<K extends Ask["kind"]>(request: Extract<Ask, { kind: K }>): Promise<Answer<K>> {
  const w = start();
  if (!w) return Promise.reject(new Error(failed));
  const id = ++next;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: never) => void, reject });
    w.postMessage({ ...request, id } as TypecheckRequest);
  });
}
