// Loaded on a reader's first Run. Snippet code never runs in the page's origin: it runs in a
// Worker inside /runner/sandbox.html, framed with sandbox="allow-scripts" (an opaque origin: no
// cookies, storage, or access to this page) under a CSP that forbids every network request
// (see src/integration/snippets/sandbox-page.ts). The frame is built on first use and rebuilt
// after it dies (sandbox-frame.ts).
import { SandboxFrame, type SandboxResult } from "./sandbox-frame.ts";

export type { SandboxResult } from "./sandbox-frame.ts";

let current: SandboxFrame | undefined;
let workerSource: Promise<string> | undefined;

/** Runs compiled snippet JS in the sandbox and resolves with its output; never hangs past its timeout plus a margin. */
export async function runInSandbox(js: string, timeout: number, urls: { worker: string; sandbox: string }, inputs = "{}"): Promise<SandboxResult> {
  workerSource ??= fetch(urls.worker)
    .then((response) => {
      if (!response.ok) throw new Error(`could not load the snippet runtime (${response.status})`);
      return response.text();
    })
    .catch((error: unknown) => {
      workerSource = undefined; // the next Run tries again
      throw error;
    });
  const frame = (current ??= new SandboxFrame(urls.sandbox, workerSource, () => {
    if (current === frame) current = undefined;
  }));
  await frame.ready;
  return frame.run(js, timeout, inputs);
}
