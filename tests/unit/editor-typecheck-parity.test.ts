// The editor's type checker (the worker's service, run here on Node's copy of the same
// `typescript` package, with the files the page fetches) says what the build says about a
// snippet: the same messages at the same lines, the realm check on worker globals included.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createSnippetService } from "../../src/client/snippets/typecheck-service.ts";
import { typecheckFiles } from "../../src/integration/snippets/editor-bundle.ts";
import type { Snippet } from "../../src/integration/snippets/snippet-extract.ts";
import { typecheckSnippets } from "../../src/integration/snippets/snippet-typecheck.ts";

const ROOT = process.cwd();
const FENCE_LINE = 10;

const CASES: Record<string, string> = {
  fine: 'import { createSim } from "daybook/sim";\nconsole.log(typeof createSim, [1, 2].map((n) => n * 2));',
  "a type error": 'const greeting = "hi";\nconst n: number = "five";\nconsole.log(greeting, n);',
  "a chained message": "const a: { a: number } = { a: 1 };\nconst b: { a: string } = a;\nconsole.log(b);",
  "a missing export of daybook/sim": 'import { nope } from "daybook/sim";\nconsole.log(nope);',
  "a figure from daybook/show": 'import { show } from "daybook/show";\nimport { createSim } from "daybook/sim";\nshow.line("L", { name: "s", points: [[0, 1]] });\nshow.sequence("S", createSim({ seed: 1 }));',
  "a figure given the wrong data": 'import { show } from "daybook/show";\nshow.bar("B", { a: "one" });\nshow.pie("P", []);',
  "worker globals a snippet lacks": 'console.log(1);\nself.postMessage(1);\npostMessage(2);\nimportScripts("x.js");\nconst ws = new WebSocket("ws://example");\nconsole.log(ws);',
  "a worker class extended": "class W extends Worker {}\nconsole.log(W);",
  "performance beyond now": 'const t = performance.now();\nperformance.mark("x");\nconsole.log(t);',
  "a shorthand property": "const o = { location };\nconsole.log(o);",
  "typeof of a missing global": "console.log(typeof self, typeof document, typeof process);",
  "a DOM and a Node name": "const d = document;\nconst p = process;\nconsole.log(d, p);",
  "syntax the build refuses": "enum Colour { Red }\nnamespace Config {\n  export const retries = 3;\n}\nconsole.log(Colour, Config);",
  "a cast the build allows": "const n = <number>(1 as unknown);\nconsole.log(n);",
  "a syntax error": "const = 1;\nconsole.log(1);",
  "a worker type in an annotation": 'let ws: WebSocket | undefined;\nlet make: typeof WebSocket | undefined;\nconsole.log(ws, make, typeof WebSocket);',
  "a left-out Web type in a cast and an implements": 'const target = new EventTarget();\ntarget.addEventListener("ping", (event) => console.log((event as CustomEvent).detail ?? null));\nclass Ticker implements CustomEvent {\n  handleEvent() {}\n}\nconsole.log(new Ticker());\nclass Socket extends WebSocket {}\nconsole.log(Socket);',
  "an object a snippet cannot make": "const canvas = new OffscreenCanvas(1, 1);\nconsole.log(canvas);",
  "a transfer list": "const buffer = new ArrayBuffer(8);\nconst copy = structuredClone({ buffer }, { transfer: [buffer] });\nstructuredClone(1, { transfer: [42] });\nconsole.log(copy);",
  "the Web APIs a snippet has": 'const url = new URL("https://example.com/a?b=1");\nconst bytes = new TextEncoder().encode(url.searchParams.get("b") ?? "");\nconst controller = new AbortController();\nconst response: Promise<Response> = fetch(url, { signal: controller.signal });\nconsole.log(bytes, crypto.randomUUID(), performance.now(), response);',
};

/** The build's problems for one snippet, as `line: message` with lines counted inside the snippet. */
function build(code: string): string[] {
  const snippet: Snippet = { file: "content/days/day-1.mdx", line: FENCE_LINE, code, meta: { timeout: 2000, throws: false }, closeIndex: 0 };
  return typecheckSnippets([snippet], ROOT)
    .map((p) => ({ line: p.line! - FENCE_LINE, message: p.message }))
    .sort((a, b) => a.line - b.line || a.message.localeCompare(b.message))
    .map((p) => `${p.line}: ${p.message}`);
}

describe("the editor's type checker and the build agree", () => {
  const service = createSnippetService(ts, typecheckFiles(ROOT));
  /** The page's diagnostics in the build's words: TypeScript's own messages carry the build's prefix and code. */
  const page = (code: string) =>
    service
      .check(code)
      .map((d) => ({ line: d.line, message: d.code && !d.message.endsWith("does not exist where snippets run") ? `type error in a runnable snippet: ${d.message} (TS${d.code})` : d.message }))
      .sort((a, b) => a.line - b.line || a.message.localeCompare(b.message))
      .map((d) => `${d.line}: ${d.message}`);

  it.each(Object.entries(CASES))("%s", (_name, code) => {
    expect(page(code)).toEqual(build(code));
  });

  it("reports what the build reports about worker globals (the cases above are not vacuous)", () => {
    // `self` is not declared at all (the snippets' web library leaves it out), so nothing is said about its members.
    expect(page(CASES["worker globals a snippet lacks"]!)).toEqual(["2: `self` does not exist where snippets run", "3: `postMessage` does not exist where snippets run", "4: `importScripts` does not exist where snippets run", "5: `WebSocket` does not exist where snippets run"]);
    expect(page(CASES["performance beyond now"]!)).toEqual(["2: `performance.mark` does not exist where snippets run (of `performance`, snippets have `now`)"]);
    expect(page(CASES.fine!)).toEqual([]);
    expect(page(CASES["the Web APIs a snippet has"]!)).toEqual([]);
    // Named as a type, a left-out Web type is no error (types are erased before a snippet runs); as a value, it is.
    expect(page(CASES["a worker type in an annotation"]!)).toEqual([]);
    expect(page(CASES["a left-out Web type in a cast and an implements"]!)).toEqual(["7: `WebSocket` does not exist where snippets run"]);
    expect(page(CASES["an object a snippet cannot make"]!)).toEqual(["1: `OffscreenCanvas` does not exist where snippets run"]);
    // Only an ArrayBuffer (or a stream or port) can be transferred from a snippet: the types say so as TypeScript's full library does.
    expect(page(CASES["a transfer list"]!).map((d) => d.split(":")[0])).toEqual(["3"]);
    expect(page(CASES["a figure from daybook/show"]!)).toEqual([]);
    expect(page(CASES["a figure given the wrong data"]!).map((d) => d.split(":")[0])).toEqual(["2", "3"]);
    expect(page(CASES["a chained message"]!)[0]).toContain("\n  ");
  });
});
