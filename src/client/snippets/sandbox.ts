// Loaded on a reader's first Run. Snippet code never runs in the page's origin: it runs in a
// Worker inside /runner/sandbox.html, framed with sandbox="allow-scripts" (an opaque origin: no
// cookies, storage, or access to this page) under a CSP that forbids every network request
// (see src/integration/snippets/sandbox-page.ts).

export interface SandboxResult {
  output: string;
  error?: string;
  /** Wall-clock milliseconds from starting the worker to its answer. */
  ms: number;
}

let frame: Promise<HTMLIFrameElement> | undefined;
let workerSource: Promise<string> | undefined;
let nextId = 0;
const pending = new Map<number, (result: SandboxResult) => void>();

function sandboxFrame(sandboxUrl: string): Promise<HTMLIFrameElement> {
  frame ??= new Promise((resolve) => {
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("aria-hidden", "true");
    iframe.tabIndex = -1;
    iframe.title = "Snippet sandbox";
    iframe.className = "snippet-sandbox";
    iframe.src = sandboxUrl;
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
export async function runInSandbox(js: string, timeout: number, urls: { worker: string; sandbox: string }): Promise<SandboxResult> {
  workerSource ??= fetch(urls.worker).then((r) => {
    if (!r.ok) throw new Error(`could not load the snippet runtime (${r.status})`);
    return r.text();
  });
  const [iframe, source] = await Promise.all([sandboxFrame(urls.sandbox), workerSource]);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    iframe.contentWindow!.postMessage({ id, js, timeout, workerSource: source }, "*");
  });
}
