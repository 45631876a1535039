// A page of another origin, for the tests that attack the snippet sandbox from outside the journal.

/**
 * A page of another origin that frames the journal's sandbox four ways and does everything a
 * framer can to get code run there and read the result: it answers nothing it is not sent, so
 * it offers the port and the worker runtime itself, again and again, and also speaks the
 * sandbox's earlier protocol (the run straight on the window).
 */
export function foreignFramerPage(sandboxUrl: string, workerSource: string, js: string): string {
  const script = `
window.received = [];
addEventListener("message", (e) => received.push({ via: "window", data: JSON.stringify(e.data).slice(0, 200) }));
const workerSource = ${JSON.stringify(workerSource).replace(/</g, "\\u003c")};
const js = ${JSON.stringify(js)};
const ways = [["none", null, ""], ["allow-scripts", "allow-scripts", ""], ["allow-scripts, no referrer", "allow-scripts", "no-referrer"], ["allow-scripts allow-same-origin", "allow-scripts allow-same-origin", ""]];
for (const [name, sandbox, referrerPolicy] of ways) {
  const frame = document.createElement("iframe");
  if (sandbox) frame.setAttribute("sandbox", sandbox);
  frame.referrerPolicy = referrerPolicy;
  frame.src = ${JSON.stringify(sandboxUrl)};
  frame.addEventListener("load", () => {
    let tries = 0;
    const offer = setInterval(() => {
      if (++tries > 10) return clearInterval(offer);
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => received.push({ via: name, data: JSON.stringify(e.data).slice(0, 200) });
      frame.contentWindow.postMessage({ daybook: "sandbox-port", workerSource }, "*", [channel.port2]);
      channel.port1.postMessage({ kind: "run", nonce: "n" + tries, js, timeout: 1000, inputs: "{}" });
      frame.contentWindow.postMessage({ id: tries, js, timeout: 1000, workerSource }, "*");
    }, 200);
  });
  document.body.append(frame);
}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head><body><script>${script}</script></body></html>`;
}
