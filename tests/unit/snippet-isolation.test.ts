// Attacks on the build's snippet host, run through it directly: realm escapes, the process walls
// behind the realm (tried by code running in the host's own realm, as an escaped snippet would),
// limits, and one snippet changing another. Every probe must be blocked with no side effect.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SnippetPool, snippetHostArgs } from "../../src/integration/snippets/snippet-pool.ts";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { ESCAPE_PROBES, probeSnippet } from "../helpers/escape-probes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "daybook-probe-secret-4d1f";
const scratch = mkdtempSync(path.join(tmpdir(), "daybook-isolation-"));
const marker = path.join(scratch, "escaped.txt");

let pool: SnippetPool;
beforeAll(() => {
  // The build's own environment holds a secret; the hosts must never see it.
  process.env.DAYBOOK_PROBE_SECRET = SECRET;
  pool = new SnippetPool({ size: 1 });
});
afterAll(async () => {
  delete process.env.DAYBOOK_PROBE_SECRET;
  await pool.close();
});

const run = (ts: string, timeout = 5_000) => pool.run(transpileSnippet(ts), timeout);

describe("a snippet cannot reach the build's realm", () => {
  it.each(ESCAPE_PROBES.map((probe) => [probe.name, probe] as const))("through %s", async (_name, probe) => {
    const result = await run(probeSnippet(probe, marker));
    expect(result.error).toBeUndefined();
    expect(result.output.split("\n").every((line) => line === "blocked")).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("sees only ECMAScript built-ins and what Daybook's runtime made in its own realm", async () => {
    const result = await run("const g = globalThis as any;\nconsole.log([g.process, g.require, g.module, g.Buffer, g.global, g.XMLHttpRequest, g.WebSocket, g.SharedArrayBuffer].map((x) => typeof x).join(' '));\nawait fetch('http://127.0.0.1:1/').catch((e: Error) => console.log(e.name + ': ' + e.message));");
    expect(result.output).toBe(`${Array(8).fill("undefined").join(" ")}\nTypeError: snippets have no network access`);
  });
});

describe("the host process's walls, tried from its own realm", () => {
  // Code run exactly as a snippet host is started, but in the host's realm: what an escaped snippet could do.
  const inHost = (body: string) => {
    const program = `(async () => { const out = {}; const attempt = async (name, f) => { try { out[name] = "allowed: " + String(await f()).slice(0, 40); } catch (e) { out[name] = "denied: " + (e.code || e.message); } }; ${body}; console.log(JSON.stringify(out)); })();`;
    const child = spawnSync(process.execPath, snippetHostArgs(program), { env: {}, encoding: "utf8", timeout: 30_000 });
    return JSON.parse(child.stdout) as Record<string, string>;
  };

  it("has an empty environment", () => {
    process.env.DAYBOOK_PROBE_SECRET = SECRET;
    expect(inHost(`await attempt("env", () => Object.keys(process.env).length === 0 ? (() => { throw new Error("empty"); })() : Object.keys(process.env).join())`)).toEqual({ env: "denied: empty" });
  });

  it("cannot read the repository or write anywhere", () => {
    const target = path.join(scratch, "written.txt");
    const result = inHost(`const fs = require("node:fs");
      await attempt("read", () => fs.readFileSync(${JSON.stringify(path.join(ROOT, "package.json"))}, "utf8"));
      await attempt("list", () => fs.readdirSync(${JSON.stringify(ROOT)}));
      await attempt("write", () => fs.writeFileSync(${JSON.stringify(target)}, "x"));
      await attempt("writePublic", () => fs.appendFileSync(${JSON.stringify(path.join(ROOT, "public", "escaped.txt"))}, "x"))`);
    expect(result).toEqual({ read: "denied: ERR_ACCESS_DENIED", list: "denied: ERR_ACCESS_DENIED", write: "denied: ERR_ACCESS_DENIED", writePublic: "denied: ERR_ACCESS_DENIED" });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(path.join(ROOT, "public", "escaped.txt"))).toBe(false);
  });

  it("cannot start processes, workers, addons or the inspector", () => {
    const result = inHost(`await attempt("spawn", () => require("node:child_process").execSync("id"));
      await attempt("worker", () => new (require("node:worker_threads").Worker)("1", { eval: true }));
      await attempt("addon", () => process.dlopen({ exports: {} }, "/nonexistent.node"));
      await attempt("inspector", () => require("node:inspector").open(0))`);
    expect(result.spawn).toBe("denied: ERR_ACCESS_DENIED");
    expect(result.worker).toBe("denied: ERR_ACCESS_DENIED");
    expect(result.addon).toMatch(/^denied: ERR_(DLOPEN_DISABLED|ACCESS_DENIED)/);
    expect(result.inspector).toBe("denied: ERR_ACCESS_DENIED");
  });

  it("cannot connect to the network", async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const result = inHost(`await attempt("connect", () => new Promise((resolve, reject) => { const s = require("node:net").connect(${port}, "127.0.0.1"); s.on("connect", () => { s.destroy(); resolve("connected"); }); s.on("error", reject); }))`);
    await new Promise((resolve) => server.close(resolve));
    expect(result.connect).toBe("denied: ERR_ACCESS_DENIED");
    expect(connections).toBe(0);
  });
});

describe("limits", () => {
  it("stops a heap bomb, reports it, and the next snippet runs", async () => {
    const result = await run("const hoard: string[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill('x'));", 30_000);
    expect(result.error).toMatch(/RangeError: the snippet ran out of memory|more than 30000 ms of CPU time/);
    expect((await run("console.log(6 * 7);")).output).toBe("42");
  }, 60_000);

  it.each([
    ["a 1 GiB ArrayBuffer", "new ArrayBuffer(2 ** 30);"],
    ["a 1 GiB typed array", "new Uint8Array(2 ** 30);"],
    ["many 8 MiB buffers", "const keep: Uint8Array[] = [];\nfor (let i = 0; i < 200; i++) keep.push(new Uint8Array(8 * 2 ** 20));"],
  ])("stops %s with a RangeError before it is allocated", async (_name, code) => {
    const result = await run(code, 30_000);
    expect(result.error).toMatch(/^RangeError: .*(allocat|buffer)/i);
    expect(result.stopped).toBeUndefined();
  }, 60_000);

  it.each([
    ["a loop that never yields", "while (true) {}"],
    ["a loop of microtasks", "for (;;) await null;"],
    ["a loop of promise callbacks", "const spin = (): Promise<void> => Promise.resolve().then(spin);\nawait spin();"],
  ])("stops %s at its timeout, and the next snippet runs", async (_name, code) => {
    const result = await run(code, 300);
    expect(result.error).toBe("Error: the snippet used more than 300 ms of CPU time and was stopped; if it needs longer, raise timeout=300 on its fence (at most 60000)");
    expect((await run("console.log('alive');")).output).toBe("alive");
  });
});

describe("the build's CPU budget for snippets", () => {
  it("does not run snippets past it, and names the slowest", async () => {
    const busy = (n: number) => `\`\`\`ts run timeout=60000\nlet x = 0;\nfor (let i = 0; i < ${n}; i++) x += i % 7;\nconsole.log(x > 0);\n\`\`\`\n\n\`\`\`output\ntrue\n\`\`\`\n`;
    const files = [1, 2, 3, 4, 5, 6].map((i) => ({ path: `content/days/00${i}.mdx`, text: busy(20_000_000 + i) }));
    const report = await checkSnippets(files, { root: ROOT, cacheFile: path.join(scratch, "budget-cache.json"), cpuBudgetMs: 30 });
    const over = report.problems.filter((p) => p.message.includes("CPU budget"));
    expect(over).toEqual([expect.objectContaining({ message: expect.stringMatching(/used their CPU budget of 0 s for one build, so [1-5] of them did not run; the slowest: content\/days\/00\d\.mdx:1 \(\d+\.\d s\)/), fix: expect.stringContaining("snippetCpuBudgetMs") })]);
    expect(report.ran).toBeGreaterThanOrEqual(1);
    expect(report.ran).toBeLessThan(6);
  }, 120_000);
});

describe("one snippet cannot change another", () => {
  it("starts every snippet in a fresh realm, whatever the last one patched", async () => {
    await run(`(URL.prototype as any).toString = () => "patched";
(Array.prototype as any).join = () => "patched";
(Object.prototype as any).polluted = true;
(console as any).log = () => {};
(Math as any).random = () => 0;
(globalThis as any).leak = 1;`);
    const result = await run("console.log([1, 2].join('-'), String(new URL('https://a.example/')), ({} as any).polluted, typeof (globalThis as any).leak, Math.random() === 0);");
    expect(result.output).toBe("1-2 https://a.example/ undefined undefined false");
  });
});

describe("what the build runs", () => {
  it("does not run a snippet whose type-check fails", async () => {
    const cacheFile = path.join(scratch, "cache.json");
    const text = `\`\`\`ts run\nconst n: number = "two";\n${probeSnippet(ESCAPE_PROBES[0]!, marker)}\n\`\`\`\n\n\`\`\`output\nblocked\n\`\`\`\n`;
    const report = await checkSnippets([{ path: "content/days/001.mdx", text }], { root: ROOT, cacheFile });
    expect(report.ran).toBe(0);
    expect(report.runs).toEqual([]);
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining("type error") })]);
  }, 60_000);

  it("left nothing behind in the scratch folder", () => {
    expect(readdirSync(scratch).filter((name) => !name.endsWith("cache.json"))).toEqual([]);
  });
});
