// The messages between the journal's page, the sandbox frame (/runner/sandbox.html) and the
// snippet's worker. Each side checks the shape of what it receives and ignores anything else.
//
//   frame → parent window   SandboxHello         once, addressed to the journal's origin only
//   page  → frame window    SandboxPortOffer     once, carrying the page↔frame MessagePort
//   page  → frame (port)    RunRequest           one per run, with a nonce the page generated
//   frame → page  (port)    Heartbeat            while any run is in progress, every 250 ms
//   frame → page  (port)    RunStarted           one per run, once its worker has started it
//   frame → page  (port)    RunReply             one per run: output text, figure texts, whether it failed or was stopped
//   frame → worker (global) WorkerStart          once per worker, carrying the worker→frame port
//   worker → frame (port)   WorkerStarted        once, when the worker's runtime is loaded, before the snippet's code exists
//   worker → frame (port)   WorkerReply          once: output text, figure texts and whether it failed
//
// A run's time limit counts from WorkerStarted: loading a worker's runtime (a first Run, or a
// phone busy elsewhere) is the device's time, not the snippet's. Loading has a limit of its own.

export interface SandboxHello {
  daybook: "sandbox-hello";
}
export interface SandboxPortOffer {
  daybook: "sandbox-port";
  /** The worker runtime's source; the frame runs no code but this and the snippets sent on the port. */
  workerSource: string;
}
export interface RunRequest {
  kind: "run";
  nonce: string;
  js: string;
  timeout: number;
  /** The reader's control values, JSON text of `{ name: value text }` (see inputsText); the runtime reads each against its control. */
  inputs: string;
}
export interface Heartbeat {
  kind: "beat";
}
export interface RunStarted {
  kind: "started";
  nonce: string;
}
export interface RunReply {
  kind: "reply";
  nonce: string;
  output: string;
  /** The figures' JSON texts, one a line, untrusted: the page checks them (src/figures/run-figures.ts). */
  figures: string;
  failed: boolean;
  /** The frame stopped the run at its wall-clock limit (BROWSER_TIMEOUT_FACTOR × timeout=). */
  stopped: boolean;
}
export interface WorkerStart {
  js: string;
  /** As RunRequest.inputs. */
  inputs: string;
}
export interface WorkerStarted {
  started: true;
}
export interface WorkerReply {
  output: string;
  failed: boolean;
  /** The figures' JSON texts, one a line. */
  figures: string;
}

/**
 * A reader's device may be slower or busier than the build machine, and the browser cannot read
 * a worker's CPU time, so a run is stopped only after this many times its timeout= of wall-clock time.
 */
export const BROWSER_TIMEOUT_FACTOR = 3;

/**
 * The most wall-clock time a worker may take to load its runtime and start a run, before the
 * run's own limit starts: far beyond a slow phone's (a second or two), so only a worker that
 * will never start is stopped by it.
 */
export const WORKER_START_MS = 60_000;

/** Longest control-values text a run carries: 20 values of up to 64 characters, named, fit well within it. */
export const MAX_INPUTS_CHARS = 10_000;

/** A run's control values as they travel (no values: `{}`). */
export function inputsText(values: Readonly<Record<string, string>>): string {
  const text = JSON.stringify(values);
  return text.length <= MAX_INPUTS_CHARS ? text : "{}";
}

/** How often the frame says it is alive while a run is in progress. */
export const HEARTBEAT_MS = 250;

type Fields = Record<string, unknown>;
const record = (value: unknown): value is Fields => typeof value === "object" && value !== null;
const keys = (value: Fields, expected: string[]) => {
  const own = Object.keys(value);
  return own.length === expected.length && expected.every((key) => own.includes(key));
};

export const isSandboxHello = (v: unknown): v is SandboxHello => record(v) && keys(v, ["daybook"]) && v.daybook === "sandbox-hello";

export const isSandboxPortOffer = (v: unknown): v is SandboxPortOffer =>
  record(v) && keys(v, ["daybook", "workerSource"]) && v.daybook === "sandbox-port" && typeof v.workerSource === "string";

export const isRunRequest = (v: unknown): v is RunRequest =>
  record(v) && keys(v, ["kind", "nonce", "js", "timeout", "inputs"]) && v.kind === "run" && typeof v.nonce === "string" && typeof v.js === "string" && typeof v.timeout === "number" && v.timeout > 0 && typeof v.inputs === "string" && v.inputs.length <= MAX_INPUTS_CHARS;

export const isHeartbeat = (v: unknown): v is Heartbeat => record(v) && keys(v, ["kind"]) && v.kind === "beat";

export const isRunStarted = (v: unknown): v is RunStarted => record(v) && keys(v, ["kind", "nonce"]) && v.kind === "started" && typeof v.nonce === "string";

export const isRunReply = (v: unknown): v is RunReply =>
  record(v) && keys(v, ["kind", "nonce", "output", "figures", "failed", "stopped"]) && v.kind === "reply" && typeof v.nonce === "string" && typeof v.output === "string" && typeof v.figures === "string" && typeof v.failed === "boolean" && typeof v.stopped === "boolean";

export const isWorkerStarted = (v: unknown): v is WorkerStarted => record(v) && keys(v, ["started"]) && v.started === true;

export const isWorkerReply = (v: unknown): v is WorkerReply => record(v) && keys(v, ["output", "failed", "figures"]) && typeof v.output === "string" && typeof v.failed === "boolean" && typeof v.figures === "string";
