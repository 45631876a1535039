import { describe, expect, it } from "vitest";
import { validateFigure } from "../../src/figures/index.ts";
import { createNetwork, createNode, createSim, timeline, traceEvents, type TraceEvent } from "../../src/sim/index.ts";

async function twoPhaseCommit() {
  const sim = createSim({ seed: 7 });
  const net = createNetwork(sim, { latency: (random) => random.uniform(2, 6) });
  const participants = ["payments", "stock"];
  const coordinator = createNode(net, "coordinator", {
    state: () => ({ yes: 0 }),
    onMessage(node, msg) {
      if (msg !== "YES tx-1" || ++node.state.yes < participants.length) return;
      node.log.append("COMMIT tx-1");
      node.crash({ restartAfter: 30 });
    },
    onRestart: (node) => participants.forEach((p) => node.send(p, node.log.last() ?? "ABORT tx-1")),
  });
  for (const name of participants) {
    createNode(net, name, {
      onMessage(node, msg, from) {
        node.log.append(msg === "PREPARE tx-1" ? "YES tx-1" : msg);
        if (msg === "PREPARE tx-1") node.send(from, "YES tx-1");
      },
    });
  }
  sim.at(0, () => participants.forEach((p) => coordinator.send(p, "PREPARE tx-1")));
  sim.at(1, () => net.partition(["stock"], ["payments"]));
  sim.at(2, () => net.send("payments", "stock", "gossip"));
  sim.at(3, () => net.heal());
  sim.at(4, () => net.partition(["payments"]));
  await sim.run({ until: 60 });
  return sim;
}

describe("traceEvents", () => {
  it("reads messages, crashes, restarts, partitions and notes from what the simulation already records", async () => {
    const events = traceEvents((await twoPhaseCommit()).trace);
    const kinds = events.map((e) => e.kind);
    expect(kinds.filter((k) => k === "crash")).toHaveLength(1);
    expect(kinds.filter((k) => k === "restart")).toHaveLength(1);
    expect(events.find((e) => e.kind === "crash")).toMatchObject({ node: "coordinator" });
    expect(events.filter((e) => e.kind === "partition")).toEqual([
      { kind: "partition", groups: [["stock"], ["payments"]], start: 1, end: 3 },
      { kind: "partition", groups: [["payments"]], start: 4 }, // cut off from everyone else, never healed
    ]);
    expect(events).toContainEqual({ kind: "message", from: "payments", to: "stock", label: "gossip", sent: 2, dropped: 2, reason: "partition" });
    const prepare = events.find((e): e is Extract<TraceEvent, { kind: "message" }> => e.kind === "message" && e.label === "PREPARE tx-1");
    expect(prepare?.received).toBeGreaterThan(prepare!.sent);
    expect(events).toContainEqual(expect.objectContaining({ kind: "note", node: "coordinator", text: "logs COMMIT tx-1" }));
  });

  it("lets trace events of your own, such as lock waits, pass through in place", () => {
    const wait: TraceEvent = { kind: "lock-wait", node: "b", lock: "row 7", start: 3, end: 9 };
    expect(traceEvents([{ time: 1, from: "a", text: "starts" }, wait])).toEqual([{ kind: "note", node: "a", time: 1, text: "starts" }, wait]);
  });

  it("marks a message still in flight when the run stopped with neither received nor dropped", () => {
    const sim = createSim();
    const net = createNetwork(sim, { latency: 10 });
    net.on("b", () => undefined);
    net.send("a", "b", "slow");
    expect(traceEvents(sim.trace)).toEqual([{ kind: "message", from: "a", to: "b", label: "slow", sent: 0 }]);
  });

  it("gives data a sequence figure accepts", async () => {
    const events = traceEvents((await twoPhaseCommit()).trace);
    const check = validateFigure({ kind: "sequence", title: "2PC", nodes: ["coordinator", "payments", "stock"], events });
    expect(check.ok ? "ok" : check.error).toBe("ok");
  });

  it("changes nothing the simulation records or prints", async () => {
    const sim = await twoPhaseCommit();
    const before = timeline(sim.trace);
    const snapshot = JSON.stringify(sim.trace);
    traceEvents(sim.trace);
    expect(timeline(sim.trace)).toBe(before);
    expect(JSON.stringify(sim.trace)).toBe(snapshot);
    expect(before.split("\n").slice(0, 3)).toEqual(["   0.0 ms  coordinator → payments  PREPARE tx-1", "   0.0 ms  coordinator → stock     PREPARE tx-1", "   1.0 ms  network                 partition stock | payments"]);
  });
});
