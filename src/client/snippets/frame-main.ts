// The script of /runner/sandbox.html (inlined there by src/integration/snippets/sandbox-page.ts).
// It runs snippets for one page of the journal, each in a fresh Worker, and answers on a
// MessagePort that page handed it; it listens to nothing else. After each run it starts the next
// run's worker while the page is idle (a spare: started, never used by anything before its run),
// so a run does not wait for a worker to load the runtime.
//
// It runs nothing unless all of these hold:
// - its own origin is opaque ("null"): it was framed with sandbox="allow-scripts" and without
//   allow-same-origin, so nothing it runs can reach the journal's cookies, storage or pages;
// - it is framed (`parent !== self`), and its parent's origin is the journal's, which is the
//   origin of this page's own URL (location.ancestorOrigins where the browser has it, else the
//   referrer; a foreign framer cannot forge either);
// - the port arrives from its parent in a message whose origin (set by the browser, not by the
//   sender) is the journal's.
// Protected: a page of another site that frames this page, sandboxed or not, gets nothing run
// and no reply (the hello is addressed to the journal's origin only). Not protected: a page on
// the journal's own origin (on a shared host, e.g. user.github.io, every project of the user
// shares it) is the journal as far as any browser check can tell; it could run code here, but
// that code would still be confined by the sandbox and this page's no-network policy.
import { capOutput } from "./output-limit.ts";
import { MAX_FIGURE_CHARS } from "../../figures/figure-transport.ts";
import { BROWSER_TIMEOUT_FACTOR, HEARTBEAT_MS, WORKER_START_MS, isRunRequest, isSandboxPortOffer, isWorkerReply, isWorkerStarted, type Heartbeat, type RunReply, type RunRequest, type RunStarted, type SandboxHello, type WorkerStart } from "./sandbox-protocol.ts";

const journal = new URL(location.href).origin;
const status = document.getElementById("status")!;

function refusal(): string | undefined {
  if (self.origin !== "null") return "it is not in a sandboxed frame";
  if (parent === self) return "it is not in a frame";
  // A browser without ancestorOrigins names the framer in the referrer (empty means refused).
  const ancestors = location.ancestorOrigins as DOMStringList | undefined;
  const framer = ancestors ? ancestors[0] : originOf(document.referrer);
  if (framer !== journal) return "the page that frames it is not the journal's";
  return undefined;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const refused = refusal();
if (refused) {
  status.textContent = `This page runs a journal's snippets only inside a sandboxed frame of the journal. It runs nothing here: ${refused}.`;
} else {
  addEventListener("message", function accept(event) {
    if (event.source !== parent || event.origin !== journal || !isSandboxPortOffer(event.data) || event.ports.length !== 1) return;
    removeEventListener("message", accept);
    serve(event.ports[0]!, event.data.workerSource);
  });
  parent.postMessage({ daybook: "sandbox-hello" } satisfies SandboxHello, journal);
}

function serve(port: MessagePort, workerSource: string): void {
  const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const running = new Set<string>();
  let spare: Worker | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const beat = () => port.postMessage({ kind: "beat" } satisfies Heartbeat);
  status.textContent = "Snippet sandbox: ready";

  port.onmessage = (event) => {
    if (isRunRequest(event.data) && !running.has(event.data.nonce)) start(event.data);
  };

  function startSpare(): void {
    if (spare) return;
    const worker = (spare = new Worker(workerUrl));
    // A spare that fails to start is dropped; the run then starts a worker of its own and reports its error.
    worker.onerror = () => {
      worker.terminate();
      if (spare === worker) spare = undefined;
    };
  }

  function start(request: RunRequest): void {
    const worker = spare ?? new Worker(workerUrl);
    spare = undefined;
    const channel = new MessageChannel();
    const finish = (output: string, failed: boolean, stopped = false, figures = "") => {
      if (!running.delete(request.nonce)) return;
      clearTimeout(timer);
      worker.terminate();
      channel.port1.close();
      port.postMessage({ kind: "reply", nonce: request.nonce, output: capOutput(output), figures: figures.slice(0, MAX_FIGURE_CHARS), failed, stopped } satisfies RunReply);
      if (running.size === 0) {
        clearInterval(heartbeat);
        heartbeat = undefined;
        startSpare();
      }
    };
    running.add(request.nonce);
    const limit = request.timeout * BROWSER_TIMEOUT_FACTOR;
    const stopped = `Error: the snippet was stopped after ${seconds(limit)} s on this device (${BROWSER_TIMEOUT_FACTOR} × its timeout=${request.timeout})`;
    // The snippet's own limit starts when its worker says it has started the run: a worker that
    // is still loading its runtime (the first Run, a busy device) is not the snippet's time.
    let timer = setTimeout(() => finish(`Error: the snippet runtime did not start within ${seconds(WORKER_START_MS)} s on this device`, true, true), WORKER_START_MS);
    let started = false;
    // Only the worker runtime holds port2, and it says "started" before the snippet's code exists;
    // snippet code shares the worker, so its global channel (worker.onmessage) is not listened to.
    channel.port1.onmessage = ({ data }) => {
      if (isWorkerStarted(data) && !started) {
        started = true;
        clearTimeout(timer);
        timer = setTimeout(() => finish(stopped, true, true), limit);
        port.postMessage({ kind: "started", nonce: request.nonce } satisfies RunStarted);
      } else if (isWorkerReply(data) && started) finish(data.output, data.failed, false, data.figures);
      else finish("Error: the snippet runtime sent a reply the sandbox does not understand", true);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(`Error: ${capOutput(String(event.message))}`, true);
    };
    worker.postMessage({ js: request.js, inputs: request.inputs } satisfies WorkerStart, [channel.port2]);
    beat();
    heartbeat ??= setInterval(beat, HEARTBEAT_MS);
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
