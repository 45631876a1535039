// Starts the editor's type-check worker the moment a reader presses Edit, before the editor's
// own code has loaded: the compiler and the library files take longer to load than CodeMirror,
// so they set how soon the first diagnostics can show. Small on purpose, as it ships with every
// page that has snippets; typecheck-client.ts takes the worker over.
import type { TypecheckFiles, TypecheckFilesMessage, TypecheckResponse } from "./typecheck-protocol.ts";

const WORKER_URL = `${import.meta.env.BASE_URL.replace(/\/$/, "")}/editor/typecheck-worker.js`;
const FILES_URL = `${import.meta.env.BASE_URL.replace(/\/$/, "")}/editor/typecheck-files.json`;

export interface StartedTypechecker {
  worker: Worker;
  /** Settles when the worker has built its Program ("ready"), or says why it cannot. */
  ready: Promise<void>;
}

let started: StartedTypechecker | Error | undefined;

export function startTypechecker(): StartedTypechecker | Error {
  if (started) return started;
  try {
    const worker = new Worker(WORKER_URL);
    // Fetched and parsed here, and handed over: the worker is busy compiling TypeScript and would
    // read it late, and parsing it there would put the parse between the compiler and the Program.
    fetch(FILES_URL)
      .then((response) => (response.ok ? (response.json() as Promise<TypecheckFiles>) : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(
        (files) => worker.postMessage({ kind: "files", files } satisfies TypecheckFilesMessage),
        (error: Error) => worker.postMessage({ kind: "files", error: error.message } satisfies TypecheckFilesMessage),
      );
    // Listening from the start: a worker's messages are not kept for a listener added later.
    const ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener("message", ({ data }: MessageEvent<TypecheckResponse>) => {
        if (data.kind === "ready") resolve();
        else if (data.kind === "unavailable") reject(new Error(`the type checker could not start: ${data.message}`));
      });
      worker.addEventListener("error", (event) => reject(new Error(`the type checker stopped: ${event.message || "it could not load"}`)));
    });
    ready.catch(() => undefined); // reported by typecheck-client.ts, whenever the editor asks
    started = { worker, ready };
  } catch (error) {
    started = new Error(`the type checker could not start: ${(error as Error).message}`);
  }
  return started;
}
