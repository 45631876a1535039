// Runs in a worker thread of `npm run dev` or a build (see typecheck-thread.ts): type-checks
// snippets off the main thread, keeping TypeScript's parsed library files from one check to the
// next; a build's whole snippet check runs here too, hosts included.
import { parentPort, workerData } from "node:worker_threads";
import type { Snippet } from "../snippets/snippet-extract.ts";
import { DEFAULT_TIMEOUT } from "../snippets/snippet-extract.ts";
import { typecheckSnippets } from "../snippets/snippet-typecheck.ts";
import { checkSnippets } from "../snippets/snippet-check.ts";
import type { ThreadCheck } from "./typecheck-thread.ts";

const { root } = workerData as { root: string };

type Request = { id: number } & ({ snippets: Snippet[]; helpers: "checked" | "trusted" } | { check: ThreadCheck });

parentPort!.on("message", async (request: Request) => {
  const { id } = request;
  try {
    if ("check" in request) {
      // Type-checked here, with the helper library, as a build does; run in hosts fed from here.
      const { files, cacheFile, cpuBudgetMs } = request.check;
      parentPort!.postMessage({ id, report: await checkSnippets(files, { root, cacheFile, ...(cpuBudgetMs !== undefined && { cpuBudgetMs }) }) });
      return;
    }
    // The helper library is Daybook's own code, checked by every build and `npm run check`: a
    // save's check looks at the saved snippets alone ("trusted"); a build's checks it too.
    parentPort!.postMessage({ id, problems: typecheckSnippets(request.snippets, root, { helpers: request.helpers }) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});

// Warm-up: loading TypeScript and parsing its library files is most of a first check's time. A
// check sent meanwhile waits in the queue; a failure here is left to the real checks to report.
try {
  typecheckSnippets([{ file: "(warm-up)", line: 1, code: "export {};", meta: { timeout: DEFAULT_TIMEOUT, throws: false }, closeIndex: 2 }], root);
} catch {
  // reported by the check that needs the type checker
}
