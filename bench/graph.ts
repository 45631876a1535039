// Tag graph at scale: a synthetic journal of 1,000 entries and 300 tags (5 tags per entry,
// skewed popularity, topic clusters, some `related` links). Times model + layout + SVG.
import { gzipSync } from "node:zlib";
import { buildGraphModel, type GraphEntryInput, type GraphTagInput } from "../src/lib/graph/graph-model.ts";
import { layoutGraph } from "../src/lib/graph/graph-layout.ts";
import { renderGraphSvg } from "../src/lib/graph/graph-svg.ts";
import { seededRandom } from "../src/lib/graph/graph-random.ts";
import { localGraphInput } from "../src/lib/graph/graph-local-layout.ts";
import { ENTRY_GRAPH, TAG_GRAPH, localGraphSvg } from "../src/lib/graph/graph-drawings.ts";

const WORDS = ["consensus", "replication", "queue", "cache", "index", "retry", "lease", "quorum", "schema", "shard", "backoff", "log", "snapshot", "lock", "timeout", "batch"];
const KINDS = ["basics", "failure modes", "in practice", "& trade-offs", "patterns", "tuning", "theory"];

/** A deterministic synthetic journal (`tags` × `entries`, `perEntry` tags each). */
export function syntheticJournal(tagCount = 300, entryCount = 1000, perEntry = 5): { tags: GraphTagInput[]; entries: GraphEntryInput[] } {
  const random = seededRandom(20261119);
  const topics = 12;
  const tags: GraphTagInput[] = Array.from({ length: tagCount }, (_, i) => ({
    id: `tag-${String(i).padStart(3, "0")}`,
    title: `${WORDS[i % WORDS.length]!} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]!} ${i}`,
    aliases: [`alias-${i}`],
    related: [],
  }));
  const inTopic = (topic: number) => tags.filter((_, i) => i % topics === topic);
  // Zipf-like: rank r is picked with probability ∝ 1 / (r + 1).
  const pick = <T>(list: readonly T[]): T => {
    const total = list.reduce((sum, _, r) => sum + 1 / (r + 1), 0);
    let u = random() * total;
    for (let r = 0; r < list.length; r++) if ((u -= 1 / (r + 1)) <= 0) return list[r]!;
    return list[list.length - 1]!;
  };
  for (const [i, tag] of tags.entries()) {
    if (i % 3 !== 0) continue;
    const peers = inTopic(i % topics);
    tag.related = [pick(peers).id, random() < 0.2 ? pick(tags).id : pick(peers).aliases[0]!];
  }
  const entries: GraphEntryInput[] = Array.from({ length: entryCount }, (_, e) => {
    const topic = pick(Array.from({ length: topics }, (_, t) => t));
    const chosen = new Set<string>();
    while (chosen.size < perEntry) chosen.add((chosen.size < perEntry - 1 ? pick(inTopic(topic)) : pick(tags)).id);
    return { day: e + 1, title: `Day ${e + 1}`, tagIds: [...chosen] };
  });
  return { tags, entries };
}

/**
 * Figures for `npm run bench`: layout time covers model + layout + SVG; sizes are of the SVG.
 * The local graphs (each entry's and each tag's) are timed in two parts: their inputs, which the
 * pages work out for their incremental-build keys, and their SVGs, which a build draws ahead of
 * the pages in a thread of its own (src/integration/graph/graphs-ahead.ts). Thread CPU time.
 */
export async function benchGraph(): Promise<{ tags: number; entries: number; layoutMs: number; svgBytes: number; svgGzipBytes: number; localGraphs: number; localInputMs: number; localSvgMs: number }> {
  const journal = syntheticJournal();
  const started = performance.now();
  const model = buildGraphModel(journal);
  const layout = layoutGraph(model);
  const svg = renderGraphSvg(layout, { hrefFor: (id) => `/tags/${id}/` });
  const layoutMs = performance.now() - started;
  const bytes = Buffer.from(svg, "utf8");
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.threadCpuUsage(since);
    return (user + system) / 1000;
  };
  const pages = [...journal.entries.map((e) => ({ tagIds: e.tagIds, idPrefix: ENTRY_GRAPH })), ...journal.tags.map((t) => ({ tagIds: [t.id], idPrefix: TAG_GRAPH }))];
  let since = process.threadCpuUsage();
  const inputs = pages.map((page) => ({ input: localGraphInput(model, page.tagIds, { limit: 12 }), idPrefix: page.idPrefix }));
  const localInputMs = cpuMs(since);
  since = process.threadCpuUsage();
  for (const { input, idPrefix } of inputs) localGraphSvg(input, idPrefix, "/");
  const localSvgMs = cpuMs(since);
  return { tags: model.nodes.length, entries: model.entryCount, layoutMs, svgBytes: bytes.length, svgGzipBytes: gzipSync(bytes).length, localGraphs: pages.length, localInputMs, localSvgMs };
}
