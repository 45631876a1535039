// Snippet code that tries to send the page a result of its own, shared by the Chromium and Firefox sandbox tests.

/** Every way a snippet might find a function that messages the frame on the worker's own channel. */
export const FORGE_ON_WORKER_CHANNEL = `
const g = globalThis;
const forgeries = [
  { output: "FORGED", failed: false },
  { output: "FORGED" },
  { output: "FORGED", error: "x", ms: Infinity },
  { id: 0, output: "FORGED", ms: Infinity },
  { id: 1, output: "FORGED", ms: Infinity },
  { kind: "reply", nonce: "0".repeat(32), output: "FORGED", failed: false },
  { kind: "beat" },
  "x".repeat(5e7),
];
const routes = [
  ["self.postMessage", () => g.postMessage],
  ["the global's prototype chain", () => { for (let o = g; o; o = Object.getPrototypeOf(o)) { const d = Object.getOwnPropertyDescriptor(o, "postMessage"); if (d) return d.value; } }],
  ["DedicatedWorkerGlobalScope.prototype", () => g.DedicatedWorkerGlobalScope && g.DedicatedWorkerGlobalScope.prototype.postMessage],
  ["WorkerGlobalScope.prototype", () => g.WorkerGlobalScope && g.WorkerGlobalScope.prototype.postMessage],
  ["MessagePort.prototype.postMessage on the global", () => function (m) { return MessagePort.prototype.postMessage.call(g, m); }],
];
for (const [name, reach] of routes) {
  let post;
  try { post = reach(); } catch {}
  if (typeof post !== "function") { console.log(name + ": unreachable"); continue; }
  let sent = 0;
  for (const forged of forgeries) { try { post.call(g, forged); sent++; } catch {} }
  console.log(name + (sent ? ": SENT " + sent : ": refused"));
}
console.log("genuine output");
`;
