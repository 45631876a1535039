// The parity test's documented differences between the build and plain Node: each lets through
// exactly what it says, and a difference that did not occur is reported unless it depends on load.
import { expect, test } from "vitest";
import { compareWithNode } from "../helpers/node-differences.ts";

const BUILD = ["tick 1", "tick 2", "timeout at 250 ms, between ticks 2 and 3", "tick 3", "tick 4", "cleared", "ticks: 4"].join("\n");

test("real timers under load: a late tick may land after a later timer, but every line must be printed", () => {
  const late = BUILD.replace("tick 2\ntimeout at 250 ms, between ticks 2 and 3", "timeout at 250 ms, between ticks 2 and 3\ntick 2");
  expect(compareWithNode(BUILD, late, ["real timers under load"]).problem).toBeUndefined();
  expect(compareWithNode(BUILD, late, []).problem).toBe("differs");
  expect(compareWithNode(BUILD, late.replace("tick 4\n", ""), ["real timers under load"]).problem).toMatch(/^differs beyond/);
  expect(compareWithNode(BUILD, late.replace("ticks: 4", "ticks: 5"), ["real timers under load"]).problem).toMatch(/^differs beyond/);
});

test("a load-dependent difference may not occur; any other documented difference must", () => {
  expect(compareWithNode(BUILD, BUILD, ["real timers under load"]).problem).toBeUndefined();
  expect(compareWithNode(BUILD, BUILD, ["virtual time"]).problem).toMatch(/outputs are identical: remove the entry/);
  expect(compareWithNode(BUILD, BUILD, ["real timers under load", "virtual time"]).problem).toMatch(/outputs are identical/);
});
