// The page's side of one sandbox frame (/runner/sandbox.html, see frame-main.ts for the inside).
// The page trusts only its own MessagePort to the frame, handed over once at start-up, and
// derives every status itself: which run a reply belongs to (a nonce it generated), how long the
// run took, and whether the frame is still alive (heartbeats while runs are pending, plus a
// deadline per run). A frame that stops beating (its process died, e.g. a worker ran out of
// memory) is removed; its pending runs end with SANDBOX_STOPPED and the next run builds a new one.
import { capOutput } from "./output-limit.ts";
import { MAX_FIGURE_CHARS } from "../../figures/figure-transport.ts";
import { BROWSER_TIMEOUT_FACTOR, HEARTBEAT_MS, WORKER_START_MS, isHeartbeat, isRunReply, isRunStarted, isSandboxHello, type RunRequest, type SandboxPortOffer } from "./sandbox-protocol.ts";

export interface SandboxResult {
  output: string;
  /** The figures' JSON texts, one a line, as the sandbox sent them (cut to the bound): untrusted, checked before drawing. */
  figures: string;
  /** "timed-out": the frame stopped it at its wall-clock limit; "stopped": the sandbox died or never answered, so the page stopped waiting. */
  outcome: "ran" | "failed" | "timed-out" | "stopped";
  /** From the run's start in its worker (or, if it never started, from sending it) to its reply, measured by the page; a run stopped at its limit shows no less than the limit (shownDuration). */
  ms: number;
}

export const SANDBOX_STOPPED = "Error: the sandbox stopped (out of memory?)";
/** The name of the error a frame that never starts rejects with: this browser cannot run snippets. */
export const SANDBOX_UNAVAILABLE = "SandboxUnavailable";
/**
 * No heartbeat for this long while a run is pending means the frame is gone. Long enough that a
 * frame's process starved of the CPU for a moment (a busy phone, a loaded machine) is not taken
 * for dead; short beside any run's deadline.
 */
export const SILENCE_MS = 3000;
/** The frame stops a run at its wall-clock limit; the page gives up this much later if no reply came. */
const DEADLINE_MARGIN_MS = 3000;
const STARTUP_MS = 10_000;

interface PendingRun {
  started: number;
  /** Whether its worker has started it (the frame said so). */
  running: boolean;
  /** Its limit in the frame (BROWSER_TIMEOUT_FACTOR × timeout=), counted from its start. */
  limit: number;
  deadline: ReturnType<typeof setTimeout>;
  resolve(result: SandboxResult): void;
}

/**
 * A run's duration as the page shows it: what the page measured, except that a run the frame
 * stopped at its limit is never shown as stopped sooner. The frame counts the limit from the
 * worker's start and the page from hearing of it, a message later: on a busy page that message
 * came late enough for a run stopped at 9 s to read "Stopped after 8.9 s". A run whose worker
 * never started was stopped at the start-up limit instead, so its measured time stands.
 */
export function shownDuration(measuredMs: number, outcome: SandboxResult["outcome"], run: Pick<PendingRun, "running" | "limit">): number {
  const measured = Math.round(measuredMs);
  return outcome === "timed-out" && run.running ? Math.max(measured, run.limit) : measured;
}

export class SandboxFrame {
  /** Resolves once the port is handed over; rejects (and the frame is gone) if it never starts. */
  readonly ready: Promise<void>;
  readonly #iframe = document.createElement("iframe");
  readonly #runs = new Map<string, PendingRun>();
  readonly #onGone: () => void;
  #port: MessagePort | undefined;
  #gone = false;
  #watchdog: ReturnType<typeof setInterval> | undefined;
  #lastBeat = 0;
  #lastTick = 0;

  constructor(src: string, workerSource: Promise<string>, onGone: () => void) {
    this.#onGone = onGone;
    const iframe = this.#iframe;
    iframe.setAttribute("sandbox", "allow-scripts"); // never allow-same-origin: the frame's origin must stay opaque
    iframe.setAttribute("aria-hidden", "true");
    // The frame checks it was framed by the journal through location.ancestorOrigins (or the
    // referrer). Browsers mask both by this policy, judged against the frame's own origin, which
    // the sandbox makes opaque: "same-origin" hid the journal from it in Firefox, so Run never
    // worked there. "origin" gives the frame the journal's origin and nothing more.
    iframe.referrerPolicy = "origin";
    iframe.tabIndex = -1;
    iframe.title = "Snippet sandbox";
    iframe.className = "snippet-sandbox";
    iframe.src = src;
    this.ready = new Promise<void>((resolve, reject) => {
      const startup = setTimeout(() => fail(Object.assign(new Error("the snippet sandbox did not start"), { name: SANDBOX_UNAVAILABLE })), STARTUP_MS);
      const fail = (error: unknown) => {
        clearTimeout(startup);
        removeEventListener("message", onHello);
        this.#stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const onHello = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow || event.origin !== "null" || !isSandboxHello(event.data)) return;
        removeEventListener("message", onHello);
        workerSource.then((source) => {
          if (this.#gone) return;
          clearTimeout(startup);
          const channel = new MessageChannel();
          this.#port = channel.port1;
          channel.port1.onmessage = ({ data }) => this.#receive(data);
          // The frame's origin is opaque, so no narrower target origin exists; this goes once, to our own frame.
          iframe.contentWindow?.postMessage({ daybook: "sandbox-port", workerSource: source } satisfies SandboxPortOffer, "*", [channel.port2]);
          resolve();
        }, fail);
      };
      addEventListener("message", onHello);
    });
    document.body.append(iframe);
  }

  run(js: string, timeout: number, inputs = "{}"): Promise<SandboxResult> {
    const started = performance.now();
    if (this.#gone || !this.#port) return Promise.resolve({ output: SANDBOX_STOPPED, figures: "", outcome: "stopped", ms: 0 });
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
    if (this.#runs.size === 0) this.#watch(started);
    return new Promise((resolve) => {
      // Until its worker starts it, the run waits as long as the frame lets a worker load; then its own limit.
      const deadline = this.#deadline(nonce, WORKER_START_MS + DEADLINE_MARGIN_MS);
      this.#runs.set(nonce, { started, running: false, limit: timeout * BROWSER_TIMEOUT_FACTOR, deadline, resolve });
      this.#port!.postMessage({ kind: "run", nonce, js, timeout, inputs } satisfies RunRequest);
    });
  }

  #deadline(nonce: string, ms: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => this.#settle(nonce, `Error: the sandbox did not answer within ${ms} ms`, "stopped"), ms);
  }

  #receive(data: unknown): void {
    if (isHeartbeat(data)) this.#lastBeat = performance.now();
    else if (isRunStarted(data)) this.#start(data.nonce);
    else if (isRunReply(data)) this.#settle(data.nonce, capOutput(data.output), data.stopped ? "timed-out" : data.failed ? "failed" : "ran", data.figures.slice(0, MAX_FIGURE_CHARS));
  }

  /** The run's worker started it: its time and its deadline count from now. */
  #start(nonce: string): void {
    const run = this.#runs.get(nonce);
    if (!run || run.running) return;
    run.running = true;
    run.started = performance.now();
    clearTimeout(run.deadline);
    run.deadline = this.#deadline(nonce, run.limit + DEADLINE_MARGIN_MS);
  }

  #settle(nonce: string, output: string, outcome: SandboxResult["outcome"], figures = ""): void {
    const run = this.#runs.get(nonce);
    if (!run) return;
    this.#runs.delete(nonce);
    clearTimeout(run.deadline);
    if (this.#runs.size === 0) this.#unwatch();
    run.resolve({ output, figures, outcome, ms: shownDuration(performance.now() - run.started, outcome, run) });
  }

  #watch(now: number): void {
    this.#lastBeat = this.#lastTick = now;
    this.#watchdog = setInterval(() => {
      const tick = performance.now();
      const gap = tick - this.#lastTick;
      this.#lastTick = tick;
      // A hidden or paused page throttles the frame's timers too: silence then proves nothing.
      if (document.visibilityState !== "visible" || gap > 3 * HEARTBEAT_MS) this.#lastBeat = tick;
      else if (tick - this.#lastBeat > SILENCE_MS) this.#stop();
    }, HEARTBEAT_MS);
  }

  #unwatch(): void {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Removes the frame (and every worker in it); its pending runs end with SANDBOX_STOPPED. */
  #stop(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#unwatch();
    this.#port?.close();
    this.#iframe.remove();
    for (const nonce of [...this.#runs.keys()]) this.#settle(nonce, SANDBOX_STOPPED, "stopped");
    this.#onGone();
  }
}
