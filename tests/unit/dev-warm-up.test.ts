import { afterEach, describe, expect, it, vi } from "vitest";
import { warmUpOnceShown } from "../../src/integration/dev/dev-warm-up.ts";

/** A journal that records what the warm-up starts. */
function journal(hasSnippets = true) {
  const started: string[] = [];
  return {
    started,
    hasSnippets: () => hasSnippets,
    warmTypecheck: () => void started.push("typecheck"),
    warmSnippetHost: async () => void started.push("host"),
  };
}

const ticks = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

afterEach(() => void vi.useRealTimers());

describe("the dev server's warm-up", () => {
  it("waits for a page to be open, then starts the type-check thread and a snippet host once", async () => {
    const fake = journal();
    let ready!: () => void;
    const warm = warmUpOnceShown(new Promise<void>((resolve) => (ready = resolve)), fake, 3_600_000);
    ready();
    await ticks();
    // The start-up check is done but no page asked for the journal's state: Vite still loads it.
    expect(fake.started).toEqual([]);
    warm.shown();
    warm.shown();
    await ticks();
    expect(fake.started).toEqual(["typecheck", "host"]);
    warm.shown();
    await ticks();
    expect(fake.started).toEqual(["typecheck", "host"]);
  });

  it("a page opened before the start-up check ends warms up after it", async () => {
    const fake = journal();
    let ready!: () => void;
    const warm = warmUpOnceShown(new Promise<void>((resolve) => (ready = resolve)), fake, 3_600_000);
    warm.shown();
    await ticks();
    expect(fake.started).toEqual([]);
    ready();
    await ticks();
    expect(fake.started).toEqual(["typecheck", "host"]);
  });

  it("warms up a while after the check when no page is opened, and never once the server has closed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fake = journal();
    warmUpOnceShown(Promise.resolve(), fake, 10_000);
    await ticks();
    vi.advanceTimersByTime(9_999);
    await ticks();
    expect(fake.started).toEqual([]);
    vi.advanceTimersByTime(1);
    await ticks();
    expect(fake.started).toEqual(["typecheck", "host"]);

    const closed = journal();
    const warm = warmUpOnceShown(Promise.resolve(), closed, 10_000);
    await ticks();
    warm.cancel();
    warm.shown();
    vi.advanceTimersByTime(20_000);
    await ticks();
    expect(closed.started).toEqual([]);
  });

  it("starts nothing for a journal without snippets, and still warms up after a failed start-up check", async () => {
    const none = journal(false);
    const warm = warmUpOnceShown(Promise.resolve(), none, 3_600_000);
    warm.shown();
    await ticks();
    expect(none.started).toEqual([]);

    const failed = journal();
    const afterFailure = warmUpOnceShown(Promise.reject(new Error("the check failed")), failed, 3_600_000);
    afterFailure.shown();
    await ticks();
    expect(failed.started).toEqual(["typecheck", "host"]);
  });
});
