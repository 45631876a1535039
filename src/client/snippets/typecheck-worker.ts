// The editor's type-check worker: TypeScript's language service over one snippet, with the
// build's compiler (loaded from /editor/typescript.js, the same `typescript` package), options,
// library files, `daybook/sim` sources and realm check (typecheck-service.ts). It never runs the
// code; it only reads it and answers with text.
//
// Speed on a reader's first edit is what shapes it: the worker script is small, so it starts at
// once; the page fetches and parses the library files (typecheck-files.json) while the compiler
// is fetched and compiled here, and hands them over; then the Program is built (parsing and
// binding ~1.4 MB of library files is most of the time) and only then does the worker say
// "ready", so the page can send its newest request instead of a queue of stale ones
// (typecheck-client.ts). No snippet is checked before that: a reader who typed at once has a
// check waiting, and checking anything else first would only delay it (the page sends a
// warm-up check itself when it has nothing waiting).
import type TS from "typescript";
import { createSnippetService, type SnippetService } from "./typecheck-service.ts";
import type { TypecheckFiles, TypecheckFilesMessage, TypecheckRequest, TypecheckResponse } from "./typecheck-protocol.ts";

declare const self: { postMessage(message: TypecheckResponse): void; onmessage: ((event: { data: TypecheckRequest | TypecheckFilesMessage }) => void) | null; location: { href: string } };
declare function importScripts(...urls: string[]): void;
declare const ts: typeof TS;

const here = (file: string) => new URL(file, self.location.href).href;
// The page fetches them, not this worker: a fetch here would stall while importScripts blocks the
// thread (the browser stops downloading a body nobody reads), adding ~250 ms after the compiler.
let receive!: (message: TypecheckFilesMessage) => void;
const files = new Promise<TypecheckFilesMessage>((resolve) => (receive = resolve)).then((message): TypecheckFiles => {
  if ("error" in message) throw new Error(`typecheck-files.json: ${message.error}`);
  return message.files;
});
let service: SnippetService | undefined;

self.onmessage = ({ data }) => {
  if (data.kind === "files") return receive(data);
  let response: TypecheckResponse;
  try {
    if (!service) throw new Error("the type checker is not ready");
    if (data.kind === "check") response = { id: data.id, kind: "check", diagnostics: service.check(data.code) };
    else if (data.kind === "info") response = { id: data.id, kind: "info", info: service.info(data.code, data.pos) };
    else response = { id: data.id, kind: "complete", completions: service.complete(data.code, data.pos) };
  } catch (error) {
    response = { id: data.id, kind: "failed", message: String((error as Error)?.message ?? error) };
  }
  self.postMessage(response);
};

try {
  importScripts(here("typescript.js"));
  files
    .then((loaded) => {
      const ready = createSnippetService(ts, loaded);
      ready.prepare();
      service = ready;
      self.postMessage({ kind: "ready" });
    })
    .catch((error: Error) => self.postMessage({ kind: "unavailable", message: error.message }));
} catch (error) {
  self.postMessage({ kind: "unavailable", message: `the compiler did not load: ${(error as Error).message}` });
}
