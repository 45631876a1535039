import { describe, expect, it } from "vitest";
import { pageConcurrency, shareImageWorkers } from "../../src/integration/machine-budget.ts";

const GB = 1024 ** 3;

describe("what a build takes of the machine", () => {
  it.each([
    // cores, spare memory, share-image workers, pages at once
    [1, 8 * GB, 1, 2],
    [2, 8 * GB, 2, 4],
    [8, 16 * GB, 8, 16],
    [64, 256 * GB, 16, 32],
    [8, 0.25 * GB, 4, 2],
    [4, 0, 1, 1],
  ])("%i cores, %d bytes spare: %i workers, %i pages", (cores, spareBytes, workers, pages) => {
    expect(shareImageWorkers({ cores, spareBytes })).toBe(workers);
    expect(pageConcurrency({ cores, spareBytes })).toBe(pages);
  });
});
