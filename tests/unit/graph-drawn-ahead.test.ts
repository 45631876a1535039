// The tag graphs a build draws ahead of its pages (src/lib/graph/graph-drawn-ahead.ts): a page
// takes a drawing only when everything it would draw it from is the same, and outside a build
// it draws every graph itself.
import { afterEach, expect, test } from "vitest";
import { buildGraphModel } from "../../src/lib/graph/graph-model.ts";
import { localGraphInput } from "../../src/lib/graph/graph-local-layout.ts";
import { ENTRY_GRAPH, TAG_GRAPH, localGraphSvg } from "../../src/lib/graph/graph-drawings.ts";
import { addDrawings, countAsk, drawnAheadOr, followDrawings, graphKey, keepDrawings, startKeepingDrawings, stopKeepingDrawings, tallyAsksWith } from "../../src/lib/graph/graph-drawn-ahead.ts";

const model = buildGraphModel({
  tags: [
    { id: "consensus", title: "Consensus", aliases: [], related: ["raft"] },
    { id: "raft", title: "Raft", aliases: [], related: [] },
    { id: "two-phase-commit", title: "Two-phase commit", aliases: ["2pc"], related: [] },
  ],
  entries: [
    { day: 1, title: "One", tagIds: ["consensus", "raft"] },
    { day: 2, title: "Two", tagIds: ["raft", "two-phase-commit"] },
  ],
});
const input = localGraphInput(model, ["raft"], { limit: 12 });
const drawnHere = (idPrefix: string, base: string) => localGraphSvg(input, idPrefix, base);

afterEach(() => void stopKeepingDrawings());

test("a page takes the drawing made from its own data, prefix and base path, and draws any other itself", () => {
  startKeepingDrawings();
  keepDrawings([[graphKey("local", input, ENTRY_GRAPH, "/journal/"), "DRAWN AHEAD"]]);
  expect(drawnAheadOr(graphKey("local", input, ENTRY_GRAPH, "/journal/"), () => drawnHere(ENTRY_GRAPH, "/journal/"))).toBe("DRAWN AHEAD");
  // Another base path, another prefix (ids in the SVG), other data: drawn by the page.
  expect(drawnAheadOr(graphKey("local", input, ENTRY_GRAPH, "/"), () => drawnHere(ENTRY_GRAPH, "/"))).toBe(drawnHere(ENTRY_GRAPH, "/"));
  expect(drawnAheadOr(graphKey("local", input, TAG_GRAPH, "/journal/"), () => drawnHere(TAG_GRAPH, "/journal/"))).toBe(drawnHere(TAG_GRAPH, "/journal/"));
  const other = { ...input, nodes: input.nodes.map((n) => ({ ...n, title: `${n.title}!` })) };
  expect(drawnAheadOr(graphKey("local", other, ENTRY_GRAPH, "/journal/"), () => "DRAWN HERE")).toBe("DRAWN HERE");
  expect(drawnAheadOr(graphKey("whole", input, ENTRY_GRAPH, "/journal/"), () => "DRAWN HERE"), "a whole graph is not a local one").toBe("DRAWN HERE");
  expect(stopKeepingDrawings()).toEqual({ asked: 5, drawnAhead: 1, taken: 1 });
});

test("the base path changes the links, so it is part of what a drawing is found by", () => {
  expect(drawnHere(ENTRY_GRAPH, "/journal/")).toContain('href="/journal/tags/raft/"');
  expect(drawnHere(ENTRY_GRAPH, "/")).toContain('href="/tags/raft/"');
  expect(graphKey("local", input, ENTRY_GRAPH, "/journal/")).not.toBe(graphKey("local", input, ENTRY_GRAPH, "/"));
});

test("outside a build nothing is kept or counted: every page draws its graph", () => {
  keepDrawings([[graphKey("local", input, ENTRY_GRAPH, "/"), "KEPT WITHOUT A BUILD"]]);
  expect(drawnAheadOr(graphKey("local", input, ENTRY_GRAPH, "/"), () => "DRAWN HERE")).toBe("DRAWN HERE");
  expect(stopKeepingDrawings()).toEqual({ asked: 0, drawnAhead: 0, taken: 0 });
});

test("a second page-rendering thread gets every drawing, kept before it followed and after", () => {
  startKeepingDrawings();
  keepDrawings([["a", "A"]]);
  const followed: [string, string][][] = [];
  followDrawings((drawings) => followed.push(drawings));
  keepDrawings([["b", "B"], ["c", "C"]]);
  expect(followed).toEqual([[["a", "A"]], [["b", "B"], ["c", "C"]]]);
});

test("asks handed to a tally count only once it counts them, as a second thread counts only the pages it keeps", () => {
  startKeepingDrawings();
  keepDrawings([["kept", "SVG"]]);
  const held: [string, boolean][] = [];
  tallyAsksWith((key, taken) => held.push([key, taken]));
  expect(drawnAheadOr("kept", () => "HERE")).toBe("SVG");
  expect(drawnAheadOr("other", () => "HERE")).toBe("HERE");
  expect(held).toEqual([["kept", true], ["other", false]]);
  countAsk(...held[0]!);
  expect(stopKeepingDrawings()).toEqual({ asked: 1, drawnAhead: 1, taken: 1 });
  expect(addDrawings({ asked: 1, drawnAhead: 1, taken: 1 }, { asked: 2, drawnAhead: 2, taken: 0 })).toEqual({ asked: 3, drawnAhead: 3, taken: 1 });
  expect(addDrawings({ asked: 1, drawnAhead: 1, taken: 1 }, undefined)).toEqual({ asked: 1, drawnAhead: 1, taken: 1 });
});
