// Runs inside a classic Web Worker, created from a blob: URL inside the sandboxed iframe.
// Bundled on its own (see src/integration/snippets/runner-bundle.ts); it never touches the page.
import * as sim from "../../sim/index.ts";
import { runSnippet, type SnippetFunction } from "../../runtime/run-snippet.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ js: string }>) => void) | null;
  postMessage(message: unknown): void;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope & Record<string, unknown> & { Math: Math };

scope.onmessage = async ({ data }) => {
  // The snippet becomes a blob: module; its first line shares the wrapper's line, so lines match the source.
  const source = `export default async function (require, exports, module) {${data.js}\n}`;
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const result = await runSnippet(
    data.js,
    {
      global: scope,
      modules: { "daybook/sim": sim },
      onUnhandledRejection: (handler) =>
        scope.addEventListener("unhandledrejection", (event) => {
          event.preventDefault();
          handler(event.reason);
        }),
      compile: async () => ((await import(/* @vite-ignore */ url)) as { default: SnippetFunction }).default,
    },
    url,
  );
  scope.postMessage(result);
};
