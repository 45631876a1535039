// Snippets an attacker would commit: each tries one route out of the snippet's realm to the
// build's `process`. A probe prints exactly "blocked" when the route fails; when it succeeds it
// reads the secret environment variable, writes it to `marker`, runs `id`, and prints "ESCAPED",
// so a test sees the escape both in the output and as a side effect on disk.
// Every probe type-checks under the snippets' strict settings (they go into a fixture journal too).

export interface EscapeProbe {
  name: string;
  /** The probe's TypeScript; `attempt(() => …)` must return the build's process object to escape. */
  route: string;
}

/** The probes' shared preamble: what an escaped snippet would do with `process`. */
export function probePreamble(marker: string): string {
  return `const attempt = (get: () => unknown): void => {
  let found: any;
  try { found = get(); } catch { found = undefined; }
  if (found && typeof found === "object" && typeof found.getBuiltinModule === "function") {
    try { found.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, String(found.env.DAYBOOK_PROBE_SECRET)); } catch {}
    try { found.getBuiltinModule("node:child_process").execSync("id"); } catch {}
    console.log("ESCAPED");
  } else console.log("blocked");
};`;
}

export function probeSnippet(probe: EscapeProbe, marker: string): string {
  return `${probePreamble(marker)}\n${probe.route}`;
}

const viaConstructor = (expression: string) => `attempt(() => (${expression} as any).constructor.constructor("return process")());`;

export const ESCAPE_PROBES: EscapeProbe[] = [
  { name: "console.log's constructor", route: viaConstructor("console.log") },
  { name: "the console object's constructor", route: `attempt(() => (console as any).constructor.constructor("return process")());` },
  { name: "setTimeout's constructor", route: viaConstructor("setTimeout") },
  { name: "a timer handle's constructor", route: viaConstructor("setTimeout(() => {}, 1)") },
  { name: "Date's constructor", route: viaConstructor("Date") },
  { name: "performance.now's constructor", route: viaConstructor("performance.now") },
  { name: "queueMicrotask's constructor", route: viaConstructor("queueMicrotask") },
  { name: "structuredClone and the value it returns", route: `${viaConstructor("structuredClone")}\n${viaConstructor("structuredClone({ a: 1 })")}` },
  { name: "TextEncoder and the bytes it returns", route: `${viaConstructor("TextEncoder")}\n${viaConstructor("new TextEncoder().encode('x')")}` },
  { name: "URL and URLSearchParams", route: `${viaConstructor("new URL('https://example.com/')")}\n${viaConstructor("new URLSearchParams('a=1')")}` },
  { name: "AbortController and its signal", route: `${viaConstructor("new AbortController()")}\n${viaConstructor("new AbortController().signal")}` },
  { name: "atob and btoa", route: `${viaConstructor("atob")}\n${viaConstructor("btoa")}` },
  { name: "the daybook/sim module and a value it returns", route: `import * as sim from "daybook/sim";\n${viaConstructor("sim")}\n${viaConstructor("sim.createRandom")}\n${viaConstructor("sim.createRandom(1)")}` },
  { name: "an error the runtime throws into the snippet", route: `attempt(() => { try { require("node:fs"); } catch (error) { return (error as any).constructor.constructor("return process")(); } });\ndeclare const require: (id: string) => unknown;` },
  { name: "the global object's constructor", route: viaConstructor("globalThis") },
  { name: "the async function constructor", route: `attempt(() => (Object.getPrototypeOf(async () => {}) as any).constructor("return process")());` },
  { name: "eval", route: `attempt(() => (0, eval)("process"));` },
  { name: "new Function", route: `attempt(() => new Function("return process")());` },
  { name: "stack-trace call sites (Error.prepareStackTrace)", route: `attempt(() => {
  (Error as any).prepareStackTrace = (_e: unknown, sites: any[]) => sites;
  const sites: any[] = (new Error("x") as any).stack;
  (Error as any).prepareStackTrace = undefined;
  for (const site of sites) {
    for (const value of [site.getThis?.(), site.getFunction?.()]) {
      try { const p = value?.constructor?.constructor("return process")(); if (p) return p; } catch {}
    }
  }
  return undefined;
});` },
  { name: "a caller up the stack (Function.prototype.caller)", route: `attempt(() => { function probe(this: unknown): unknown { let f: any = probe; for (let i = 0; i < 20 && f; i++) { try { f = f.caller; const p = f?.constructor?.constructor("return process")(); if (p) return p; } catch { return undefined; } } return undefined; } return probe(); });` },
  { name: "a timer callback's caller", route: `await new Promise<void>((resolve) => setTimeout(function tick() { attempt(() => (tick as any).caller?.constructor?.constructor("return process")()); resolve(); }, 1));` },
  { name: "dynamic import()", route: `attempt(() => undefined);\ntry { await import("node:fs" as string); console.log("ESCAPED import"); } catch (error) { try { (error as any).constructor.constructor("return process")(); console.log("ESCAPED error"); } catch {} }` },
  { name: "free names of Node's globals", route: `attempt(() => { const g = globalThis as any; return g.process ?? g.global?.process ?? g.require?.("process") ?? g.module?.require?.("process") ?? g.Buffer?.constructor("return process")(); });` },
  { name: "WebAssembly compilation", route: `attempt(() => { try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return { getBuiltinModule: () => { throw new Error(); } }; } catch { return undefined; } });` },
];
