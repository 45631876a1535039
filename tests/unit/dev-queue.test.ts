import { describe, expect, it } from "vitest";
import { CoalescingQueue } from "../../src/integration/dev/dev-queue.ts";

/** A task whose runs the test ends one by one. */
function controlled() {
  const ends: (() => void)[] = [];
  let started = 0;
  const queue = new CoalescingQueue(() => {
    started++;
    return new Promise<void>((resolve, reject) => ends.push(() => (started === 2 && fail.next ? reject(new Error("failed")) : resolve())));
  });
  const fail = { next: false };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { queue, ends, started: () => started, fail, tick };
}

describe("the dev server's coalescing queue", () => {
  it("runs one task at a time, and requests made while one waits share it", async () => {
    const { queue, ends, started, tick } = controlled();
    const first = queue.request();
    await tick();
    expect(started()).toBe(1);
    // Three saves while the first run is in progress: one run after it, for all three.
    const second = queue.request();
    expect(queue.request()).toBe(second);
    expect(queue.request()).toBe(second);
    expect(second).not.toBe(first);
    await tick();
    expect(started()).toBe(1);
    ends[0]!();
    await first;
    await tick();
    expect(started()).toBe(2);
    // Once it has started, a new request queues another run.
    const third = queue.request();
    expect(third).not.toBe(second);
    ends[1]!();
    await second;
    await tick();
    ends[2]!();
    await third;
    expect(started()).toBe(3);
  });

  it("goes on after a failed run, and settled() waits for the last run without failing", async () => {
    const { queue, ends, fail, tick } = controlled();
    fail.next = true;
    const first = queue.request();
    await tick();
    const second = queue.request();
    ends[0]!();
    await first;
    await tick();
    let settled = false;
    const waiting = queue.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    ends[1]!();
    await expect(second).rejects.toThrow("failed");
    await waiting;
    const third = queue.request();
    await tick();
    ends[2]!();
    await expect(third).resolves.toBeUndefined();
  });
});
