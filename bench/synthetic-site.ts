// Writes a synthetic journal (default 1,000 entries of ~600 words, 5 tags each from 300, one
// runnable snippet each) into a folder outside the repository's content, for the benchmark.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syntheticJournal } from "./graph.ts";
import { seededRandom } from "../src/lib/graph/graph-random.ts";

const STEMS = "request queue latency retry timeout coordinator participant commit abort replica leader follower shard index query plan cache eviction backpressure shedding throughput percentile budget deadline jitter idempotent ledger outbox consumer producer partition quorum lease heartbeat failover rollback saga compensation snapshot checkpoint migration schema constraint transaction isolation deadlock contention".split(" ");
const SUFFIXES = ["", "s", "ed", "ing", "er", "ly", "ness", "ation", "able", "ful", "less", "ward", "ment", "ist", "ize", "ive", "ous", "ity", "al", "ish"];
const PREFIXES = ["", "re", "pre", "over", "under", "multi", "sub", "inter", "co", "de", "non", "auto"];
/** About 10,000 distinct words, drawn with Zipf-like frequencies like real prose (a tiny vocabulary would put every word on every page). */
const VOCABULARY = PREFIXES.flatMap((p) => STEMS.flatMap((s) => SUFFIXES.map((x) => `${p}${s}${x}`)));

function zipfWord(random: () => number): string {
  // Inverse-CDF of a 1/rank law: common words are very common, most words are rare.
  const rank = Math.floor(Math.exp(random() * Math.log(VOCABULARY.length))) - 1;
  return VOCABULARY[(rank * 7919) % VOCABULARY.length]!;
}

function prose(words: number, random: () => number): string {
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < words; i++) {
    sentence.push(zipfWord(random));
    if (sentence.length > 8 + random() * 10) {
      const text = sentence.join(" ");
      paragraph.push(`${text[0]!.toUpperCase()}${text.slice(1)}.`);
      sentence = [];
      if (paragraph.length >= 4) paragraphs.push(paragraph.join(" ")), (paragraph = []);
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(" "));
  return paragraphs.join("\n\n");
}

export function writeSyntheticJournal(dir: string, entryCount: number, tagCount = 300): void {
  const journal = syntheticJournal(tagCount, entryCount, 5);
  const aliasToId = new Map(journal.tags.flatMap((t) => t.aliases.map((a) => [a, t.id] as const)));
  mkdirSync(path.join(dir, "days"), { recursive: true });
  mkdirSync(path.join(dir, "tags"), { recursive: true });
  for (const tag of journal.tags) {
    const related = [...new Set(tag.related.map((r) => aliasToId.get(r) ?? r))].filter((r) => r !== tag.id);
    writeFileSync(path.join(dir, "tags", `${tag.id}.md`), `---\ntitle: ${JSON.stringify(tag.title)}\naliases: [${tag.aliases.join(", ")}]\nrelated: [${related.join(", ")}]\n---\nA synthetic concept used by the benchmark.\n`);
  }
  const random = seededRandom(7);
  // The last day is fixed in the past, so any length of journal is dated before any build date.
  const start = Date.UTC(2025, 11, 31) - (entryCount - 1) * 86_400_000;
  for (const entry of journal.entries) {
    const date = new Date(start + (entry.day - 1) * 86_400_000).toISOString().slice(0, 10);
    const [a, b] = [entry.day * 7, entry.day % 13];
    const body = [
      prose(200, random),
      "## What I measured",
      prose(200, random),
      [
        "```ts run",
        `const arrivals: number = ${a};`,
        `const servers: number = ${b + 1};`,
        "console.log({ arrivals, servers, perServer: Math.round(arrivals / servers) });",
        "```",
        "",
        "```output",
        `{ arrivals: ${a}, servers: ${b + 1}, perServer: ${Math.round(a / (b + 1))} }`,
        "```",
      ].join("\n"),
      "## What I learned",
      prose(200, random),
    ].join("\n\n");
    const front = `---\ntitle: "Synthetic day ${entry.day}"\nday: ${entry.day}\ndate: ${date}\ntags: [${entry.tagIds.join(", ")}]\nsummary: "Synthetic entry ${entry.day} of the benchmark journal."\n---\n\n`;
    writeFileSync(path.join(dir, "days", `${String(entry.day).padStart(4, "0")}-synthetic.mdx`), front + body + "\n");
  }
}
