import { describe, expect, it } from "vitest";
import { aheadShareImageWorkers, fileSystemThreads, pageConcurrency, renderThreads, shareImageWorkers } from "../../src/integration/machine-budget.ts";

const GB = 1024 ** 3;

describe("what a build takes of the machine", () => {
  it.each([
    // cores, spare memory, share-image workers, of them drawing ahead, pages at once, file-system threads, render threads
    [1, 8 * GB, 1, 1, 2, 1, 1],
    [2, 8 * GB, 2, 1, 4, 2, 1],
    [3, 8 * GB, 3, 2, 6, 3, 2],
    [8, 16 * GB, 8, 7, 16, 4, 2],
    [64, 256 * GB, 16, 16, 32, 4, 2],
    [8, 0.25 * GB, 4, 4, 2, 4, 1],
    [4, 0, 1, 1, 1, 4, 1],
    [4, 1 * GB, 4, 3, 8, 4, 2],
  ])("%i cores, %d bytes spare: %i workers (%i ahead), %i pages, %i file-system threads, %i render threads", (cores, spareBytes, workers, ahead, pages, files, renders) => {
    expect(shareImageWorkers({ cores, spareBytes })).toBe(workers);
    expect(aheadShareImageWorkers({ cores, spareBytes })).toBe(ahead);
    expect(pageConcurrency({ cores, spareBytes })).toBe(pages);
    expect(fileSystemThreads({ cores, spareBytes })).toBe(files);
    expect(renderThreads({ cores, spareBytes })).toBe(renders);
  });
});
