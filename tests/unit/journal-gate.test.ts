import type { Loader } from "astro/loaders";
import { afterEach, describe, expect, it } from "vitest";
import { afterJournalCheck, holdContentUntil, journalChecked } from "../../src/lib/journal-gate.ts";

const GATE = Symbol.for("daybook.journal-checked");
afterEach(() => void delete (globalThis as Record<symbol, unknown>)[GATE]);

/** A loader that records when Astro's load reaches it. */
function recordingLoader(): { loader: Loader; loads: unknown[] } {
  const loads: unknown[] = [];
  return { loads, loader: { name: "glob-loader", load: async (context) => void loads.push(context) } };
}

const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("the content loaders behind the build's journal check", () => {
  it("start loading only once the check has passed, keeping the loader's name", async () => {
    let pass!: () => void;
    holdContentUntil(new Promise<void>((resolve) => (pass = resolve)));
    const { loader, loads } = recordingLoader();
    const gated = afterJournalCheck(loader);
    expect(gated.name).toBe("glob-loader");
    const loading = gated.load("context" as never);
    await turns();
    expect(loads).toEqual([]);
    pass();
    await loading;
    expect(loads).toEqual(["context"]);
  });

  it("load at once when no build holds them (dev, astro check)", async () => {
    const { loader, loads } = recordingLoader();
    await afterJournalCheck(loader).load("context" as never);
    expect(loads).toEqual(["context"]);
    await expect(journalChecked()).resolves.toBeUndefined();
  });
});
