/**
 * sandbox-frame.ts: the duration a run's status shows. The frame stops a run at its limit counted
 * from the worker's start, which the page hears of a message later; a stopped run must never read
 * as stopped before its limit ("Stopped after 8.9 s" for a 9 s limit), and nothing else changes.
 */
import { describe, expect, it } from "vitest";
import { shownDuration } from "../../src/client/snippets/sandbox-frame.ts";

describe("shownDuration", () => {
  const started = { running: true, limit: 9000 };

  it("shows a run stopped at its limit as stopped at the limit, however late the page heard it started", () => {
    expect(shownDuration(8912.4, "timed-out", started)).toBe(9000);
    expect(shownDuration(8999.6, "timed-out", started)).toBe(9000);
  });

  it("keeps a longer measured stop (the reply itself came late)", () => {
    expect(shownDuration(9187.2, "timed-out", started)).toBe(9187);
  });

  it("leaves every other outcome as measured, rounded", () => {
    expect(shownDuration(41.6, "ran", started)).toBe(42);
    expect(shownDuration(120.2, "failed", started)).toBe(120);
    expect(shownDuration(12_000.4, "stopped", started)).toBe(12_000);
  });

  it("leaves a run whose worker never started as measured: the start-up limit stopped it, not the run's own", () => {
    expect(shownDuration(5003.2, "timed-out", { running: false, limit: 9000 })).toBe(5003);
  });
});
