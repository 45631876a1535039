/**
 * The page snippet code runs in, served at `/runner/sandbox.html` and loaded on a reader's first
 * Run into `<iframe sandbox="allow-scripts">`: an opaque origin (no cookies, storage or access to
 * the journal's page) under its own policy, which forbids every network request. It is a page
 * of its own rather than a `srcdoc` so that it does not inherit the journal page's policy, and
 * the journal page's policy needs no `blob:` or inline-script allowance for it.
 */
const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'; form-action 'none'; base-uri 'none'";

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

export function sandboxPageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${SANDBOX_CSP}">
<meta name="robots" content="noindex">
<title>Snippet sandbox</title>
<script>${FRAME_SCRIPT}</script>
</head>
<body></body>
</html>
`;
}
