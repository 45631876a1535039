import { describe, expect, it } from "vitest";
import { closestTags, editDistance } from "../../src/client/search/closest-tags.ts";
import { queryTerms, unmatchedTerms } from "../../src/client/search/real-matches.ts";
import type { PagefindResultData, TagInfo } from "../../src/client/search/pagefind-loader.ts";

function result(content: string, locations: number[], meta: Record<string, string> = {}): PagefindResultData {
  return { url: "/day/1/", excerpt: "", content, locations, meta, filters: {} };
}

describe("telling real matches from Pagefind's shorter-word fallback", () => {
  it("splits a query as Pagefind does", () => {
    expect(queryTerms("Two-phase  COMMIT, café")).toEqual(["twophase", "commit", "cafe"]);
  });

  it("treats a match on a one-letter variable as no match", () => {
    expect(unmatchedTerms("kafka", result("for (const k of keys) k.close()", [2, 5]))).toEqual(["kafka"]);
    expect(unmatchedTerms("xyzzy", result("x = 1", [0]))).toEqual(["xyzzy"]);
  });

  it("keeps a typo that matched a longer stem, and hyphenated words", () => {
    expect(unmatchedTerms("idempotncy", result("Idempotency, twice.", [0]))).toEqual([]);
    expect(unmatchedTerms("phase commit", result("a two-phase commit.", [1, 2]))).toEqual([]);
  });

  it("counts words matched in metadata (an alias), which have no location", () => {
    expect(unmatchedTerms("2pc", result("Two-phase commit", [], { aliases: "2pc, two phase commit" }))).toEqual([]);
  });

  it("names only the word that found nothing", () => {
    expect(unmatchedTerms("kafka outbox", result("the outbox k", [1, 2]))).toEqual(["kafka"]);
  });
});

describe("the closest tags to a query with no results", () => {
  const tags: TagInfo = {
    backpressure: { title: "Backpressure", aliases: ["back-pressure", "flow control"] },
    caching: { title: "Caching", aliases: ["cache"] },
    "two-phase-commit": { title: "Two-phase commit", aliases: ["2pc"] },
    queueing: { title: "Queueing", aliases: ["queues"] },
  };

  it("measures edits, swaps included", () => {
    expect(editDistance("jitter", "jtiter")).toBe(1);
    expect(editDistance("kafka", "")).toBe(5);
  });

  it("puts a misspelt or shortened topic first", () => {
    expect(closestTags("bakpresure", tags)[0]).toBe("backpressure");
    expect(closestTags("cach invalidation", tags)[0]).toBe("caching");
    expect(closestTags("queue", tags)[0]).toBe("queueing");
    expect(closestTags("2pc protocol", tags)[0]).toBe("two-phase-commit");
  });

  it("offers three at most, and none for an empty query", () => {
    expect(closestTags("xyzzy", tags)).toHaveLength(3);
    expect(closestTags("  ", tags)).toEqual([]);
  });
});
