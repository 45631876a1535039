/**
 * A node that crashes and restarts: volatile `state` is lost on a crash and rebuilt by a factory on
 * restart, the durable `log` survives, messages to a crashed node are dropped and its timers die.
 */
import { createLog, observeLog, type DurableLog } from "./durable-log.ts";
import { describeValue } from "./format.ts";
import type { MessageRecord, Network } from "./network.ts";
import type { Timer } from "./scheduler.ts";
import type { Sim } from "./simulation.ts";

/** Options for {@link createNode}. */
export interface NodeOptions<S, M, E> {
  /** Builds the volatile state: at creation and again on every restart (default `{}`). */
  readonly state?: () => S;
  /** The node's disk (default: a new empty log). Pass `createLog<Entry>()` to type the entries. */
  readonly log?: DurableLog<E>;
  /** Called for each message delivered while the node is up. */
  readonly onMessage?: (node: DurableNode<S, M, E>, message: M, from: string) => unknown;
  /** Called after a restart, with fresh state; recovery code reads `node.log` here. */
  readonly onRestart?: (node: DurableNode<S, M, E>) => unknown;
  /** Note each `node.log.append` in `sim.trace` as `logs <entry>` (default true). */
  readonly traceLog?: boolean;
}

/** Options for `node.crash()`. */
export interface CrashOptions {
  /** Restart automatically after this many ms of virtual time (default: stay down). */
  readonly restartAfter?: number;
}

/**
 * Creates a node called `name` on `network` and registers it to receive messages.
 * `S` (state) is inferred from `state`, `E` (log entries) from `log`, `M` from the network.
 */
export function createNode<S = Record<string, never>, M = string, E = string>(
  network: Network<M>,
  name: string,
  options: NodeOptions<S, M, E> = {},
): DurableNode<S, M, E> {
  return new DurableNode(network, name, options);
}

/** A crash-prone node with volatile state and a durable log. Create one with {@link createNode}. */
export class DurableNode<S = Record<string, never>, M = string, E = string> {
  /** The node's name on the network. */
  readonly name: string;
  /** The network it sends and receives on. */
  readonly network: Network<M>;
  /** The simulation (same as `network.sim`). */
  readonly sim: Sim;
  /** The durable log: survives crashes. Appends are noted in the trace unless `traceLog` is false. */
  readonly log: DurableLog<E>;
  private readonly options: NodeOptions<S, M, E>;
  private readonly timers = new Set<Timer>();
  private volatile: S;
  private running = true;
  private incarnations = 1;

  /** Use {@link createNode}. */
  constructor(network: Network<M>, name: string, options: NodeOptions<S, M, E> = {}) {
    this.name = name;
    this.network = network;
    this.sim = network.sim;
    this.options = options;
    this.volatile = this.freshState();
    const disk = options.log ?? createLog<E>();
    const traced = options.traceLog ?? true;
    this.log = traced ? observeLog(disk, (entry) => this.sim.note(name, `logs ${describeValue(entry)}`)) : disk;
    network.setDown(name, false);
    network.on(name, (message, from) => (this.running ? options.onMessage?.(this, message, from) : undefined));
  }

  /** The volatile state; throws while the node is down, because a crash erased it. */
  get state(): S {
    if (!this.running) throw new Error(`${this.name} is down: its volatile state is gone until it restarts`);
    return this.volatile;
  }

  /** True unless crashed. */
  get up(): boolean {
    return this.running;
  }

  /** 1 at creation, plus 1 for each restart. */
  get incarnation(): number {
    return this.incarnations;
  }

  /** Sends `message` to `to` over the network (dropped if this node is down). */
  send(to: string, message: M): MessageRecord<M> {
    return this.network.send(this.name, to, message);
  }

  /** Runs `fn` after `delay` ms, unless the node crashes first. */
  after(delay: number, fn: () => unknown): Timer {
    const timer = this.sim.after(delay, () => {
      this.timers.delete(timer);
      return fn();
    });
    this.timers.add(timer);
    return timer;
  }

  /** Runs `fn` every `interval` ms until cancelled or the node crashes. */
  every(interval: number, fn: () => unknown): Timer {
    const timer = this.sim.every(interval, fn);
    this.timers.add(timer);
    return timer;
  }

  /** Like `sim.sleep(ms)`, but never resolves if the node crashes first: the process dies with the node. */
  sleep(ms: number): Promise<void> {
    if (!this.sim.running) return this.sim.sleep(ms); // throws the explanation
    return new Promise((resolve) => void this.after(ms, resolve));
  }

  /** Crashes the node now: state is lost, timers are cancelled, messages are dropped. No-op if already down. */
  crash(options: CrashOptions = {}): void {
    if (!this.running) return;
    this.running = false;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.network.setDown(this.name, true);
    this.sim.note(this.name, "crashed");
    if (options.restartAfter !== undefined) this.sim.after(options.restartAfter, () => this.restart());
  }

  /** Brings a crashed node back with fresh state, then calls `onRestart` and returns its result. No-op if already up. */
  restart(): unknown {
    if (this.running) return undefined;
    this.incarnations += 1;
    this.volatile = this.freshState();
    this.running = true;
    this.network.setDown(this.name, false);
    this.sim.note(this.name, "restarted");
    return this.options.onRestart?.(this);
  }

  private freshState(): S {
    return this.options.state ? this.options.state() : ({} as S);
  }
}
