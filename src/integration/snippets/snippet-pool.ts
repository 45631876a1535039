import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { RunResult } from "../../runtime/run-snippet.ts";
import { SNIPPET_SOURCE } from "../../runtime/snippet-source.ts";
import { processCpuMs } from "./process-cpu.ts";
import { bundleSnippetHost, bundleSnippetRuntime } from "./runtime-bundle.ts";
import type { HostInit, HostMessage, HostTask } from "./snippet-host.ts";

/** Heap cap per snippet host: a snippet that allocates without bound fails fast instead of swapping. */
export const MEMORY_LIMIT_MB = 128;
/** A snippet that gets too little CPU to reach its timeout is still stopped after this many timeouts of wall-clock time. */
export const WALL_CLOCK_FACTOR = 10;
/** How often a running snippet's CPU time is read. */
const POLL_MS = 20;

/**
 * How a snippet host is started: Node's permission model with nothing allowed (no file system,
 * network, child processes, workers, addons, WASI or inspector), an empty environment, a small
 * heap, and its program passed on the command line, so it needs to read no file. Exported so
 * tests can start a process exactly like it and check each wall on its own.
 */
export function snippetHostArgs(program: string): string[] {
  return ["--permission", `--max-old-space-size=${MEMORY_LIMIT_MB}`, "--eval", program];
}

/** A snippet's result with the CPU time its run took (ms): from its host's own clock, or read from outside when it was stopped. */
export interface PoolResult extends RunResult {
  cpuMs: number;
  /** Not run: the build had spent its snippet CPU budget. */
  skipped?: true;
}

export interface PoolOptions {
  size?: number;
  /** Snippets queued after the hosts have spent this much CPU time in total (ms) are not run. */
  cpuBudgetMs?: number;
}

interface Job {
  task: HostTask;
  resolve: (result: PoolResult) => void;
  /** Stopped once by the wall-clock backstop (a busy machine, not the snippet): run again once. */
  retried?: true;
}

interface Slot {
  child: ChildProcess;
  /** The host has its runtime and waits for work: start-up never counts against a snippet. */
  ready: boolean;
  job?: Job | undefined;
  watch?: NodeJS.Timeout | undefined;
  /** /proc CPU reading when the job started (undefined where there is no /proc). */
  cpuAtStart?: number | undefined;
  stderr: string;
  /** The host's CPU time at its last answer (µs). */
  cpuMicros: number;
}

/**
 * Long-lived snippet hosts, one per core, each running one snippet at a time in a fresh vm
 * context. `timeout` limits a snippet's own CPU time, read from outside its host, so a loaded
 * machine does not stop a snippet that would finish; where the system cannot tell a process's
 * CPU time, it limits wall-clock time. A host whose snippet is stopped, runs out of memory or
 * crashes is replaced.
 */
export class SnippetPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #size: number;
  readonly #cpuBudgetMs: number;
  #nextId = 0;
  /** Hosts asked for ahead of the first snippet (warm), until they are started. */
  #warm = 0;
  #code: Promise<{ host: string; runtime: string }> | undefined;
  #closed = false;
  #cpuMicros = 0;
  /** CPU time of snippet runs alone (ms), without the hosts' start-up: what the budget limits. */
  #snippetCpuMs = 0;

  constructor(options: PoolOptions = {}) {
    this.#size = options.size ?? Math.max(1, availableParallelism());
    this.#cpuBudgetMs = options.cpuBudgetMs ?? Infinity;
  }

  /**
   * Starts hosts for `snippets` snippets to come (one per core at most) before the first of them
   * is queued: a host takes a moment to start (the runtime is bundled once, then each process
   * evaluates it), which a check can spend type-checking instead of waiting.
   */
  warm(snippets: number): void {
    this.#warm = Math.max(this.#warm, snippets);
    void this.#dispatch();
  }

  run(js: string, timeout: number): Promise<PoolResult> {
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
    for (const slot of this.#slots) {
      clearInterval(slot.watch);
      slot.child.kill("SIGKILL");
    }
  }

  async #dispatch(): Promise<void> {
    this.#code ??= Promise.all([bundleSnippetHost(), bundleSnippetRuntime()]).then(([host, runtime]) => ({ host, runtime }));
    const code = await this.#code;
    if (this.#closed) return;
    while (this.#slots.length < Math.min(this.#size, Math.max(this.#warm, this.#queue.length + this.#busy()))) this.#slots.push(this.#spawn(code));
    // Once started, a host that ends is replaced only for a snippet waiting.
    this.#warm = 0;
    while (this.#queue.length && this.#snippetCpuMs >= this.#cpuBudgetMs) {
      const error = `Error: not run: the build's snippets had used their CPU budget of ${this.#cpuBudgetMs} ms`;
      this.#queue.shift()!.resolve({ output: error, error, stopped: true, skipped: true, cpuMs: 0 });
    }
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job || this.#queue.length === 0) continue;
      this.#start(slot, this.#queue.shift()!);
    }
  }

  #busy(): number {
    return this.#slots.filter((slot) => slot.job).length;
  }

  #start(slot: Slot, job: Job): void {
    slot.job = job;
    const { timeout } = job.task;
    const started = Date.now();
    const cpuAtStart = processCpuMs(slot.child.pid);
    slot.cpuAtStart = cpuAtStart;
    slot.watch = setInterval(() => {
      const cpu = processCpuMs(slot.child.pid);
      const wall = Date.now() - started;
      if (cpuAtStart !== undefined && cpu !== undefined) {
        if (cpu - cpuAtStart >= timeout) this.#stop(slot, `Error: the snippet used more than ${timeout} ms of CPU time and was stopped; if it needs longer, raise timeout=${timeout} on its fence (at most 60000)`);
        else if (wall >= timeout * WALL_CLOCK_FACTOR) this.#stop(slot, `Error: the snippet was stopped after ${wall} ms of wall-clock time (${WALL_CLOCK_FACTOR} × timeout=${timeout}) with only ${cpu - cpuAtStart} ms of CPU time: the machine is too busy`, true);
      } else if (wall >= timeout) {
        this.#stop(slot, `Error: the snippet ran longer than ${timeout} ms and was stopped; if it needs longer, raise timeout=${timeout} on its fence (at most 60000)`);
      }
    }, POLL_MS);
    slot.child.send(job.task);
  }

  #spawn(code: { host: string; runtime: string }): Slot {
    const child = spawn(process.execPath, snippetHostArgs(code.host), { env: {}, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const slot: Slot = { child, ready: false, stderr: "", cpuMicros: 0 };
    child.unref();
    child.channel?.unref();
    child.stderr!.on("data", (chunk: Buffer) => (slot.stderr = (slot.stderr + chunk.toString()).slice(-4_000)));
    child.on("message", (message: HostMessage) => {
      let cpuMs = 0;
      if (typeof message.cpuMicros === "number") {
        const spent = Math.max(0, message.cpuMicros - slot.cpuMicros);
        this.#cpuMicros += spent;
        slot.cpuMicros = message.cpuMicros;
        cpuMs = spent / 1000;
      }
      if (message.type === "ready") {
        slot.ready = true;
        void this.#dispatch();
        return;
      }
      if (slot.job?.task.id !== message.id) return;
      const { id: _id, cpuMicros: _cpu, type: _type, ...result } = message;
      if (result.stopped) this.#stop(slot, result.output);
      else this.#finish(slot, { ...result, cpuMs });
    });
    child.on("exit", () => {
      clearInterval(slot.watch);
      if (this.#closed || !slot.job) return this.#remove(slot);
      const message = /heap out of memory|allocation failed/i.test(slot.stderr) ? `RangeError: the snippet ran out of memory (limit ${MEMORY_LIMIT_MB} MB)` : "Error: the snippet crashed its host process";
      this.#stop(slot, message);
    });
    const init: HostInit = { type: "init", runtime: code.runtime, sourceName: SNIPPET_SOURCE };
    child.send(init);
    return slot;
  }

  #finish(slot: Slot, result: PoolResult): void {
    clearInterval(slot.watch);
    this.#snippetCpuMs += result.cpuMs;
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(result);
    void this.#dispatch();
  }

  /** The snippet was stopped or its host died: end the host, answer the job (or run it once more), start a fresh host. */
  #stop(slot: Slot, error: string, retry = false): void {
    const job = slot.job;
    slot.job = undefined;
    clearInterval(slot.watch);
    const cpuNow = processCpuMs(slot.child.pid);
    const cpuMs = cpuNow !== undefined && slot.cpuAtStart !== undefined ? cpuNow - slot.cpuAtStart : 0;
    // What a killed host spent since its last answer never reaches it through a report: count it here.
    this.#cpuMicros += cpuMs * 1000;
    slot.child.kill("SIGKILL");
    this.#remove(slot);
    if (job && retry && !job.retried) this.#queue.unshift({ ...job, retried: true });
    else job?.resolve({ output: error, error, stopped: true, cpuMs });
    if (job) this.#snippetCpuMs += cpuMs;
    void this.#dispatch();
  }

  #remove(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
  }
}
