/**
 * MessageChannel and streams through the real runtime (a snippet host, whose loop drives the
 * virtual clock): a message is a task of its own, after the current task's microtasks and in
 * posting order, as in Node; the same code run on Node's native MessageChannel and streams in
 * this process logs the same. Orders that depend on real time in Node (a message against a timer)
 * are checked against the virtual clock only.
 */
import { afterAll, describe, expect, test } from "vitest";
import { SnippetPool } from "../../src/integration/snippets/snippet-pool.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";

const pool = new SnippetPool({ size: 1 });
afterAll(() => pool.close());

/** Generous: a case is never stopped for being slow. */
const TIMEOUT_MS = 20_000;

async function inRuntime(code: string): Promise<string> {
  const result = await pool.run(transpileSnippet(`const log: unknown[] = [];\n${code}\nconsole.log(log.join("\\n"));`), TIMEOUT_MS);
  return result.output;
}

/** The same code on this process's native APIs (Node's event loop and MessageChannel). */
async function inNode(code: string): Promise<string> {
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (log: unknown[]) => Promise<void>;
  const log: unknown[] = [];
  await new AsyncFunction("log", code)(log);
  return log.join("\n");
}

/** Each case awaits its own last event (never a timer), so Node's real timing cannot reorder it. */
const sameAsNode: Record<string, string> = {
  "a message comes after the microtasks of the task that posted it": `
    const { port1, port2 } = new MessageChannel();
    const got = new Promise((resolve) => (port1.onmessage = (e) => { log.push("message " + e.data); resolve(0); }));
    port2.postMessage(1);
    Promise.resolve().then(() => log.push("microtask 1")).then(() => log.push("microtask 2"));
    queueMicrotask(() => log.push("queueMicrotask"));
    log.push("sync");
    await got;
    port1.close();`,
  "messages arrive in order, each as its own task": `
    const { port1, port2 } = new MessageChannel();
    let n = 0;
    const done = new Promise((resolve) => (port1.onmessage = (e) => {
      log.push("message " + e.data);
      Promise.resolve().then(() => log.push("microtask after " + e.data));
      if (++n === 3) resolve(0);
    }));
    port2.postMessage("a"); port2.postMessage("b"); port2.postMessage("c");
    await done;
    port1.close();`,
  "a ping-pong round trip": `
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = (e) => port2.postMessage(e.data * 2);
    const answers = [];
    const done = new Promise((resolve) => (port1.onmessage = (e) => { answers.push(e.data); if (e.data < 100) port1.postMessage(e.data); else resolve(0); }));
    port1.postMessage(3);
    await done;
    log.push(answers.join(","));
    port1.close(); port2.close();`,
  "data is cloned when posted; transferred buffers are detached": `
    const { port1, port2 } = new MessageChannel();
    const data = { list: [1, 2], when: new Date(0), map: new Map([["k", new Set([1])]]) };
    const buffer = new ArrayBuffer(16);
    const got = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    port2.postMessage({ data, buffer }, [buffer]);
    data.list.push(3);
    const received = await got;
    log.push(JSON.stringify(received.data.list), received.data.when.getTime(), [...received.data.map.get("k")].join(), received.buffer.byteLength, buffer.byteLength, received.data === data);
    port1.close();`,
  "a port given through addEventListener hears nothing until start()": `
    const { port1, port2 } = new MessageChannel();
    const got = new Promise((resolve) => port1.addEventListener("message", (e) => { log.push("heard " + e.data); resolve(0); }));
    port2.postMessage("early");
    await Promise.resolve();
    log.push("starting");
    port1.start();
    await got;
    port1.close();`,
  "errors are thrown by postMessage itself": `
    const { port1, port2 } = new MessageChannel();
    for (const bad of [() => port1.postMessage(() => 1), () => port1.postMessage(Symbol("s")), () => port1.postMessage(1, [port1])]) {
      try { bad(); log.push("no error"); } catch (e) { log.push(e.name); }
    }
    port1.close(); port2.close();`,
  "streams: a pipe through a TransformStream, a tee and Blob contents": `
    const upper = new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } });
    const out = [];
    const source = new ReadableStream({ start(c) { for (const w of ["a", "b", "c"]) c.enqueue(w); c.close(); } });
    await source.pipeThrough(upper).pipeTo(new WritableStream({ write(chunk) { out.push(chunk); } }));
    const [left, right] = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } }).tee();
    const blob = new Blob(["hé", new Uint8Array([33])]);
    const streamed = [];
    for await (const chunk of blob.stream()) streamed.push(...chunk);
    log.push(out.join(""), (await left.getReader().read()).value, (await right.getReader().read()).value, await blob.text(), streamed.join());`,
  "a MessageChannel round trip carries a stream's output": `
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = async (e) => {
      const text = await new Blob([e.data]).text();
      port2.postMessage(text.split("").reverse().join(""));
    };
    const reply = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    const chunks = [];
    for await (const chunk of new ReadableStream({ start(c) { c.enqueue("ab"); c.enqueue("cd"); c.close(); } })) chunks.push(chunk);
    port1.postMessage(chunks.join(""));
    log.push(await reply);
    port1.close(); port2.close();`,
};

describe("the same order and results as Node's native MessageChannel and streams", () => {
  test.each(Object.keys(sameAsNode))("%s", async (name) => {
    const code = sameAsNode[name]!;
    const expected = await inNode(code);
    expect(expected).not.toBe("");
    expect(await inRuntime(code)).toBe(expected);
  });
});

describe("messages on the virtual clock", () => {
  test("a message is delivered at the current virtual time, before a later timer and after an earlier zero-delay one", async () => {
    const output = await inRuntime(`
      const start = performance.now();
      setTimeout(() => log.push("timeout 0 at " + (performance.now() - start)), 0);
      setTimeout(() => log.push("timeout 10 at " + (performance.now() - start)), 10);
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (e) => { log.push("message " + e.data + " at " + (performance.now() - start)); port1.close(); };
      port2.postMessage(1);
      await new Promise((r) => setTimeout(r, 20));`);
    expect(output).toBe("timeout 0 at 0\nmessage 1 at 0\ntimeout 10 at 10");
  });

  test("a snippet waiting only for a message finishes; one waiting for a message nobody sends is reported", async () => {
    expect(await inRuntime(`const { port1, port2 } = new MessageChannel(); log.push(await new Promise((r) => { port1.onmessage = (e) => r(e.data); port2.postMessage("done"); }));`)).toBe("done");
    const never = await pool.run(transpileSnippet(`const { port1 } = new MessageChannel(); await new Promise((r) => (port1.onmessage = r));`), TIMEOUT_MS);
    expect(never.error).toBe("Error: the snippet never finished: it awaits a promise that nothing resolves");
  });

  test("closing a port drops what it had not delivered", async () => {
    expect(await inRuntime(`const { port1, port2 } = new MessageChannel(); port1.onmessage = (e) => log.push(e.data); port2.postMessage("lost"); port1.close(); await new Promise((r) => setTimeout(r, 5)); log.push("end");`)).toBe("end");
  });

  test("a transferred port keeps its entanglement and unread messages", async () => {
    const output = await inRuntime(`
      const a = new MessageChannel(), b = new MessageChannel();
      b.port1.postMessage("waiting in the moved port");
      const moved = new Promise<MessagePort>((r) => (a.port2.onmessage = (e) => r(e.ports[0]!)));
      a.port1.postMessage("here", [b.port2]);
      const port = await moved;
      log.push(String(port instanceof MessagePort), await new Promise((r) => (port.onmessage = (e) => r(e.data))) as string);
      b.port1.postMessage("after");
      log.push(await new Promise((r) => (port.onmessage = (e) => r(e.data))) as string);`);
    expect(output).toBe("true\nwaiting in the moved port\nafter");
  });
});
