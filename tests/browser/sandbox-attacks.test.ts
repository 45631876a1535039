import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOWN_OUTPUT_CHARS, TRUNCATED_NOTE } from "../../src/client/snippets/output-limit.ts";
import { SANDBOX_STOPPED, SILENCE_MS } from "../../src/client/snippets/sandbox-frame.ts";
import { MAX_OUTPUT_CHARS } from "../../src/runtime/output-limits.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { foreignFramerPage } from "../helpers/foreign-framer.ts";
import { FORGE_ON_WORKER_CHANNEL } from "../helpers/forge-results.ts";
import { useSampleSite } from "../helpers/sample-site-session.ts";
import { addSnippetCopy, bakedSnippet, cdpEvaluate, pageEvaluate, runSnippetAt, watchResponsiveness, type Evaluate } from "../helpers/snippet-runs.ts";

// Snippet code runs in the same worker as the runtime, so every test here runs hostile code
// through the page's own Run (crafted JS in place of a snippet's compiled code) and checks that
// the page still shows only what the sandbox's protocol allows. A probe that gets through fails.

const LONGEST_SHOWN = SHOWN_OUTPUT_CHARS + TRUNCATED_NOTE.length + 1;

/** Wraps everything the runtime might touch while holding its result port, and forges through any port it sees. */
const REACH_THE_PORT = `
const g = globalThis;
const apply = Reflect.apply;
const post = MessagePort.prototype.postMessage;
const isPort = (v) => { try { return v instanceof MessagePort; } catch { return false; } };
const seen = (...values) => {
  for (const v of values) if (isPort(v)) {
    try { apply(post, v, [{ output: "ESCAPED", failed: false }]); apply(post, v, [{ kind: "reply", output: "ESCAPED", failed: false }]); } catch {}
  }
};
const wrap = (owner, name) => {
  const original = owner && owner[name];
  if (typeof original !== "function") return;
  try { owner[name] = function (...args) { seen(this, ...args); return apply(original, this, args); }; } catch {}
};
for (const name of ["postMessage", "close", "start", "addEventListener"]) wrap(MessagePort.prototype, name);
for (const name of ["addEventListener", "removeEventListener", "dispatchEvent"]) wrap(EventTarget.prototype, name);
for (const name of ["call", "apply", "bind"]) wrap(Function.prototype, name);
wrap(Reflect, "apply"); wrap(Reflect, "deleteProperty"); wrap(JSON, "stringify"); wrap(Object, "hasOwn"); wrap(Object, "keys");
wrap(Array.prototype, "join"); wrap(String.prototype, "slice"); wrap(g, "structuredClone");
for (const key of ["output", "failed", "error", "nonce", "kind", "js", "port", "ports", "then"]) {
  try {
    Object.defineProperty(Object.prototype, key, {
      configurable: true,
      get() { seen(this); return undefined; },
      set(v) { seen(this, v); Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true }); },
    });
  } catch {}
}
g.onmessage = (e) => seen(...e.ports);
g.addEventListener?.("message", (e) => seen(...e.ports));
for (const name of Object.getOwnPropertyNames(g)) { try { seen(g[name]); } catch {} }
console.log("probes in place");
await new Promise((resolve) => setTimeout(resolve, 10));
console.log("done");
`;

const FLOODS: [string, string][] = [
  ["console.log of 50 M characters", "console.log('x'.repeat(5e7));"],
  ["console.log of 200 M characters", "console.log('x'.repeat(2e8));"],
  ["its own result rewritten to 50 M characters", "Array.prototype.join = function () { return 'x'.repeat(5e7); };\nconsole.log('hi');"],
  ["its own result rewritten to 200 M characters", "Array.prototype.join = function () { return 'x'.repeat(2e8); };\nconsole.log('hi');"],
  ["an error message of 50 M characters", "throw new Error('x'.repeat(5e7));"],
  ["an error message of 200 M characters", "throw new Error('x'.repeat(2e8));"],
  ["an uncaught error of 200 M characters in its own callback", "const c = new MessageChannel();\nc.port1.onmessage = () => { throw new Error('y'.repeat(2e8)); };\nc.port2.postMessage(0);\nawait new Promise((r) => setTimeout(r, 10));"],
  [
    "its runtime's answer replaced through Object.prototype.then with 200 M characters",
    "Object.defineProperty(Object.prototype, 'then', { configurable: true, get() { if (typeof this.output !== 'string') return undefined; delete Object.prototype.then; return (resolve) => resolve({ output: 'z'.repeat(2e8), error: 'x' }); } });\nconsole.log('hi');",
  ],
];

const sandboxFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().endsWith("/runner/sandbox.html"));
  if (!frame) throw new Error("no sandbox frame on the page");
  return frame;
};

/**
 * Figure floods, as compiled snippet JS: through daybook/show (its limits throw in the snippet) and
 * around it (the snippet tampers with its realm so the runtime hands over forged figure texts; the
 * worker, the frame and the page cut them to 11 texts and 2 MB, and the page refuses each by name).
 */
const FIGURE_FLOODS: [string, string, { drawn: number; messages: RegExp[] }][] = [
  [
    "10,000 show calls, a 1 MB title, 5,001 points",
    `const { show } = require("daybook/show");
let refused = "";
for (let i = 0; i < 10000; i++) { try { show.bar("b" + i, { a: i }); } catch (e) { refused = e.message; } }
try { show.line("x".repeat(1e6), []); } catch (e) { console.log(e.message.slice(0, 200)); }
try { show.scatter("s", { name: "a", points: Array.from({ length: 5001 }, (_, i) => [i, i]) }); } catch (e) { console.log(e.message); }
console.log(refused);`,
    { drawn: 10, messages: [/the limit is 10 figures per run/, /the limit is 200/, /5001 items; the limit is 5000 points per figure/] },
  ],
  [
    "forged texts: 5,001 points, 100 figures",
    `const { show } = require("daybook/show");
const big = JSON.stringify({ kind: "scatter", title: "forged", series: [{ name: "a", points: Array.from({ length: 5001 }, (_, i) => [i, i]) }] });
const push = Array.prototype.push;
Array.prototype.push = function (...items) {
  if (typeof items[0] === "string" && items[0].startsWith('{"kind"')) { push.apply(this, items); for (let i = 0; i < 100; i++) push.call(this, big); return this.length; }
  return push.apply(this, items);
};
show.bar("B", { x: 1 });`,
    { drawn: 1, messages: [/figure 2 is not shown: .*5001.*the limit is 5000 points per figure/, /figure 11 is not shown: the limit is 10 figures per run/] },
  ],
  [
    "a 50 MB forged text",
    `const { show } = require("daybook/show");
const stringify = JSON.stringify;
JSON.stringify = (value) => (value && value.kind ? "x".repeat(5e7) : stringify(value));
show.bar("B", { x: 1 });`,
    { drawn: 0, messages: [/figure 1 is not shown: figures would pass 1000000 characters; the limit is 1000000 bytes \(1 MB\) of figure data per run/] },
  ],
];

describe("the snippet sandbox under attack (Chromium)", () => {
  const session = useSampleSite();
  let context: BrowserContext;

  async function open(path: string, browser: Browser = session.browser): Promise<{ page: Page; evaluate: Evaluate }> {
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.site.url}${path}`);
    return { page, evaluate: pageEvaluate(page) };
  }

  // The floods share one page (each run still gets a fresh worker): a flood that left the page
  // unresponsive or broken shows in the next one's checks too.
  let floods: Promise<{ page: Page; evaluate: Evaluate }> | undefined;
  const floodPage = () =>
    (floods ??= session.browser.newContext().then(async (own) => {
      const page = await own.newPage();
      await page.goto(`${session.site.url}day/16/`);
      return { page, evaluate: pageEvaluate(page) };
    }));
  afterAll(async () => {
    if (floods) await (await floods).page.context().close();
  });

  it("keeps the runtime's output cap inside the page's bound", () => {
    expect(SHOWN_OUTPUT_CHARS).toBeGreaterThan(MAX_OUTPUT_CHARS);
    expect(SHOWN_OUTPUT_CHARS).toBeLessThan(MAX_OUTPUT_CHARS * 2);
  });

  it("gives a snippet no channel to the frame but its own result: forged results, statuses and other runs' ids change nothing", async () => {
    const { evaluate } = await open("day/16/");
    const bystander = await addSnippetCopy(evaluate);
    const expected = (await bakedSnippet(evaluate, 0)).output;
    // A run that is still pending while the attacker forges replies for every id it could guess.
    const victim = runSnippetAt(evaluate, 1, "while (true) {}", 3000);
    const innocent = runSnippetAt(evaluate, bystander);
    const attacker = await runSnippetAt(evaluate, 0, FORGE_ON_WORKER_CHANNEL);

    const lines = attacker.output.split("\n");
    expect(lines.filter((line) => /SENT/.test(line)), attacker.output).toEqual([]);
    expect(lines.at(-1)).toBe("genuine output");
    expect(lines.length).toBe(6);
    expect(attacker.status).toMatch(/^Ran in \d+ ms$/);
    expect((await innocent).output).toBe(expected);
    const stopped = await victim;
    expect(stopped.output).toBe("Error: the snippet was stopped after 9 s on this device (3 × its timeout=3000)");
    expect(stopped.status).toMatch(/^Stopped after \d+(\.\d)? s on this device$/);
    expect(Number(/[\d.]+/.exec(stopped.status)![0])).toBeGreaterThanOrEqual(9);
    await context.close();
  });

  it("gives a snippet no way to reach the port its result goes back on", async () => {
    const { evaluate } = await open("day/16/");
    const run = await runSnippetAt(evaluate, 0, REACH_THE_PORT);
    expect(run.output).toBe("probes in place\ndone");
    expect(run.status).toMatch(/^Ran in \d+ ms$/);
    await context.close();
  });

  it("ends only the snippet's own run, as a failure, when it throws from a callback of its own", async () => {
    const { evaluate } = await open("day/16/");
    const other = runSnippetAt(evaluate, 1);
    // The error is reported first; the loop then keeps the runtime from answering at all.
    const js = [
      "const c = new MessageChannel();",
      "c.port1.onmessage = () => { throw new Error('Ran in 0 ms'); };",
      "c.port2.postMessage(0);",
      "await new Promise((resolve) => { const later = new MessageChannel(); later.port1.onmessage = resolve; later.port2.postMessage(0); });",
      "for (;;) {}",
    ].join("\n");
    const run = await runSnippetAt(evaluate, 0, js);
    expect(run.output).toMatch(/^(Error: (Uncaught )?)?Error: Ran in 0 ms( \(line 2\))?$/);
    expect(run.status).toMatch(/^Failed in \d+ ms$/);
    expect((await other).status).toMatch(/^Ran in \d+ ms$/);
    await context.close();
  });

  it.each(FLOODS)("cuts %s where it is produced and again where it is shown, and the page keeps responding", async (_name, js) => {
    const { evaluate } = await floodPage();
    const watch = watchResponsiveness(evaluate);
    const run = await runSnippetAt(evaluate, 0, js, 30_000);
    const slowest = await watch.stop();
    expect(run.status).toMatch(/^(Ran|Failed) in \d+ ms$/);
    expect(run.output.length).toBeLessThanOrEqual(LONGEST_SHOWN);
    expect(run.output).toMatch(/truncated/);
    expect(slowest, "slowest answer from the page while the flood ran (ms)").toBeLessThan(1000);
  });

  it.each(FIGURE_FLOODS)("refuses a figure flood (%s) with errors naming the limits, and the page keeps responding", async (_name, js, expected) => {
    const { page, evaluate } = await floodPage();
    const watch = watchResponsiveness(evaluate);
    const run = await runSnippetAt(evaluate, 0, js, 30_000);
    const slowest = await watch.stop();
    expect(run.status).toMatch(/^Ran in \d+ ms$/);
    const panel = page.locator("daybook-snippet").first().locator(".snippet-output");
    const shown = { drawn: await panel.locator("svg.fig").count(), text: (await panel.textContent()) ?? "", errors: await panel.locator(".snippet-figure-error").allTextContents() };
    expect(shown.drawn).toBe(expected.drawn);
    for (const message of expected.messages) expect([shown.text, ...shown.errors].join("\n")).toMatch(message);
    expect(slowest, "slowest answer from the page while the figures were checked and drawn (ms)").toBeLessThan(1000);
  });

  it("accepts only well-formed replies for its own runs from its own frame, capped, even from a compromised frame", async () => {
    const { page, evaluate } = await open("day/16/");
    await runSnippetAt(evaluate, 0); // builds the frame
    // Stand-in for a frame whose script went wrong: every reply is preceded by forgeries and
    // inflated a hundred times past the cap (a frame busy for a second would count as dead).
    await sandboxFrame(page).evaluate(() => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: { kind?: string; nonce?: string }) {
        if (message?.kind !== "reply") return post.call(this, message);
        for (const forged of [
          { ...message, nonce: "0".repeat(32), output: "FORGED: unknown nonce" },
          { ...message, output: "FORGED: extra field", ms: 0 },
          { ...message, output: 42 },
          { kind: "reply", nonce: message.nonce },
          "FORGED: not an object",
        ])
          post.call(this, forged);
        parent.postMessage({ ...message, output: "FORGED: window channel" }, "*");
        return post.call(this, { ...message, output: "x".repeat(5e6) });
      };
    });
    const watch = watchResponsiveness(evaluate);
    const run = await runSnippetAt(evaluate, 1);
    expect(await watch.stop()).toBeLessThan(1000);
    expect(run.status).toMatch(/^Ran in \d+ ms$/);
    expect(run.output.length).toBe(LONGEST_SHOWN);
    expect(run.output.endsWith(TRUNCATED_NOTE)).toBe(true);
    await context.close();
  });

  it("notices a hung frame, says so for the pending run, rebuilds the frame and runs again", async () => {
    const { page, evaluate } = await open("day/16/");
    const baked = await bakedSnippet(evaluate, 1);
    await runSnippetAt(evaluate, 0);
    await sandboxFrame(page).evaluate(() => void setTimeout(() => { for (;;); }, 0));
    const hung = await runSnippetAt(evaluate, 0, undefined, 20_000);
    expect(hung.output).toBe(SANDBOX_STOPPED);
    expect(hung.status).toMatch(/^Stopped after \d+ ms$/);
    expect(hung.wallMs, "noticed by the missing heartbeat, long before the page's deadline of 63 s").toBeLessThan(SILENCE_MS + 10_000);
    expect((await runSnippetAt(evaluate, 1)).output).toBe(baked.output);
    expect(await page.locator("iframe.snippet-sandbox").count()).toBe(1);
    await context.close();
  });

  it("keeps its own deadline when a frame keeps beating but never answers", async () => {
    const { page, evaluate } = await open("day/16/");
    await runSnippetAt(evaluate, 0);
    await sandboxFrame(page).evaluate((beatMs) => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: { kind?: string }) {
        if (message?.kind === "reply") {
          setInterval(() => post.call(this, { kind: "beat" }), beatMs);
          return;
        }
        return post.call(this, message);
      };
    }, 200);
    const run = await runSnippetAt(evaluate, 1, undefined, 500);
    // The frame's own limit is 3 × 500 ms; the page waits 3 s longer than that.
    expect(run.output).toBe("Error: the sandbox did not answer within 4500 ms");
    expect(run.status).toMatch(/^Stopped after \d+ ms$/);
    expect(run.wallMs).toBeGreaterThanOrEqual(4500);
    await context.close();
  });

  it("counts a run's time limit from its start in the worker, not while the worker is still loading", async () => {
    const { page, evaluate } = await open("day/16/");
    const baked = await bakedSnippet(evaluate, 1);
    await runSnippetAt(evaluate, 0);
    // Every worker of the frame gets its run 2.5 s late, as a worker still loading its runtime on
    // a busy phone would: longer than the whole limit of a timeout=500 run (1.5 s).
    await sandboxFrame(page).evaluate(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        setTimeout(() => Reflect.apply(post, this, args), 2500);
      } as Worker["postMessage"];
    });
    const run = await runSnippetAt(evaluate, 1, undefined, 500);
    expect(run.output).toBe(baked.output);
    expect(run.wallMs).toBeGreaterThanOrEqual(2500);
    // The time shown is the run's own, not the wait for its worker.
    expect(Number(/^Ran in (\d+) ms$/.exec(run.status)?.[1])).toBeLessThan(run.wallMs - 2000);
    // A snippet that does not finish is still stopped at its limit, counted from its start.
    const endless = await runSnippetAt(evaluate, 1, "for (;;) {}", 500);
    expect(endless.output).toBe("Error: the snippet was stopped after 1.5 s on this device (3 × its timeout=500)");
    expect(endless.wallMs).toBeGreaterThanOrEqual(2500 + 1500);
    await context.close();
  });

  it("notices a frame killed by a snippet that exhausts memory, and every snippet runs again", async () => {
    // A small V8 heap makes the sandbox's renderer run out of memory in seconds. The frame is an
    // out-of-process iframe, so only it dies; Playwright then wrongly marks the page as crashed,
    // so the page is driven through a CDP session of its own from here on.
    const browser = await launchChromium(["--js-flags=--max-old-space-size=128"]);
    try {
      const { page } = await open("day/16/", browser);
      const evaluate = cdpEvaluate(await context.newCDPSession(page));
      const snippets = [await bakedSnippet(evaluate, 0), await bakedSnippet(evaluate, 1)];
      const bomb = await runSnippetAt(evaluate, 0, "let list = null;\nfor (;;) list = { list, pad: [1, 2, 3, 4, 5, 6, 7, 8] };", 30_000);
      expect(bomb.output).toBe(SANDBOX_STOPPED);
      expect(bomb.status).toMatch(/^Stopped after \d+ ms$/);
      expect(bomb.wallMs, "noticed by the missing heartbeat, long before the run's deadline").toBeLessThan(SILENCE_MS + 30_000);
      for (const [index, snippet] of snippets.entries()) {
        const again = await runSnippetAt(evaluate, index, snippet.js, 2000);
        expect(again.output, `snippet ${index + 1} after the crash`).toBe(snippet.output);
        expect(again.status).toMatch(/^Ran in \d+ ms$/);
      }
      expect(await evaluate('document.querySelectorAll("iframe.snippet-sandbox").length')).toBe(1);
    } finally {
      await browser.close();
    }
  }, 120_000);

  describe("/runner/sandbox.html outside the journal's pages", () => {
    let foreign: Server;
    let foreignUrl = "";
    const RAN = "RAN IN THE JOURNAL'S SANDBOX";
    beforeAll(async () => {
      const workerSource = readFileSync(path.join(session.build.outDir, "runner/worker.js"), "utf8");
      const sandboxUrl = `${session.site.url}runner/sandbox.html`;
      foreign = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(foreignFramerPage(sandboxUrl, workerSource, `console.log(${JSON.stringify(RAN)})`));
      });
      await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
      foreignUrl = `http://127.0.0.1:${(foreign.address() as { port: number }).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

    it("runs nothing for a page of another origin that frames it, with or without a sandbox", async () => {
      context = await session.browser.newContext();
      const page = await context.newPage();
      await page.goto(foreignUrl);
      await page.waitForTimeout(3000);
      const frames = page.frames().filter((f) => f.url().endsWith("/runner/sandbox.html"));
      expect(frames).toHaveLength(4);
      for (const frame of frames) {
        expect(await frame.evaluate(() => document.getElementById("status")?.textContent)).toMatch(/It runs nothing here/);
      }
      expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
      await context.close();
    });

    it("runs nothing when opened directly or framed by a journal page without a sandbox", async () => {
      context = await session.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${session.site.url}runner/sandbox.html`);
      expect(await page.locator("#status").textContent()).toMatch(/It runs nothing here: it is not in a sandboxed frame/);
      await page.goto(`${session.site.url}day/16/`);
      const received = await page.evaluate(
        async ([src, workerSource, js]) => {
          const got: unknown[] = [];
          const frame = document.createElement("iframe");
          frame.src = src!;
          const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
          document.body.append(frame);
          await loaded;
          addEventListener("message", (e) => got.push(e.data));
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => got.push(e.data);
          frame.contentWindow!.postMessage({ daybook: "sandbox-port", workerSource }, "*", [channel.port2]);
          channel.port1.postMessage({ kind: "run", nonce: "n", js, timeout: 1000, inputs: "{}" });
          await new Promise((resolve) => setTimeout(resolve, 2000));
          return got;
        },
        [`${session.site.url}runner/sandbox.html`, readFileSync(path.join(session.build.outDir, "runner/worker.js"), "utf8"), `console.log(${JSON.stringify(RAN)})`],
      );
      expect(received).toEqual([]);
      await context.close();
    });
  });
});
