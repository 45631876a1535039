import { describe, expect, it } from "vitest";
import {
  createCounters,
  createLog,
  createNetwork,
  createNode,
  createRandom,
  createRecorder,
  createSim,
  formatNumber,
  table,
  timeline,
  type Sim,
} from "../../src/sim/index.ts";
import { ln } from "../../src/sim/math.ts";

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const draw = <T>(n: number, fn: () => T): T[] => Array.from({ length: n }, fn);

describe("createRandom", () => {
  it("pins the sfc32 sequence so a seed prints the same numbers forever", () => {
    const random = createRandom(42);
    expect([random.next(), random.next(), random.next()]).toEqual([0.9819054424297065, 0.23878989787772298, 0.6524310095701367]);
    expect(createRandom("daybook").next()).toBe(0.5558124117087573);
  });

  it("repeats for the same seed and differs for another", () => {
    const [x, y, other] = [createRandom(7), createRandom(7), createRandom(8)];
    const first = draw(100, () => x.next());
    expect(draw(100, () => y.next())).toEqual(first);
    expect(draw(100, () => other.next())).not.toEqual(first);
    expect(createRandom(7).next()).toBe(createRandom("7").next());
  });

  it("keeps next() in [0, 1) and int() inclusive at both ends", () => {
    const random = createRandom(1);
    const floats = draw(10_000, () => random.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    const dice = new Set(draw(1_000, () => random.int(1, 6)));
    expect([...dice].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => random.int(3, 2)).toThrow(RangeError);
    expect(() => random.int(1.5, 2)).toThrow(RangeError);
  });

  it.each([
    ["exponential(10)", (r: ReturnType<typeof createRandom>) => r.exponential(10), 10, 0.2],
    ["exponential(0.5)", (r: ReturnType<typeof createRandom>) => r.exponential(0.5), 0.5, 0.01],
    ["uniform(2, 8)", (r: ReturnType<typeof createRandom>) => r.uniform(2, 8), 5, 0.05],
    ["normal(100, 15)", (r: ReturnType<typeof createRandom>) => r.normal(100, 15), 100, 0.3],
    ["chance(0.3) as 0/1", (r: ReturnType<typeof createRandom>) => (r.chance(0.3) ? 1 : 0), 0.3, 0.01],
  ])("%s has the right mean over 100k samples", (_name, sample, expected, tolerance) => {
    const random = createRandom(2026);
    const values = draw(100_000, () => sample(random));
    expect(Math.abs(mean(values) - expected)).toBeLessThan(tolerance);
  });

  it("gives normal() the right spread", () => {
    const random = createRandom(3);
    const values = draw(100_000, () => random.normal(0, 2));
    const sd = Math.sqrt(mean(values.map((v) => v * v)));
    expect(Math.abs(sd - 2)).toBeLessThan(0.03);
  });

  it("picks every element and shuffles a copy", () => {
    const random = createRandom(5);
    const items = ["a", "b", "c", "d"] as const;
    expect(new Set(draw(200, () => random.pick(items))).size).toBe(4);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort()).toEqual(["a", "b", "c", "d"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it("forks independent streams that do not depend on draws from the parent", () => {
    const parent = createRandom(9);
    const first = parent.fork("arrivals").next();
    draw(50, () => parent.next());
    expect(parent.fork("arrivals").next()).toBe(first);
    expect(parent.fork("arrivals").seed).toBe("9/arrivals");
    const [a, b] = [parent.fork("a"), parent.fork("b")];
    const xs = draw(20_000, () => a.next() - 0.5);
    const ys = draw(20_000, () => b.next() - 0.5);
    const correlation = mean(xs.map((x, i) => x * (ys[i] ?? 0))) / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(0.03);
    expect(xs.slice(0, 5)).not.toEqual(ys.slice(0, 5));
  });

  it.each([1e-300, 2.3e-10, 0.001, 0.5, 0.9999999, 1, 1.0000001, Math.E, 10, 123456.789, 1e300])("ln(%d) matches Math.log", (x) => {
    expect(Math.abs(ln(x) - Math.log(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(Math.log(x))));
  });

  it("handles ln's edge cases", () => {
    expect([ln(0), ln(-1), ln(Infinity), ln(1)]).toEqual([-Infinity, NaN, Infinity, 0]);
  });
});

describe("scheduler", () => {
  it("runs events in time order, same-time events first in, first out", async () => {
    const sim = createSim();
    const order: string[] = [];
    const log = (name: string) => () => order.push(`${name}@${sim.now}`);
    sim.at(5, log("a"));
    sim.at(1, log("b"));
    sim.at(5, log("c"));
    sim.after(1, log("d"));
    sim.at(0, () => sim.after(0, log("e")));
    const result = await sim.run();
    expect(order).toEqual(["e@0", "b@1", "d@1", "a@5", "c@5"]);
    expect(result).toEqual({ now: 5, events: 6, unfinished: 0 });
  });

  it("cancels timers, including from another event at the same time", async () => {
    const sim = createSim();
    const order: string[] = [];
    const doomed = sim.at(3, () => order.push("doomed"));
    sim.at(3, () => order.push("kept"));
    const late = sim.at(4, () => order.push("late"));
    sim.at(3, () => late.cancel());
    doomed.cancel();
    await sim.run();
    expect(order).toEqual(["kept"]);
    expect([doomed.cancelled, late.cancelled]).toEqual([true, true]);
  });

  it("repeats every interval without drift until cancelled", async () => {
    const sim = createSim();
    const times: number[] = [];
    const timer = sim.every(0.1, () => {
      times.push(sim.now);
      if (times.length === 30) timer.cancel();
    });
    await sim.run();
    expect(times).toHaveLength(30);
    expect(times[29]).toBe(3);
    expect(times[2]).toBe(0.30000000000000004);
  });

  it("stops at until (inclusive), moves the clock there and resumes later", async () => {
    const sim = createSim();
    const times: number[] = [];
    sim.every(10, () => times.push(sim.now));
    expect(await sim.run({ until: 25 })).toEqual({ now: 25, events: 2, unfinished: 0 });
    expect(await sim.run({ until: 40 })).toEqual({ now: 40, events: 2, unfinished: 0 });
    expect(times).toEqual([10, 20, 30, 40]);
  });

  it.each([
    ["scheduling in the past", (sim: Sim) => sim.at(-1, () => undefined), RangeError],
    ["scheduling at NaN", (sim: Sim) => sim.after(NaN, () => undefined), RangeError],
    ["a zero interval", (sim: Sim) => sim.every(0, () => undefined), RangeError],
    ["sleeping while the clock is stopped", (sim: Sim) => sim.sleep(1), Error],
  ])("rejects %s", (_name, misuse, error) => {
    expect(() => misuse(createSim())).toThrow(error);
  });

  it("guards against endless runs and overlapping runs", async () => {
    const sim = createSim();
    const ticks: number[] = [];
    sim.every(1, () => ticks.push(sim.now));
    await expect(sim.run({ maxEvents: 100 })).rejects.toThrow("stopped after 100 events");
    expect([sim.now, ticks.length]).toEqual([100, 100]);
    sim.spawn(() => sim.sleep(5));
    const running = sim.run({ until: 200 });
    await expect(sim.run()).rejects.toThrow("already running");
    expect(await running).toEqual({ now: 200, events: 102, unfinished: 0 });
    expect(ticks.length).toBe(200);
  });

  it("rejects run() with the error from a callback", async () => {
    const sim = createSim();
    sim.at(2, () => {
      throw new Error("boom");
    });
    await expect(sim.run()).rejects.toThrow("boom");
    expect(sim.now).toBe(2);
  });
});

describe("async processes", () => {
  const helper = async (depth: number): Promise<void> => {
    if (depth > 0) {
      await Promise.resolve();
      await helper(depth - 1);
    }
  };

  it("interleave by virtual time, finishing each step at the event's time", async () => {
    const sim = createSim();
    const out: string[] = [];
    const worker = (name: string, step: number) =>
      sim.spawn(async () => {
        for (let i = 0; i < 3; i++) {
          await helper(10); // plain awaits in between do not let the clock move on
          out.push(`${sim.now} ${name}${i}`);
          await sim.sleep(step);
        }
        return `${name} done at ${sim.now}`;
      });
    const a = worker("a", 3);
    const b = worker("b", 2);
    sim.at(2, () => out.push("2 callback"));
    expect(await sim.run()).toEqual({ now: 9, events: 9, unfinished: 0 });
    expect(out).toEqual(["0 a0", "0 b0", "2 callback", "2 b1", "3 a1", "4 b2", "6 a2"]);
    expect([await a, await b]).toEqual(["a done at 9", "b done at 6"]);
  });

  it("orders a waking process with other same-time events by when each was scheduled", async () => {
    const sim = createSim();
    const out: string[] = [];
    sim.at(5, () => out.push("A: scheduled before the spawn"));
    sim.spawn(async () => {
      await sim.sleep(5); // scheduled when the process starts at 0, after A and B
      out.push("process wakes");
      await sim.sleep(0); // scheduled at 5, after C (scheduled at 3)
      out.push("process after sleep(0)");
    });
    sim.at(5, () => out.push("B: scheduled after the spawn"));
    sim.at(3, () => sim.after(2, () => out.push("C: scheduled at 3")));
    await sim.run();
    expect(out).toEqual(["A: scheduled before the spawn", "B: scheduled after the spawn", "process wakes", "C: scheduled at 3", "process after sleep(0)"]);
  });

  it("does not deadlock on a process that waits forever", async () => {
    const sim = createSim();
    const stuck = sim.spawn(() => new Promise<never>(() => undefined));
    sim.spawn(async () => {
      await sim.sleep(10);
    });
    expect(await sim.run()).toEqual({ now: 10, events: 3, unfinished: 1 });
    expect(sim.processes).toBe(1);
    void stuck;
  });

  it("wakes processes from message handlers and race timeouts", async () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 4 });
    const waiting = new Map<string, (reply: string) => void>();
    net.on("server", (message, from) => void sim.after(3, () => net.send("server", from, `re: ${message}`)));
    net.on("client", (message) => waiting.get("client")?.(message));
    const call = (message: string, timeout: number) =>
      Promise.race([
        new Promise<string>((resolve) => {
          waiting.set("client", resolve);
          net.send("client", "server", message);
        }),
        sim.sleep(timeout).then(() => "timeout"),
      ]);
    const results = sim.spawn(async () => [await call("ping", 20), sim.now, await call("slow", 5), sim.now]);
    await sim.run();
    expect(await results).toEqual(["re: ping", 11, "timeout", 16]);
  });

  it("rejects run() when a process throws, at the time it threw", async () => {
    const sim = createSim();
    const failing = sim.spawn(async () => {
      await sim.sleep(7);
      throw new Error("process failed");
    });
    sim.at(8, () => undefined);
    await expect(sim.run()).rejects.toThrow("process failed");
    expect(sim.now).toBe(7);
    await expect(failing).rejects.toThrow("process failed");
  });
});

describe("network", () => {
  it("delivers after a constant latency and logs each message", async () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 12 });
    const got: string[] = [];
    net.on("payments", (message, from) => void got.push(`${sim.now} ${from}: ${message}`));
    sim.at(3, () => net.send("coordinator", "payments", "PREPARE tx-1"));
    await sim.run();
    expect(got).toEqual(["15 coordinator: PREPARE tx-1"]);
    expect(net.log).toMatchObject([{ id: 1, time: 3, arrivesAt: 15, status: "delivered", text: "PREPARE tx-1" }]);
    expect(net.log[0]?.note).toBeUndefined();
    expect(net.stats).toEqual({ sent: 1, delivered: 1, dropped: 0 });
  });

  it("draws latency from its own stream, the same for the same seed", async () => {
    const arrivals = async (seed: number) => {
      const sim = createSim({ seed });
      const net = createNetwork(sim, { latency: (random) => random.uniform(2, 8) });
      net.on("b", () => undefined);
      sim.at(0, () => draw(20, () => net.send("a", "b", "x").arrivesAt));
      await sim.run();
      return net.log.map((record) => record.arrivesAt);
    };
    const first = await arrivals(1);
    expect(await arrivals(1)).toEqual(first);
    expect(await arrivals(2)).not.toEqual(first);
    expect(first.every((t) => t >= 2 && t < 8)).toBe(true);
  });

  it.each([
    [0, 0],
    [0.3, 3000],
    [1, 10_000],
  ])("loses about a share %d of messages", async (loss, expected) => {
    const sim = createSim({ seed: 11 });
    const net = createNetwork(sim, { loss });
    net.on("b", () => undefined);
    sim.at(0, () => draw(10_000, () => net.send("a", "b", "m").id));
    await sim.run();
    expect(Math.abs(net.stats.dropped - expected)).toBeLessThanOrEqual(200);
    expect(net.stats.delivered + net.stats.dropped).toBe(10_000);
    expect(net.log.filter((r) => r.status === "dropped").every((r) => r.reason === "loss" && r.note === "lost")).toBe(true);
  });

  it("partitions links both ways, isolates a group and heals", async () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 1 });
    for (const name of ["a", "b", "c"]) net.on(name, () => undefined);
    const send = (from: string, to: string) => net.send(from, to, `${from}${to}`);
    sim.at(0, () => net.partition(["a"], ["b"]));
    sim.at(1, () => [send("a", "b"), send("b", "a"), send("a", "c"), send("c", "b")]);
    sim.at(2, () => net.partition(["c"]));
    sim.at(3, () => [send("c", "a"), send("b", "c"), send("a", "b")]);
    sim.at(4, () => net.heal());
    sim.at(5, () => [send("a", "b"), send("c", "a")]);
    await sim.run();
    expect(net.log.map((r) => `${r.text}:${r.reason ?? r.status}`)).toEqual([
      "ab:partition", "ba:partition", "ac:delivered", "cb:delivered",
      "ca:partition", "bc:partition", "ab:partition",
      "ab:delivered", "ca:delivered",
    ]);
    expect(net.connected("a", "b")).toBe(true);
  });

  it("lets messages already in flight arrive across a new partition", async () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 10 });
    net.on("b", () => undefined);
    sim.at(0, () => net.send("a", "b", "early"));
    sim.at(5, () => net.partition(["a"], ["b"]));
    await sim.run();
    expect(net.log[0]?.status).toBe("delivered");
  });

  it("drops messages nobody listens for and describes object messages", async () => {
    const sim = createSim();
    const net = createNetwork<{ type: string; tx: string; n?: number }>(sim);
    sim.at(0, () => net.send("a", "ghost", { type: "PREPARE", tx: "tx-1", n: 2 }));
    await sim.run();
    expect(net.log[0]).toMatchObject({ text: "PREPARE tx=tx-1 n=2", status: "dropped", reason: "no-handler", note: "dropped: nothing listens at ghost" });
  });
});

describe("durable nodes", () => {
  const setup = () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 5 });
    const recovered: string[][] = [];
    const node = createNode(net, "db", {
      state: () => ({ seen: [] as string[] }),
      log: createLog<string>(["boot"]),
      onMessage: (self, message) => {
        self.state.seen.push(message);
        self.log.append(message);
      },
      onRestart: (self) => void recovered.push([...self.log.entries]),
    });
    return { sim, net, node, recovered };
  };

  it("drops messages while crashed; restart keeps the log and resets state", async () => {
    const { sim, net, node, recovered } = setup();
    sim.at(0, () => net.send("client", "db", "w1"));
    sim.at(10, () => node.crash({ restartAfter: 20 }));
    sim.at(12, () => net.send("client", "db", "w2")); // arrives at 17: down
    sim.at(40, () => net.send("client", "db", "w3"));
    let stateWhileDown = "";
    sim.at(15, () => {
      expect(() => node.state).toThrow("db is down");
      stateWhileDown = "threw";
    });
    await sim.run();
    expect(stateWhileDown).toBe("threw");
    expect(net.log.map((r) => r.note ?? r.status)).toEqual(["delivered", "dropped: db is down", "delivered"]);
    expect(node.log.entries).toEqual(["boot", "w1", "w3"]);
    expect(node.state.seen).toEqual(["w3"]);
    expect(recovered).toEqual([["boot", "w1"]]);
    expect([node.up, node.incarnation, node.log.last(), node.log.length]).toEqual([true, 2, "w3", 3]);
  });

  it("cancels the node's timers and sleeps on a crash; sends from a down node are dropped", async () => {
    const { sim, net, node } = setup();
    const ticks: number[] = [];
    node.every(10, () => ticks.push(sim.now));
    node.after(25, () => ticks.push(-1));
    const process = sim.spawn(async () => {
      await node.sleep(30);
      return "woke";
    });
    sim.at(22, () => node.crash());
    sim.at(23, () => node.send("client", "from the grave"));
    sim.at(24, () => node.crash()); // already down: nothing happens
    const result = await sim.run();
    expect(ticks).toEqual([10, 20]);
    expect(result.unfinished).toBe(1);
    expect(net.log[0]).toMatchObject({ status: "dropped", reason: "down", note: "dropped: db is down" });
    expect(node.up).toBe(false);
    node.restart();
    expect([node.up, node.incarnation]).toEqual([true, 2]);
    void process;
  });

  it("notes crashes, restarts and log writes in the trace", async () => {
    const { sim, net, node } = setup();
    sim.at(1, () => net.send("client", "db", "w1"));
    sim.at(7, () => node.crash({ restartAfter: 3 }));
    await sim.run();
    expect(timeline(sim.trace)).toBe(
      ["   1.0 ms  client → db  w1", "   6.0 ms  db           logs w1", "   7.0 ms  db           crashed", "  10.0 ms  db           restarted"].join("\n"),
    );
  });
});

describe("metrics", () => {
  const oneToTen = [3, 1, 4, 10, 5, 9, 2, 6, 8, 7];
  const thousand = Array.from({ length: 1000 }, (_, i) => 1000 - i);
  it.each([
    ["1..10, p0 is the minimum", oneToTen, 0, 1],
    ["1..10, p10", oneToTen, 10, 1],
    ["1..10, p11 rounds the rank up", oneToTen, 11, 2],
    ["1..10, p50", oneToTen, 50, 5],
    ["1..10, p90", oneToTen, 90, 9],
    ["1..10, p91", oneToTen, 91, 10],
    ["1..10, p100 is the maximum", oneToTen, 100, 10],
    ["15 20 35 40 50, p5", [15, 20, 35, 40, 50], 5, 15],
    ["15 20 35 40 50, p30", [15, 20, 35, 40, 50], 30, 20],
    ["15 20 35 40 50, p40", [15, 20, 35, 40, 50], 40, 20],
    ["15 20 35 40 50, p50", [15, 20, 35, 40, 50], 50, 35],
    ["one value", [7], 99, 7],
    ["duplicates", [2, 2, 2, 9], 75, 2],
    ["1..1000, p99", thousand, 99, 990],
    ["1..1000, p99.9", thousand, 99.9, 999],
    ["1..1000, p70 (no float rounding up)", thousand, 70, 700],
  ])("nearest rank: %s", (_name, values, p, expected) => {
    const recorder = createRecorder();
    for (const value of values) recorder.record(value);
    expect(recorder.percentile(p)).toBe(expected);
  });

  it("summarises count, mean, extremes and percentiles", () => {
    const recorder = createRecorder();
    for (const value of oneToTen) recorder.record(value);
    expect(recorder.summary()).toEqual({ count: 10, mean: 5.5, min: 1, p50: 5, p90: 9, p99: 10, max: 10 });
    expect([recorder.sum, recorder.sorted()]).toEqual([55, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    recorder.record(0.5);
    expect([recorder.min, recorder.count]).toEqual([0.5, 11]);
  });

  it("reports NaN for an empty recorder and rejects bad input", () => {
    const recorder = createRecorder();
    expect(recorder.summary()).toEqual({ count: 0, mean: NaN, min: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN });
    expect(() => recorder.percentile(101)).toThrow(RangeError);
    expect(() => recorder.record(NaN)).toThrow(RangeError);
  });

  it("counts by name in first-use order", () => {
    const counters = createCounters();
    counters.inc("sent");
    counters.inc("retries", 3);
    counters.inc("sent");
    expect([counters.get("sent"), counters.get("never")]).toEqual([2, 0]);
    expect(counters.toObject()).toEqual({ sent: 2, retries: 3 });
    expect(Object.keys(counters.toObject())).toEqual(["sent", "retries"]);
  });
});

describe("printers", () => {
  it.each([
    [1.25, 1, "1.3"],
    [1.35, 1, "1.4"],
    [-0.04, 1, "0.0"],
    [-0, 0, "0"],
    [-3.5, 2, "-3.50"],
    [1234567.891, 2, "1234567.89"],
    [NaN, 2, "-"],
    [Infinity, 1, "inf"],
    [-Infinity, 1, "-inf"],
  ])("formatNumber(%d, %d) is %s", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it("prints an aligned table with numbers right-aligned", () => {
    const rows = [
      { policy: "no jitter", retries: 1200, p99: 812.3456, ok: true },
      { policy: "full jitter", retries: 87, p99: 95.5, ok: false },
      { policy: "none", retries: null, p99: NaN },
    ];
    expect(table(rows)).toBe(
      [
        "policy       retries     p99  ok",
        "-----------  -------  ------  -----",
        "no jitter       1200  812.35  true",
        "full jitter       87   95.50  false",
        "none               -       -  -",
      ].join("\n"),
    );
  });

  it("takes columns and decimals per column or for all", () => {
    const rows = [{ name: "a", mean: 1.5, count: 3 }, { name: "bb", mean: 12, count: 10 }];
    expect(table(rows, { columns: ["count", "mean"], decimals: 1 })).toBe(["count  mean", "-----  ----", "    3   1.5", "   10  12.0"].join("\n"));
    expect(table(rows, { decimals: { count: 1, mean: 0 } })).toBe(
      ["name  mean  count", "----  ----  -----", "a        2    3.0", "bb      12   10.0"].join("\n"),
    );
    expect(table([])).toBe("(no rows)");
    expect(table([], { columns: [] })).toBe("(no rows)");
  });

  it("prints a recorder summary as a one-row table", () => {
    const recorder = createRecorder();
    for (const value of [12, 15.5, 9, 30]) recorder.record(value);
    expect(table([recorder.summary()], { decimals: 1 })).toBe(
      ["count  mean  min  p50  p90  p99  max", "-----  ----  ---  ---  ---  ---  ---", "    4  16.6    9   12   30   30   30"].join("\n"),
    );
  });

  it("prints a timeline with aligned times and actors", () => {
    const events = [
      { time: 12, from: "coordinator", to: "payments", text: "PREPARE tx-1" },
      { time: 3.25, from: "coordinator", text: "logs BEGIN tx-1" }, // 3.25 rounds half up,
      { time: 104.5, from: "payments", to: "coordinator", text: "YES tx-1", note: "dropped: coordinator is down" },
      { time: 200, text: "end" },
    ];
    expect(timeline(events)).toBe(
      [
        "    3.3 ms  coordinator             logs BEGIN tx-1",
        "   12.0 ms  coordinator → payments  PREPARE tx-1",
        "  104.5 ms  payments → coordinator  YES tx-1  (dropped: coordinator is down)",
        "  200.0 ms                          end",
      ].join("\n"),
    );
    expect(timeline([{ time: 1, text: "tick" }], { decimals: 0, unit: "" })).toBe("  1  tick");
    expect(timeline([])).toBe("");
  });

  it("prints a whole run: messages, losses and partitions", async () => {
    const sim = createSim({ seed: 3 });
    const net = createNetwork<string | { type: string; tx: string; attempt: number }>(sim, { latency: 2.5, loss: 0.5 });
    net.on("b", () => undefined);
    sim.at(0, () => draw(3, () => net.send("a", "b", "ping").id));
    sim.at(1, () => net.partition(["a"]));
    sim.at(2, () => net.send("a", "b", "late"));
    sim.at(3, () => net.heal());
    sim.at(4, () => net.send("a", "b", { type: "PREPARE", tx: "tx-1", attempt: 2 }));
    sim.at(5, () => sim.note("a", "gives up"));
    await sim.run();
    expect(timeline(sim.trace)).toBe(
      [
        "  0.0 ms  a → b    ping  (lost)",
        "  0.0 ms  a → b    ping",
        "  0.0 ms  a → b    ping",
        "  1.0 ms  network  partition a | everyone else",
        "  2.0 ms  a → b    late  (dropped: partition)",
        "  3.0 ms  network  healed",
        "  4.0 ms  a → b    PREPARE tx=tx-1 attempt=2  (lost)",
        "  5.0 ms  a        gives up",
      ].join("\n"),
    );
  });
});
