/** A simulated network between named nodes: latency, random loss, partitions and a message log. */
import { describeValue } from "./format.ts";
import { Partitions } from "./partitions.ts";
import type { Random } from "./random.ts";
import type { Sim } from "./simulation.ts";
import type { TimelineEvent } from "./timeline.ts";

/** One-way delay in virtual ms: a constant, or drawn per message from the network's random stream. */
export type Latency = number | ((random: Random, from: string, to: string) => number);

/** Options for {@link createNetwork}. */
export interface NetworkOptions<M> {
  /** One-way delay per message in ms (default 1). Example: `(r) => r.uniform(2, 8)`. */
  readonly latency?: Latency;
  /** Probability from 0 to 1 that a message is silently lost (default 0). */
  readonly loss?: number;
  /** Stream for loss and latency draws (default `sim.random.fork("network")`). */
  readonly random?: Random;
  /** Text for a message in the timeline (default: strings as they are, `{ type, ...rest }` as `TYPE k=v`, else JSON). */
  readonly describe?: (message: M) => string;
}

/** Why a message was dropped: random loss, a partition, a crashed sender or receiver, or nobody listening. */
export type DropReason = "loss" | "partition" | "down" | "no-handler";

/** What happened to one message. Also a {@link TimelineEvent}: `time` is when it was sent. */
export interface MessageRecord<M> extends TimelineEvent {
  /** Sequence number, from 1, in sending order. */
  readonly id: number;
  /** Sender's name. */
  readonly from: string;
  /** Receiver's name. */
  readonly to: string;
  /** The message itself. */
  readonly message: M;
  /** When it arrives or arrived (ms); equal to `time` for a message dropped when sent. */
  readonly arrivesAt: number;
  /** `in-flight` until it arrives; then `delivered` or `dropped`. */
  readonly status: "in-flight" | "delivered" | "dropped";
  /** Set when `status` is `dropped`. */
  readonly reason?: DropReason;
}

/** Receives a message; a returned promise is tracked like a process. */
export type MessageHandler<M> = (message: M, from: string, record: MessageRecord<M>) => unknown;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Creates a network on `sim`. `M` is the message type (default string): `createNetwork<Msg>(sim)`. */
export function createNetwork<M = string>(sim: Sim, options: NetworkOptions<M> = {}): Network<M> {
  return new Network(sim, options);
}

/** A network between named nodes. Create one with {@link createNetwork}. */
export class Network<M = string> {
  /** The simulation this network schedules deliveries on. */
  readonly sim: Sim;
  /** Every message sent, in sending order (empty when the sim's `trace` option is off). */
  readonly log: MessageRecord<M>[] = [];
  private readonly counts = { sent: 0, delivered: 0, dropped: 0 };
  private readonly latency: Latency;
  private readonly loss: number;
  private readonly random: Random;
  private readonly describe: (message: M) => string;
  private readonly handlers = new Map<string, MessageHandler<M>>();
  private readonly down = new Set<string>();
  private readonly partitions = new Partitions();

  /** Use {@link createNetwork}. */
  constructor(sim: Sim, options: NetworkOptions<M> = {}) {
    this.sim = sim;
    this.latency = options.latency ?? 1;
    this.loss = options.loss ?? 0;
    this.random = options.random ?? sim.random.fork("network");
    this.describe = options.describe ?? describeValue;
  }

  /** Message counts so far; `sent - delivered - dropped` are still in flight. */
  get stats(): { readonly sent: number; readonly delivered: number; readonly dropped: number } {
    return { ...this.counts };
  }

  /** Delivers messages addressed to `name` to `handler` (replacing any earlier one). */
  on(name: string, handler: MessageHandler<M>): void {
    this.handlers.set(name, handler);
  }

  /** Stops delivering to `name`; its messages are then dropped with reason `no-handler`. */
  off(name: string): void {
    this.handlers.delete(name);
  }

  /**
   * Sends `message`. It is dropped at once if the sender is down, the link is partitioned or the
   * loss draw says so; otherwise it arrives after the latency, unless the receiver is down by then.
   */
  send(from: string, to: string, message: M): MessageRecord<M> {
    const time = this.sim.now;
    const text = this.describe(message);
    const id = ++this.counts.sent;
    const record: Mutable<MessageRecord<M>> = { id, time, from, to, message, text, arrivesAt: time, status: "in-flight", note: "in flight" };
    if (this.sim.tracing) {
      this.log.push(record);
      this.sim.trace.push(record);
    }
    if (this.down.has(from)) return this.drop(record, "down", `dropped: ${from} is down`);
    if (this.partitions.separates(from, to)) return this.drop(record, "partition", "dropped: partition");
    if (this.loss > 0 && this.random.chance(this.loss)) return this.drop(record, "loss", "lost");
    const delay = typeof this.latency === "number" ? this.latency : this.latency(this.random, from, to);
    record.arrivesAt = time + Math.max(0, delay);
    this.sim.at(record.arrivesAt, () => this.deliver(record));
    return record;
  }

  /** Cuts every link between `groupA` and `groupB` (both ways); without `groupB`, between `groupA` and everyone else. */
  partition(groupA: readonly string[], groupB?: readonly string[]): void {
    this.sim.note("network", this.partitions.add(groupA, groupB));
  }

  /** Removes every partition. Messages dropped meanwhile stay dropped. */
  heal(): void {
    this.partitions.clear();
    this.sim.note("network", "healed");
  }

  /** True when no partition separates `from` and `to`. */
  connected(from: string, to: string): boolean {
    return !this.partitions.separates(from, to);
  }

  /** Marks `name` as crashed (`true`) or back up; used by durable nodes. Messages to or from a down node are dropped. */
  setDown(name: string, down: boolean): void {
    if (down) this.down.add(name);
    else this.down.delete(name);
  }

  /** True while `name` is marked down. */
  isDown(name: string): boolean {
    return this.down.has(name);
  }

  private deliver(record: Mutable<MessageRecord<M>>): unknown {
    const handler = this.handlers.get(record.to);
    if (this.down.has(record.to)) return void this.drop(record, "down", `dropped: ${record.to} is down`);
    if (handler === undefined) return void this.drop(record, "no-handler", `dropped: nothing listens at ${record.to}`);
    this.counts.delivered += 1;
    record.status = "delivered";
    delete record.note;
    return handler(record.message, record.from, record);
  }

  private drop(record: Mutable<MessageRecord<M>>, reason: DropReason, note: string): MessageRecord<M> {
    this.counts.dropped += 1;
    record.status = "dropped";
    record.reason = reason;
    record.note = note;
    return record;
  }
}
