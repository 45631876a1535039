// `npm run bench [-- --snippets N]`: prints Daybook's speed and size figures, measured in one run.
// Targets live here and in the README, never as timed assertions in the test suite.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchSnippetBuild } from "../bench/snippet-build.ts";
import { benchSnippetBrowser } from "../bench/snippet-browser.ts";
import { benchGraph } from "../bench/graph.ts";
import { writeSyntheticJournal } from "../bench/synthetic-site.ts";
import { benchGraphBrowser, benchSearchBrowser } from "../bench/site-browser.ts";
import { buildSearchIndex } from "../src/build/search-index.ts";
import { loadJournal } from "../src/build/daybook-integration.ts";
import { daybookSettings } from "../src/build/daybook-settings.ts";
import { readdirSync, statSync } from "node:fs";
import { launchChromium } from "../tests/helpers/chromium.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = "") => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(46)} ${value.padStart(12)}   ${target}`);
};

console.log(`Daybook benchmark: Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);

const count = argument("snippets", 1000);
const snippets = await benchSnippetBuild(root, count);
row(`snippet build CPU per snippet, cold (${count})`, ms(snippets.coldCpuMsPerSnippet), "target ≤ 15 ms");
row(`snippet build CPU per snippet, cached (${count})`, ms(snippets.cachedCpuMsPerSnippet), "target ≤ 1 ms");
row(`snippet check wall time, cold (${count})`, ms(snippets.coldWallMs));

/** Runs `npm run build`'s script on a journal; returns wall time and (when /usr/bin/time exists) peak memory. */
function timeBuild(content: string, work: string): { ms: number; peakMb?: number } {
  const env = { ...process.env, DAYBOOK_CONTENT: content, DAYBOOK_OUT: path.join(work, "dist"), DAYBOOK_CACHE: path.join(work, "cache"), ASTRO_TELEMETRY_DISABLED: "1" };
  const timed = statSync("/usr/bin/time", { throwIfNoEntry: false });
  const [command, args] = timed ? ["/usr/bin/time", ["-f", "peak-kb %M", process.execPath, "scripts/build.ts"]] : [process.execPath, ["scripts/build.ts"]];
  const started = performance.now();
  const result = spawnSync(command, args as string[], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`);
  const peak = /peak-kb (\d+)/.exec(result.stderr)?.[1];
  return peak ? { ms: elapsed, peakMb: Number(peak) / 1024 } : { ms: elapsed };
}

function folderSize(dir: string): { bytes: number; files: number } {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { bytes: files.reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0), files: files.length };
}

// The sample journal, built the way `npm run build` does, cold (fresh caches) and warm.
const work = mkdtempSync(path.join(tmpdir(), "daybook-bench-site-"));
row("sample journal build, cold", ms(timeBuild("content", work).ms));
row("sample journal build, warm (cached snippets)", ms(timeBuild("content", work).ms));

// A synthetic journal outside the repository's content.
const entries = argument("entries", 1000);
const synthetic = mkdtempSync(path.join(tmpdir(), "daybook-bench-journal-"));
writeSyntheticJournal(path.join(synthetic, "content"), entries);
const big = timeBuild(path.join(synthetic, "content"), synthetic);
row(`synthetic journal build, cold (${entries} entries)`, ms(big.ms));
if (big.peakMb) row(`synthetic journal build, peak memory`, `${big.peakMb.toFixed(0)} MB`);
const bigDist = path.join(synthetic, "dist");
const journal = loadJournal({ ...daybookSettings(), contentRoot: path.join(synthetic, "content") });
const indexStarted = performance.now();
await buildSearchIndex(bigDist, journal);
row(`search index time (${entries} entries)`, ms(performance.now() - indexStarted));
const index = folderSize(path.join(bigDist, "pagefind"));
row("search index size / files", `${kb(index.bytes)} / ${index.files}`);
const graph = await benchGraph();
row(`graph model + layout + SVG (${graph.tags} tags, ${graph.entries} entries)`, ms(graph.layoutMs), "target ≤ 3 s");

const site = await serveStatic(path.join(work, "dist"));
const bigSite = await serveStatic(bigDist);
const browser = await launchChromium();
try {
  const search = await benchSearchBrowser(browser, bigSite.url, ["coordinator", "quorum", "replica leader", "retry", "lease", "snapshot", "deadline jitter", "outbox", "shard"]);
  row("search: first query, bytes incl. UI", kb(search.firstQueryBytes), "target ≤ 150 KB");
  row("search: a later one-word query, bytes", kb(search.laterQueryBytes), "target ≤ 40 KB");
  row("search: a later two-word query, bytes", kb(search.laterTwoWordQueryBytes), "target ≤ 40 KB");
  row("search: keystroke → results visible (median)", ms(search.keystrokeToResultsMs), "target ≤ 300 ms");
  const graphFigures = await benchGraphBrowser(browser, `${bigSite.url}graph/`);
  row("/graph/ HTML (gzip)", kb(graphFigures.graphHtmlGz), "target ≤ 150 KB");
  row("/graph/ longest main-thread task on hover", graphFigures.longestTaskOnHoverMs ? ms(graphFigures.longestTaskOnHoverMs) : "none > 50 ms", "target: none > 50 ms");
  const figures = await benchSnippetBrowser(browser, `${site.url}day/1/`);
  row("entry page JS before interaction (gzip)", kb(figures.jsBeforeInteractionGz), "target ≤ 5 KB");
  row("first Run: sandbox + worker runtime (gzip)", kb(figures.firstRunGz));
  row("first Edit: editor + transpiler (gzip)", kb(figures.firstEditGz));
  row(`Run → output, median of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.median), "target ≤ 150 ms");
  row(`Run → output, p90 of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.p90));
} finally {
  await browser.close();
  await site.close();
  await bigSite.close();
}
