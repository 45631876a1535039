// Loaded on a reader's first Run. Snippet code never runs in the page's origin: it runs in a
// Worker inside an iframe with sandbox="allow-scripts" (an opaque origin: no cookies, storage,
// or access to this page) and a CSP that forbids every network request.

export interface SandboxResult {
  output: string;
  error?: string;
  /** Wall-clock milliseconds from starting the worker to its answer. */
  ms: number;
}

const FRAME_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'; form-action 'none'; base-uri 'none'";

// The frame starts a fresh Worker per run (fresh globals every time) and terminates it at the timeout.
const FRAME_SCRIPT = `
let workerUrl;
addEventListener("message", (event) => {
  if (event.source !== parent) return;
  const { id, js, timeout, workerSource } = event.data;
  if (!workerUrl) workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const started = performance.now();
  const worker = new Worker(workerUrl);
  let done = false;
  const finish = (result) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    worker.terminate();
    parent.postMessage({ id, ms: Math.round(performance.now() - started), ...result }, "*");
  };
  const stopped = "Error: the snippet ran longer than " + timeout + " ms and was stopped";
  const timer = setTimeout(() => finish({ output: stopped, error: stopped }), timeout);
  worker.onmessage = (e) => finish(e.data);
  worker.onerror = (e) => { e.preventDefault(); const m = "Error: " + e.message; finish({ output: m, error: m }); };
  worker.postMessage({ js });
});`;

let frame: Promise<HTMLIFrameElement> | undefined;
let workerSource: Promise<string> | undefined;
let nextId = 0;
const pending = new Map<number, (result: SandboxResult) => void>();

function sandboxFrame(): Promise<HTMLIFrameElement> {
  frame ??= new Promise((resolve) => {
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("aria-hidden", "true");
    iframe.tabIndex = -1;
    iframe.title = "Snippet sandbox";
    iframe.className = "snippet-sandbox";
    iframe.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>${FRAME_SCRIPT}</script>`;
    iframe.addEventListener("load", () => resolve(iframe), { once: true });
    window.addEventListener("message", (event: MessageEvent<SandboxResult & { id: number }>) => {
      if (event.source !== iframe.contentWindow) return;
      const { id, ...result } = event.data;
      pending.get(id)?.(result);
      pending.delete(id);
    });
    document.body.append(iframe);
  });
  return frame;
}

/** Runs compiled snippet JS in the sandbox and resolves with its output. */
export async function runInSandbox(js: string, timeout: number, workerUrl: string): Promise<SandboxResult> {
  workerSource ??= fetch(workerUrl).then((r) => {
    if (!r.ok) throw new Error(`could not load the snippet runtime (${r.status})`);
    return r.text();
  });
  const [iframe, source] = await Promise.all([sandboxFrame(), workerSource]);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    iframe.contentWindow!.postMessage({ id, js, timeout, workerSource: source }, "*");
  });
}
