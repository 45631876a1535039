import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { RunResult } from "../../runtime/run-snippet.ts";
import { SNIPPET_SOURCE } from "../../runtime/run-snippet.ts";
import { bundleSnippetHost, bundleSnippetRuntime } from "./runtime-bundle.ts";
import type { HostInit, HostResult, HostTask } from "./snippet-host.ts";

/** Heap cap per snippet host: a snippet that allocates without bound fails fast instead of swapping. */
export const MEMORY_LIMIT_MB = 128;

/**
 * How a snippet host is started: Node's permission model with nothing allowed (no file system,
 * child processes, workers, addons, WASI or inspector), an empty environment, a small heap, and
 * its program passed on the command line, so it needs to read no file. Exported so tests can
 * start a process exactly like it and check each wall on its own.
 */
export function snippetHostArgs(program: string): string[] {
  return ["--permission", `--max-old-space-size=${MEMORY_LIMIT_MB}`, "--eval", program];
}

interface Job {
  task: HostTask;
  resolve: (result: RunResult) => void;
}

interface Slot {
  child: ChildProcess;
  job?: Job | undefined;
  deadline?: NodeJS.Timeout | undefined;
  stderr: string;
  /** The host's CPU time at its last answer (µs). */
  cpuMicros: number;
}

/**
 * Long-lived snippet hosts, one per core, each running one snippet at a time in a fresh vm
 * context. A host whose snippet timed out, ran out of memory or crashed is replaced.
 */
export class SnippetPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #size: number;
  #nextId = 0;
  #code: Promise<{ host: string; runtime: string }> | undefined;
  #closed = false;
  #cpuMicros = 0;

  constructor(size = Math.max(1, availableParallelism())) {
    this.#size = size;
  }

  run(js: string, timeout: number): Promise<RunResult> {
    return new Promise((resolve) => {
      this.#queue.push({ task: { type: "run", id: this.#nextId++, js, timeout }, resolve });
      void this.#dispatch();
    });
  }

  /** CPU time the hosts have spent so far (ms), as they reported it; a host killed mid-snippet reports nothing more. */
  get cpuMs(): number {
    return this.#cpuMicros / 1000;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const slot of this.#slots) slot.child.kill("SIGKILL");
  }

  async #dispatch(): Promise<void> {
    this.#code ??= Promise.all([bundleSnippetHost(), bundleSnippetRuntime()]).then(([host, runtime]) => ({ host, runtime }));
    const code = await this.#code;
    while (this.#slots.length < Math.min(this.#size, this.#queue.length + this.#busy())) this.#slots.push(this.#spawn(code));
    for (const slot of this.#slots) {
      if (slot.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.deadline = setTimeout(() => this.#replace(slot, `Error: the snippet ran longer than ${job.task.timeout} ms and was stopped`), job.task.timeout);
      slot.child.send(job.task);
    }
  }

  #busy(): number {
    return this.#slots.filter((slot) => slot.job).length;
  }

  #spawn(code: { host: string; runtime: string }): Slot {
    const child = spawn(process.execPath, snippetHostArgs(code.host), { env: {}, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const slot: Slot = { child, stderr: "", cpuMicros: 0 };
    child.unref();
    child.channel?.unref();
    child.stderr!.on("data", (chunk: Buffer) => (slot.stderr = (slot.stderr + chunk.toString()).slice(-4_000)));
    child.on("message", (message: HostResult) => {
      if (typeof message.cpuMicros === "number") {
        this.#cpuMicros += Math.max(0, message.cpuMicros - slot.cpuMicros);
        slot.cpuMicros = message.cpuMicros;
      }
      if (slot.job?.task.id !== message.id) return;
      const { id: _id, cpuMicros: _cpu, ...result } = message;
      if (result.stopped) this.#replace(slot, result.output);
      else this.#finish(slot, result);
    });
    child.on("exit", () => {
      if (this.#closed || !slot.job) return;
      const message = /heap out of memory|allocation failed/i.test(slot.stderr) ? `RangeError: the snippet ran out of memory (limit ${MEMORY_LIMIT_MB} MB)` : "Error: the snippet crashed its host process";
      this.#replace(slot, message);
    });
    const init: HostInit = { type: "init", runtime: code.runtime, sourceName: SNIPPET_SOURCE };
    child.send(init);
    return slot;
  }

  #finish(slot: Slot, result: RunResult): void {
    clearTimeout(slot.deadline);
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(result);
    void this.#dispatch();
  }

  /** The host is stuck, dead or was stopped: report the job as failed and start a fresh host in its place. */
  #replace(slot: Slot, error: string): void {
    const job = slot.job;
    slot.job = undefined;
    clearTimeout(slot.deadline);
    slot.child.kill("SIGKILL");
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    job?.resolve({ output: error, error, stopped: true });
    void this.#dispatch();
  }
}
