import { describe, expect, it } from "vitest";
import { validateFigure } from "../../src/figures/index.ts";
import { createLocks, createNetwork, createNode, createSim, timeline, traceEvents } from "../../src/sim/index.ts";

describe("createLocks", () => {
  it("grants a free lock at once, and again to its holder", async () => {
    const sim = createSim();
    const locks = createLocks(sim, "stock");
    expect(locks.tryAcquire("sku-42", "tx-1")).toBe(true);
    expect(locks.tryAcquire("sku-42", "tx-1")).toBe(true);
    expect(locks.tryAcquire("sku-42", "tx-2")).toBe(false);
    await locks.acquire("sku-42", "tx-1");
    expect(locks.holder("sku-42")).toBe("tx-1");
    expect(locks.held("tx-1")).toEqual(["sku-42"]);
    expect(locks.waits).toEqual([]);
    expect(sim.trace).toEqual([]);
  });

  it("makes a second transaction wait until the holder releases, first come first served, and records each wait", async () => {
    const sim = createSim();
    const locks = createLocks(sim, "stock");
    const got: string[] = [];
    locks.tryAcquire("sku-42", "tx-1");
    for (const [owner, at] of [["tx-2", 15], ["tx-3", 20]] as const) {
      sim.at(at, () => sim.spawn(async () => {
        await locks.acquire("sku-42", owner);
        got.push(`${owner} at ${sim.now}`);
        await sim.sleep(1);
        locks.release("sku-42", owner);
      }));
    }
    sim.at(17, () => expect(locks.waiting("sku-42")).toEqual(["tx-2"]));
    sim.at(40, () => locks.release("sku-42", "tx-1"));
    const result = await sim.run();
    expect(result.unfinished).toBe(0);
    expect(got).toEqual(["tx-2 at 40", "tx-3 at 41"]);
    expect(locks.holder("sku-42")).toBeUndefined();
    expect(locks.waits.map((w) => [w.owner, w.holder, w.time, w.granted])).toEqual([
      ["tx-2", "tx-1", 15, 40],
      ["tx-3", "tx-1", 20, 41],
    ]);
    expect(timeline(sim.trace)).toBe(
      [
        "  15.0 ms  stock  tx-2 waits for sku-42 (held by tx-1)  (got it at 40.0 ms, after 25.0 ms)",
        "  20.0 ms  stock  tx-3 waits for sku-42 (held by tx-1)  (got it at 41.0 ms, after 21.0 ms)",
      ].join("\n"),
    );
  });

  it("leaves a wait open while the lock is never released", async () => {
    const sim = createSim();
    const locks = createLocks(sim, "payments");
    locks.tryAcquire("acct-7", "tx-1");
    const waiter = sim.spawn(() => locks.acquire("acct-7", "tx-2"));
    const result = await sim.run({ until: 50 });
    expect(result.unfinished).toBe(1);
    expect(locks.waits[0]).toMatchObject({ owner: "tx-2", time: 0 });
    expect(locks.waits[0]!.granted).toBeUndefined();
    void waiter;
  });

  it("releases everything an owner holds, and refuses a release by someone who does not hold the lock", () => {
    const sim = createSim();
    const locks = createLocks(sim, "db");
    locks.tryAcquire("a", "tx-1");
    locks.tryAcquire("b", "tx-1");
    locks.tryAcquire("c", "tx-2");
    expect(() => locks.release("c", "tx-1")).toThrow("tx-1 cannot release c on db: tx-2 holds it");
    expect(() => locks.release("z", "tx-1")).toThrow("nobody holds it");
    expect(locks.releaseAll("tx-1")).toEqual(["a", "b"]);
    expect(locks.held("tx-1")).toEqual([]);
    expect(locks.holder("c")).toBe("tx-2");
  });

  it("records waits but keeps them out of the trace with { trace: false } or when the simulation does not trace", () => {
    for (const [sim, options] of [[createSim(), { trace: false }], [createSim({ trace: false }), {}]] as const) {
      const locks = createLocks(sim, "db", options);
      locks.tryAcquire("a", "tx-1");
      void locks.acquire("a", "tx-2");
      expect(locks.waits).toHaveLength(1);
      expect(sim.trace).toEqual([]);
    }
  });

  it("is lost with a crashed node's volatile state, so recovery takes the lock again", async () => {
    const sim = createSim();
    const net = createNetwork(sim);
    const node = createNode(net, "payments", {
      state: () => ({ locks: createLocks(sim, "payments") }),
      onRestart: (n) => n.log.last() === "PREPARED tx-1" && n.state.locks.tryAcquire("acct-7", "tx-1"),
    });
    node.state.locks.tryAcquire("acct-7", "tx-1");
    node.log.append("PREPARED tx-1");
    sim.at(5, () => node.crash({ restartAfter: 5 }));
    await sim.run();
    expect(node.incarnation).toBe(2);
    expect(node.state.locks.holder("acct-7")).toBe("tx-1");
  });
});

describe("traceEvents with lock tables", () => {
  it("turns each wait into a lock-wait span on the table's lane, open while not granted, and the figure accepts it", async () => {
    const sim = createSim();
    const locks = createLocks(sim, "stock");
    locks.tryAcquire("sku-42", "tx-1");
    sim.at(15, () => sim.spawn(() => locks.acquire("sku-42", "tx-2")));
    sim.at(16, () => sim.spawn(() => locks.acquire("sku-42", "tx-3")));
    sim.at(40, () => locks.release("sku-42", "tx-1"));
    sim.at(45, () => sim.note("stock", "checkpoint"));
    await sim.run();
    const events = traceEvents(sim.trace);
    expect(events).toEqual([
      { kind: "lock-wait", node: "stock", lock: "sku-42 (tx-2)", start: 15, end: 40 },
      { kind: "lock-wait", node: "stock", lock: "sku-42 (tx-3)", start: 16 },
      { kind: "note", node: "stock", time: 45, text: "checkpoint" },
    ]);
    const figure = validateFigure({ kind: "sequence", title: "Lock waits", nodes: ["stock"], events });
    expect(figure.ok).toBe(true);
  });

  it("still reads an ordinary note that merely mentions a lock as a note", () => {
    expect(traceEvents([{ time: 1, from: "a", text: "tx-2 waits for sku-42" }])).toEqual([{ kind: "note", node: "a", time: 1, text: "tx-2 waits for sku-42" }]);
  });
});
