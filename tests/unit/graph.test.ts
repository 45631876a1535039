import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { syntheticJournal } from "../../bench/graph.ts";
import { detectCommunities } from "../../src/lib/graph/graph-communities.ts";
import { graphCss } from "../../src/lib/graph/graph-css.ts";
import { escapeXml } from "../../src/lib/escape-xml.ts";
import { toGraphJson } from "../../src/lib/graph/graph-json.ts";
import { labelBox, placeLabels } from "../../src/lib/graph/graph-labels.ts";
import { layoutGraph, type GraphLayout } from "../../src/lib/graph/graph-layout.ts";
import { layoutLocalGraph, localGraphInput } from "../../src/lib/graph/graph-local-layout.ts";
import { buildGraphModel, type GraphEntryInput, type GraphTagInput } from "../../src/lib/graph/graph-model.ts";
import {
  communityClass,
  contrastRatio,
  DARK_BACKGROUND,
  GRAPH_EDGE_COLOUR,
  GRAPH_PALETTE,
  LIGHT_BACKGROUND,
} from "../../src/lib/graph/graph-palette.ts";
import { neighbourhood, relatedTags } from "../../src/lib/graph/graph-query.ts";
import { clusterSummary } from "../../src/lib/graph/graph-summary.ts";
import { nodeLabel, renderGraphSvg, renderLocalGraphSvg, renderLocalInputSvg } from "../../src/lib/graph/graph-svg.ts";

const tag = (id: string, title: string, aliases: string[] = [], related: string[] = []): GraphTagInput => ({ id, title, aliases, related });
const entry = (day: number, ...tagIds: string[]): GraphEntryInput => ({ day, title: `Day ${day}`, tagIds });
const hrefFor = (id: string) => `/tags/${id}/`;

/** A small journal with two obvious clusters (data and reliability) and one loose tag. */
const TAGS = [
  tag("two-phase-commit", "Two-phase commit", ["2pc"], ["sagas"]),
  tag("sagas", "Sagas", ["saga"], ["2PC"]),
  tag("transactions", "Transactions", [], ["databases"]),
  tag("databases", "Databases", ["db"]),
  tag("retries", "Retries", ["retry"], ["timeouts", "no-such-tag"]),
  tag("timeouts", "Timeouts"),
  tag("circuit-breaker", "Circuit breaker", ["breaker"]),
  tag("security", "Security & <auth> \"quoted\" 'single'"),
];
const ENTRIES = [
  entry(3, "2PC", "transactions", "databases"),
  entry(1, "two-phase-commit", "saga", "transactions"),
  entry(7, "databases", "transactions", "DB"),
  entry(9, "db", "two-phase-commit"),
  entry(2, "retries", "timeouts", "breaker"),
  entry(5, "retry", "timeouts"),
  entry(8, "timeouts", "circuit-breaker", "unknown-tag"),
  entry(6, "retries", "circuit-breaker"),
];
const model = () => buildGraphModel({ tags: TAGS, entries: ENTRIES });

describe("graph model", () => {
  const m = model();
  const node = (id: string) => m.byId.get(id)!;
  const edge = (a: string, b: string) => m.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

  it.each([
    // id, weight (entries), first day, latest day
    ["two-phase-commit", 3, 1, 9],
    ["transactions", 3, 1, 7],
    ["databases", 3, 3, 9],
    ["sagas", 1, 1, 1],
    ["retries", 3, 2, 6],
    ["timeouts", 3, 2, 8],
    ["circuit-breaker", 3, 2, 8],
    ["security", 0, null, null],
  ])("%s: weight %i, days %s…%s", (id, weight, first, latest) => {
    expect(node(id)).toMatchObject({ weight, firstDay: first, latestDay: latest });
  });

  it("resolves aliases (any case) on entries and in related, counts a repeated tag once, ignores unknown names", () => {
    expect(edge("databases", "transactions")).toMatchObject({ weight: 2, kinds: ["co-occurrence", "related"] });
    expect(edge("sagas", "two-phase-commit")).toMatchObject({ weight: 1, kinds: ["co-occurrence", "related"] });
    expect(m.nodes.map((n) => n.id)).not.toContain("unknown-tag");
    expect(m.edges.some((e) => e.source === "no-such-tag" || e.target === "no-such-tag")).toBe(false);
  });

  it.each([
    ["retries", "timeouts", 2, ["co-occurrence", "related"]],
    ["circuit-breaker", "timeouts", 2, ["co-occurrence"]],
    ["databases", "two-phase-commit", 2, ["co-occurrence"]],
    ["sagas", "transactions", 1, ["co-occurrence"]],
  ])("edge %s–%s has weight %i and kinds %j", (a, b, weight, kinds) => {
    expect(edge(a, b)).toEqual({ source: a, target: b, weight, kinds });
  });

  it("keeps a related-only pair as a distinct 'related' edge with weight 0", () => {
    const only = buildGraphModel({ tags: [tag("a", "A", [], ["b"]), tag("b", "B")], entries: [entry(1, "a"), entry(2, "b")] });
    expect(only.edges).toEqual([{ source: "a", target: "b", weight: 0, kinds: ["related"] }]);
  });

  it("sorts nodes by id and edges by source then target, with source < target", () => {
    const ids = m.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    for (const e of m.edges) expect(e.source < e.target).toBe(true);
    const keys = m.edges.map((e) => `${e.source} ${e.target}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("handles an empty journal", () => {
    const empty = buildGraphModel({ tags: [], entries: [] });
    expect(toGraphJson(empty)).toEqual({ version: 1, entries: 0, nodes: [], edges: [], communities: [] });
    const layout = layoutGraph(empty);
    expect(layout.nodes).toEqual([]);
    const svg = renderGraphSvg(layout, { hrefFor });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain("<title id=\"tag-graph-title\">Tag graph: no tags yet</title>");
    expect(clusterSummary(empty)).toEqual([]);
  });

  it("handles a single tag, used and unused", () => {
    for (const entries of [[entry(4, "solo")], []]) {
      const one = buildGraphModel({ tags: [tag("solo", "Solo")], entries });
      expect(one.edges).toEqual([]);
      expect(one.communities).toEqual([{ id: 0, label: "Solo", weight: entries.length, tags: ["solo"] }]);
      const layout = layoutGraph(one);
      expect(layout.nodes).toHaveLength(1);
      expect(Number.isFinite(layout.nodes[0]!.x)).toBe(true);
      expect(renderGraphSvg(layout, { hrefFor })).toContain(`aria-label="${nodeLabel("Solo", entries.length)}"`);
    }
  });

  it("exports /graph.json with the documented shape", () => {
    const json = toGraphJson(m);
    expect(Object.keys(json)).toEqual(["version", "entries", "nodes", "edges", "communities"]);
    expect(json.version).toBe(1);
    expect(json.nodes[0]).toEqual({
      id: "circuit-breaker",
      title: "Circuit breaker",
      aliases: ["breaker"],
      weight: 3,
      firstDay: 2,
      latestDay: 8,
      community: node("circuit-breaker").community,
    });
    expect(json.communities.map((c) => c.id)).toEqual(json.communities.map((_, i) => i));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("related tags and neighbourhood", () => {
  const m = model();

  it("ranks related tags by shared entries, ties by title, related-only last", () => {
    expect(relatedTags(m, "two-phase-commit")).toEqual([
      { id: "databases", title: "Databases", count: 2, related: false },
      { id: "transactions", title: "Transactions", count: 2, related: false },
      { id: "sagas", title: "Sagas", count: 1, related: true },
    ]);
    expect(relatedTags(m, "two-phase-commit", 1).map((t) => t.id)).toEqual(["databases"]);
    expect(relatedTags(m, "security")).toEqual([]);
    expect(relatedTags(m, "missing")).toEqual([]);
  });

  it.each([
    [["two-phase-commit"], 2, ["two-phase-commit", "databases"]],
    [["two-phase-commit"], 3, ["two-phase-commit", "databases", "transactions"]],
    [["two-phase-commit"], 12, ["two-phase-commit", "databases", "transactions", "sagas"]],
    [["retries", "timeouts", "retries"], 3, ["retries", "timeouts", "circuit-breaker"]],
    [["missing", "security"], 12, ["security"]],
    [["retries", "timeouts"], 1, ["retries"]],
  ])("neighbourhood(%j, limit %i) → %j", (ids, limit, expected) => {
    const hood = neighbourhood(m, ids, { limit });
    expect(hood.nodes.map((n) => n.id)).toEqual(expected);
    for (const e of hood.edges) expect(expected.includes(e.source) && expected.includes(e.target)).toBe(true);
  });

  it("picks the same neighbours as sorting every edge from the focus tags, on a journal of 1,000 entries", () => {
    // The definition neighbourhood() keeps without sorting everything: walk all focus-to-neighbour
    // edges heaviest first (ties: related first, then title, then id) and take new tags in turn.
    const input = syntheticJournal(300, 1000);
    const big = buildGraphModel(input);
    const reference = (ids: readonly string[], limit: number) => {
      const focus = [...new Set(ids)].filter((id) => big.byId.has(id)).slice(0, limit);
      const chosen = new Set(focus);
      const candidates = focus.flatMap((id) => (big.adjacency.get(id) ?? []).map((edge) => ({ edge, other: big.byId.get(edge.source === id ? edge.target : edge.source)! })));
      candidates.sort(
        (a, b) =>
          b.edge.weight - a.edge.weight ||
          Number(b.edge.kinds.includes("related")) - Number(a.edge.kinds.includes("related")) ||
          (a.other.title.toLowerCase() < b.other.title.toLowerCase() ? -1 : a.other.title.toLowerCase() > b.other.title.toLowerCase() ? 1 : 0) ||
          (a.other.title < b.other.title ? -1 : a.other.title > b.other.title ? 1 : 0) ||
          (a.other.id < b.other.id ? -1 : a.other.id > b.other.id ? 1 : 0),
      );
      for (const { other } of candidates) if (chosen.size < limit) chosen.add(other.id);
      return [...chosen];
    };
    const sets = [...input.entries.map((e) => e.tagIds), ...input.tags.map((t) => [t.id]), ["tag-000", "tag-001", "tag-002"]];
    let compared = 0;
    for (const ids of sets) {
      for (const limit of [0, 1, 6, 12, 40]) {
        expect(neighbourhood(big, ids, { limit }).nodes.map((n) => n.id), `${ids.join(",")} limit ${limit}`).toEqual(reference(ids, limit));
        compared++;
      }
    }
    expect(compared).toBe(sets.length * 5);
  });

  it("caps the local graph and marks its focus tags", () => {
    const big = buildGraphModel(syntheticJournal(60, 200));
    const layout = layoutLocalGraph(big, ["tag-000"], { limit: 12 });
    expect(layout.nodes).toHaveLength(12);
    expect(layout.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual(["tag-000"]);
    const svg = renderLocalGraphSvg(big, ["tag-000", "tag-001"], { hrefFor, limit: 8 });
    expect(svg.match(/<a /g)).toHaveLength(8);
    expect(svg.match(/class="node [^"]*focus/g)).toHaveLength(2);
    // What a page keeps in its props and hashes into its key (JSON) is all the drawing needs.
    const input = localGraphInput(big, ["tag-000", "tag-001"], { limit: 8 });
    expect(renderLocalInputSvg(JSON.parse(JSON.stringify(input)) as typeof input, { hrefFor })).toBe(svg);
    // No script reads a local graph (entry and tag pages have none), so it carries no data for one.
    expect(svg).not.toMatch(/ data-/);
    expect(svg.match(/<line class="edge[^"]*" x1="[\d.]+" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+"\/>/g)?.length).toBe(svg.match(/<line /g)?.length);
  });
});

describe("communities", () => {
  it("separates two cliques joined by one weak edge", () => {
    const edges = [];
    for (const group of [[0, 1, 2, 3], [4, 5, 6, 7]]) {
      for (const a of group) for (const b of group) if (a < b) edges.push({ a, b, w: 3 });
    }
    edges.push({ a: 3, b: 4, w: 1 });
    const labels = detectCommunities(9, edges, [1, 1, 1, 1, 2, 2, 2, 2, 0]);
    // The heavier clique is community 0, the isolated node is alone.
    expect(labels).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 2]);
  });

  it("groups the sample clusters and summarises them by their heaviest tag", () => {
    const m = model();
    const community = (id: string) => m.byId.get(id)!.community;
    expect(new Set(["two-phase-commit", "sagas", "transactions", "databases"].map(community)).size).toBe(1);
    expect(new Set(["retries", "timeouts", "circuit-breaker"].map(community)).size).toBe(1);
    expect(community("retries")).not.toBe(community("databases"));
    const summary = clusterSummary(m);
    expect(summary.map((c) => c.community)).toEqual([0, 1, 2]);
    const reliability = summary.find((c) => c.tags.some((t) => t.id === "retries"))!;
    expect(reliability.label).toBe("Circuit breaker");
    expect(reliability.tags).toEqual([
      { id: "circuit-breaker", title: "Circuit breaker", count: 3 },
      { id: "retries", title: "Retries", count: 3 },
      { id: "timeouts", title: "Timeouts", count: 3 },
    ]);
    expect(summary.at(-1)!.tags.map((t) => t.id)).toEqual(["security"]);
  });
});

describe("layout and SVG", () => {
  const m = model();
  const layout = layoutGraph(m);
  const svg = renderGraphSvg(layout, { hrefFor });

  it("is deterministic: same input (in any order) → identical JSON and SVG", () => {
    const again = buildGraphModel({ tags: [...TAGS].reverse(), entries: [...ENTRIES].reverse() });
    expect(JSON.stringify(toGraphJson(again))).toBe(JSON.stringify(toGraphJson(m)));
    expect(renderGraphSvg(layoutGraph(again), { hrefFor })).toBe(svg);
    const big = syntheticJournal(120, 400);
    const first = renderGraphSvg(layoutGraph(buildGraphModel(big)), { hrefFor });
    expect(renderGraphSvg(layoutGraph(buildGraphModel(big)), { hrefFor })).toBe(first);
    expect(renderLocalGraphSvg(m, ["sagas"], { hrefFor })).toBe(renderLocalGraphSvg(again, ["sagas"], { hrefFor }));
  });

  const check = (l: GraphLayout) => {
    for (const n of l.nodes) {
      for (const v of [n.x, n.y, n.r, n.label.x, n.label.y]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.round(v * 10) / 10).toBe(v);
      }
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r).toBeLessThanOrEqual(l.height);
    }
  };
  it("rounds coordinates to 0.1 and keeps nodes inside the viewBox (disconnected tags too)", () => {
    check(layout);
    check(layoutLocalGraph(m, ["two-phase-commit", "retries"]));
    const loose = buildGraphModel({ tags: ["a", "b", "c", "d"].map((id) => tag(id, id.toUpperCase())), entries: [entry(1, "a"), entry(2, "b")] });
    check(layoutGraph(loose));
  });

  it("gives heavier tags larger circles", () => {
    const r = (id: string) => layout.nodes.find((n) => n.id === id)!.r;
    expect(r("retries")).toBeGreaterThan(r("sagas"));
    expect(r("sagas")).toBeGreaterThan(r("security"));
  });

  it("places labels so that visible labels do not overlap", () => {
    const big = layoutGraph(buildGraphModel(syntheticJournal(150, 500)));
    const boxes = big.nodes.filter((n) => !n.label.minor).map((n) => labelBox(n.label, n.title));
    expect(boxes.length).toBeGreaterThan(big.nodes.length * 0.75);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlaps = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        expect(overlaps).toBe(false);
      }
    }
    // Three nodes on top of each other: labels fan out instead of stacking.
    const stacked = placeLabels([0, 1, 2].map((i) => ({ x: 0, y: i, r: 4, text: "Label", priority: 0 })));
    expect(new Set(stacked.map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });

  it("makes every node an <a> with an href, an accessible name and data attributes", () => {
    const links = [...svg.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)];
    expect(links).toHaveLength(m.nodes.length);
    expect(svg.match(/<circle /g)).toHaveLength(m.nodes.length);
    for (const [, attributes, body] of links) {
      expect(attributes).toMatch(/^href="\/tags\/[a-z0-9-]+\/" class="node community-\d[^"]*" aria-label="[^"]+, \d+ entr(y|ies)" data-id="[a-z0-9-]+" data-community="\d+" data-neighbours="[a-z0-9 -]*"$/);
      expect(body).toMatch(/^<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+"\/><text x="[\d.]+" y="[\d.]+"( text-anchor="(middle|end)")?>[^<]+<\/text>$/);
    }
    expect(svg).toContain('aria-label="Two-phase commit, 3 entries"');
    expect(svg).toContain('aria-label="Sagas, 1 entry"');
    // A labelled group of links (not role="img", which would hide the links from assistive technology).
    expect(svg.match(/role=/g)).toHaveLength(1);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="tag-graph" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" font-size="12" role="group" aria-labelledby="tag-graph-title" aria-describedby="tag-graph-desc"><title id="tag-graph-title">/);
    expect(svg).not.toMatch(/style=/);
  });

  it("draws edges beneath nodes, related edges with the dashed class, with data-source/target", () => {
    expect(svg.indexOf('<g class="edges">')).toBeLessThan(svg.indexOf('<g class="nodes">'));
    const lines = [...svg.matchAll(/<line class="([^"]+)" x1="[\d.]+" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+" data-source="([^"]+)" data-target="([^"]+)"\/>/g)];
    expect(lines).toHaveLength(layout.edges.length);
    const cls = (a: string, b: string) => lines.find((l) => l[2] === a && l[3] === b)?.[1];
    expect(cls("retries", "timeouts")).toBe("edge related");
    expect(cls("circuit-breaker", "timeouts")).toBe("edge");
    const retries = layout.nodes.find((n) => n.id === "retries")!;
    expect(svg).toContain(`data-id="retries" data-community="${retries.community}" data-neighbours="${retries.neighbours.join(" ")}"`);
    expect(retries.neighbours).toEqual(["circuit-breaker", "timeouts"]);
  });

  it.each([
    ["&", "&amp;"],
    ["<b>", "&lt;b&gt;"],
    ['"', "&quot;"],
    ["'", "&#39;"],
    ["plain", "plain"],
  ])("escapes %j as %j", (text, escaped) => expect(escapeXml(text)).toBe(escaped));

  it("escapes titles in labels, names and the local graph's title", () => {
    const escaped = "Security &amp; &lt;auth&gt; &quot;quoted&quot; &#39;single&#39;";
    expect(svg).toContain(`>${escaped}</text>`);
    expect(svg).toContain(`aria-label="${escaped}, 0 entries"`);
    expect(svg).not.toContain("<auth>");
    const local = renderLocalGraphSvg(m, ["security"], { hrefFor: () => "/?a=1&b=2", idPrefix: "day-3" });
    expect(local).toContain('href="/?a=1&amp;b=2"');
    expect(local).toContain(`<title id="day-3-title">Tags linked to ${escaped}</title>`);
  });

  it("keeps the 300-tag, 1,000-entry graph under 150 KB gzipped", () => {
    const big = renderGraphSvg(layoutGraph(buildGraphModel(syntheticJournal())), { hrefFor });
    expect(gzipSync(Buffer.from(big)).length).toBeLessThan(150 * 1024);
  });
});

describe("palette", () => {
  it.each(GRAPH_PALETTE.map((c) => [c.property, c.light, c.dark] as const))("%s passes AA: %s on white, %s on #0d1117", (_, light, dark) => {
    // 4.5:1 for label text, which also covers 3:1 for node fills.
    expect(contrastRatio(light, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark, DARK_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it("edge colour reaches 3:1 in both themes, and the contrast maths matches WCAG", () => {
    expect(contrastRatio(GRAPH_EDGE_COLOUR.light, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(GRAPH_EDGE_COLOUR.dark, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("has distinct colours, wraps community classes, and ships CSS for every class and property", () => {
    expect(new Set(GRAPH_PALETTE.map((c) => c.light)).size).toBe(GRAPH_PALETTE.length);
    expect(new Set(GRAPH_PALETTE.map((c) => c.dark)).size).toBe(GRAPH_PALETTE.length);
    expect([0, 7, 8, 13].map(communityClass)).toEqual(["community-0", "community-7", "community-0", "community-5"]);
    const css = graphCss();
    for (const [i, c] of GRAPH_PALETTE.entries()) {
      expect(css).toContain(`.community-${i} { fill: var(${c.property}); }`);
      expect(css).toContain(`${c.property}: ${c.light};`);
      expect(css).toContain(`${c.property}: ${c.dark};`);
    }
    expect(css).toContain(".edge.related { stroke-dasharray");
  });
});
