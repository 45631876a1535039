// `npm run bench [-- --entries N] [-- --snippets N] [-- --build-rounds N]`: prints Daybook's speed and size figures,
// measured in one run. Targets live here and in the README, never as timed assertions in tests.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchSnippetBuild } from "../bench/snippet-build.ts";
import { benchSnippetBrowser } from "../bench/snippet-browser.ts";
import { scriptBytesDuring } from "../bench/bytes-during.ts";
import { benchEditorBrowser } from "../bench/editor-browser.ts";
import { benchGraph } from "../bench/graph.ts";
import { benchDevLoop } from "../bench/dev-loop.ts";
import { benchFigureCost, figureCodeOnFirstRun } from "../bench/figure-cost.ts";
import { benchShareImageCost } from "../bench/share-image-cost.ts";
import { benchHighlightCost } from "../bench/highlight-cost.ts";
import { writeSyntheticJournal } from "../bench/synthetic-site.ts";
import { benchGraphBrowser, benchSearchBrowser } from "../bench/site-browser.ts";
import { baselineBuild, daybookBuild } from "../bench/build-timing.ts";
import { buildPhases } from "../bench/build-phases.ts";
import { entryMarkupWeights, entryPageWeights } from "../bench/page-weight.ts";
import { lighthouseScores, medianScores } from "../bench/lighthouse.ts";
import { buildSearchIndex } from "../src/integration/search/search-index.ts";
import { loadJournal } from "../src/integration/journal-load.ts";
import { daybookSettings } from "../src/integration/daybook-settings.ts";
import { launchChromium } from "../tests/helpers/chromium.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const mb = (value: number | undefined) => (value === undefined ? "n/a (no /usr/bin/time)" : `${value.toFixed(0)} MB`);
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : "n/a");
const row = (what: string, value: string, target = "") => console.log(`${what.padEnd(52)} ${value.padStart(12)}   ${target}`);
const heading = (text: string) => console.log(`\n${text}`);

console.log(`Daybook benchmark: Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);

heading("Snippets");
const count = argument("snippets", 1000);
const snippets = await benchSnippetBuild(root, count);
row(`build CPU per snippet, cold (${count})`, ms(snippets.coldCpuMsPerSnippet), "target ≤ 15 ms");
row(`build CPU per snippet, cached (${count})`, ms(snippets.cachedCpuMsPerSnippet), "target ≤ 1 ms");
row(`check wall time, cold (${count})`, ms(snippets.coldWallMs));

const figureCost = benchFigureCost();
row("figure at build: 50-point line / 5,000-point scatter", `${ms(figureCost.lineMs)} / ${ms(figureCost.largestScatterMs)}`, "check, SVG and table");

heading("Share images");
const shareImages = await benchShareImageCost();
row(`CPU per share image, workers included (${shareImages.cards})`, ms(shareImages.cpuMsPerCard), "target ≤ 7 ms");
row("  of which resvg alone (parse, text layout, render)", ms(shareImages.resvgCpuMsPerCard), "the issue measured 4.6 ms");
row("  card / resvg alone, both on this machine", ratio(shareImages.cpuMsPerCard, shareImages.resvgCpuMsPerCard), "7 ms at 4.6 ms: ≤ 1.52×");
row("  a card with a character outside the small fonts", ms(shareImages.cpuMsPerWholeFontCard), "whole fonts");

heading("Sample journal (content/)");
const sample = mkdtempSync(path.join(tmpdir(), "daybook-bench-sample-"));
row("build, cold", ms(daybookBuild(root, path.join(root, "content"), sample).ms));
row("build, warm (caches kept)", ms(daybookBuild(root, path.join(root, "content"), sample).ms));
const sampleWeights = entryPageWeights(path.join(sample, "dist"));
row(`entry page HTML, median of ${sampleWeights.pages} (gzip)`, kb(sampleWeights.medianGz), "target ≤ 8 KB");
row(`entry page HTML, largest: ${sampleWeights.maxPage} (gzip)`, kb(sampleWeights.maxGz));
const markup = entryMarkupWeights(path.join(sample, "dist"));
row("Daybook's markup around the article, median (gzip)", kb(markup.medianAroundGz), "target ≤ 4.5 KB");
row(`Daybook's markup around the article, largest: ${markup.maxAroundPage} (gzip)`, kb(markup.maxAroundGz), "target ≤ 4.5 KB");
row("each entry's article (gzip)", markup.articleGz.map((a) => `${a.page.replace(/^\/day\/|\/$/g, "")}: ${kb(a.gz)}`).join(", "));

// A synthetic journal outside the repository's content.
const entries = argument("entries", 1000);
const buildRounds = argument("build-rounds", 3);
heading(`Synthetic journal: ${entries} entries of ~600 words, 5 tags each from 300, one snippet each`);
const synthetic = mkdtempSync(path.join(tmpdir(), "daybook-bench-journal-"));
const content = path.join(synthetic, "content");
writeSyntheticJournal(content, entries);
const highlighting = await benchHighlightCost([content, path.join(root, "content")]);
row(`code highlighting CPU, ${highlighting.blocks} blocks: Shiki / the build`, `${ms(highlighting.shikiMs)} / ${ms(highlighting.oneTokenizationMs)}`, "both themes");
row("  the build's one tokenization / Shiki's pass per theme", ratio(highlighting.oneTokenizationMs, highlighting.shikiMs));
// Interleaved rounds, each build in a folder of its own, so that a load on the machine touches
// both sides of every ratio; ratios are the medians of each round's own ratio.
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// One build of each first, not counted: in every run of 2026-12-05 the first round's ratio was the
// lowest of the three (1.51-1.66x against 1.74-1.96x), its baseline build, the first after the
// journal was written, being the slow one. Their output is not needed afterwards.
const warmUpWork = (what: string) => path.join(synthetic, `warm-up-${what}`);
const warmUp = { baseline: baselineBuild(root, content, warmUpWork("baseline")), daybook: daybookBuild(root, content, warmUpWork("daybook")) };
for (const what of ["baseline", "daybook"]) rmSync(warmUpWork(what), { recursive: true, force: true });
row("warm-up builds, not counted: baseline / Daybook", `${ms(warmUp.baseline.ms)} / ${ms(warmUp.daybook.ms)}`);
const rounds = Array.from({ length: buildRounds }, (_, round) => {
  const work = (what: string) => path.join(synthetic, `${what}-${round}`);
  const baseline = baselineBuild(root, content, work("baseline"));
  const cold = daybookBuild(root, content, work("daybook"));
  const noImages = daybookBuild(root, content, work("no-images"), { DAYBOOK_SHARE_IMAGES: "false" });
  // Where the gap lies: each cold build's phases, read from its log (build-phases.ts).
  return { baseline, cold, noImages, work: work("daybook"), phases: { daybook: buildPhases(cold.output), baseline: buildPhases(baseline.output) } };
});
const last = rounds.at(-1)!;
const medianOf = (pick: (r: (typeof rounds)[number]) => number | undefined) => {
  const values = rounds.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length ? median(values) : undefined;
};
const times = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)}×`);
const msOrNa = (value: number | undefined) => (value === undefined ? "n/a" : ms(value));
const baselineMs = medianOf((r) => r.baseline.ms)!;
row(`baseline (plain Astro 7 + MDX + Shiki) build, cold, median of ${buildRounds}`, ms(baselineMs));
row("Daybook build, cold, median", ms(medianOf((r) => r.cold.ms)!));
row("Daybook / baseline, cold build", times(medianOf((r) => r.cold.ms / r.baseline.ms)), "target ≤ 2.0× (then 1.25×)");
row("  each round (Daybook / baseline)", rounds.map((r) => `${times(r.cold.ms / r.baseline.ms)} (${ms(r.cold.ms)} / ${ms(r.baseline.ms)})`).join(", "));
const cpuS = medianOf((r) => r.cold.cpuS);
const baselineCpuS = medianOf((r) => r.baseline.cpuS);
row(
  "  CPU seconds (user + system), Daybook / baseline",
  cpuS === undefined || baselineCpuS === undefined ? "n/a (no /usr/bin/time)" : `${cpuS.toFixed(1)} s / ${baselineCpuS.toFixed(1)} s = ${times(medianOf((r) => r.cold.cpuS! / r.baseline.cpuS!))}`,
);
const phaseMedian = (side: "daybook" | "baseline", key: keyof ReturnType<typeof buildPhases>) => msOrNa(medianOf((r) => r.phases[side][key]));
row(
  "  phases, Daybook / baseline: start-up (setup, content sync), Vite, rendering pages",
  (["startupMs", "viteMs", "renderMs"] as const).map((key) => `${phaseMedian("daybook", key)} / ${phaseMedian("baseline", key)}`).join(", "),
);
row("  Daybook's search index after the last page", phaseMedian("daybook", "searchIndexMs"));
row("Daybook build with share images off, cold, median", ms(medianOf((r) => r.noImages.ms)!));
row("  / baseline", times(medianOf((r) => r.noImages.ms / r.baseline.ms)));
row("Daybook cost per entry, cold", ms(medianOf((r) => r.cold.ms)! / entries));
row("baseline peak memory, median", mb(medianOf((r) => r.baseline.peakMb)));
row("Daybook peak memory, median", mb(medianOf((r) => r.cold.peakMb)));
row("Daybook / baseline, peak memory", times(medianOf((r) => (r.cold.peakMb && r.baseline.peakMb ? r.cold.peakMb / r.baseline.peakMb : undefined))), "target ≤ 2.0× (then 1.25×)");
const dayFiles = readdirSync(path.join(content, "days")).sort();
const changeOne = (at: number) => appendFileSync(path.join(content, "days", dayFiles[at]!), "\nOne more paragraph, added to measure a rebuild after a one-entry change.\n");
changeOne(Math.floor(entries / 2));
const warm = daybookBuild(root, content, last.work);
const phases = buildPhases(warm.output);
row("Daybook build, warm after changing one entry", ms(warm.ms));
row("  warm / Daybook cold", ratio(warm.ms, medianOf((r) => r.cold.ms)), "target ≤ 0.5×");
row("  warm / baseline cold", ratio(warm.ms, baselineMs), "target ≤ 1.6×");
row("  of which Vite / rendering pages / search index", [phases.viteMs, phases.renderMs, phases.searchIndexMs].map(msOrNa).join(" / "));
// What the deploy workflow does after a one-entry commit: a fresh checkout (no dist/), the cache
// folder restored from the last deploy of main, one build.
const deployWork = path.join(synthetic, "deploy");
cpSync(path.join(last.work, "cache"), path.join(deployWork, "cache"), { recursive: true });
changeOne(Math.floor(entries / 3));
const deploy = daybookBuild(root, content, deployWork);
row("CI-style deploy after a one-entry commit (cache restored)", ms(deploy.ms));
row("  deploy / baseline cold", ratio(deploy.ms, baselineMs), "target ≤ 1.6×");
const bigDist = path.join(last.work, "dist");
const weights = entryPageWeights(bigDist);
row(`entry page HTML, median of ${weights.pages} (gzip)`, kb(weights.medianGz), "target ≤ 8 KB");
row(`entry page HTML, largest (gzip)`, kb(weights.maxGz));

heading("Search and graph");
const journal = loadJournal({ ...daybookSettings(), contentRoot: content });
const indexStarted = performance.now();
await buildSearchIndex(bigDist, journal);
row(`search index time (${entries} entries)`, ms(performance.now() - indexStarted));
const index = readdirSync(path.join(bigDist, "pagefind"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const indexBytes = index.reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
row("search index size / files", `${kb(indexBytes)} / ${index.length}`);
const graph = await benchGraph();
row(`graph model + layout + SVG (${graph.tags} tags, ${graph.entries} entries)`, ms(graph.layoutMs), "target ≤ 3 s");
row(`local graphs (${graph.localGraphs}): inputs / SVGs, CPU`, `${ms(graph.localInputMs)} / ${ms(graph.localSvgMs)}`, "the SVGs drawn ahead of the pages");

const site = await serveStatic(path.join(sample, "dist"));
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
  heading("Snippets in the browser (sample journal)");
  const figures = await benchSnippetBrowser(browser, `${site.url}day/1/`);
  row("entry page with a snippet: JS before interaction (gzip)", kb(figures.jsBeforeInteractionGz));
  const homePage = await browser.newPage();
  const homeJs = await scriptBytesDuring(homePage, async () => void (await homePage.goto(site.url)));
  await homePage.close();
  row("a page without snippets (home): JS before interaction (gzip)", kb(homeJs), "target ≤ 5 KB");
  row("first Run: sandbox + worker runtime (gzip)", kb(figures.firstRunGz));
  row("first Edit: editor + transpiler (gzip)", kb(figures.firstEditGz));
  row(`Run → output, median of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.median), "target ≤ 150 ms");
  row(`Run → output, p90 of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.p90));
  await (await import("../bench/input-browser.ts")).reportInputChange(browser, `${site.url}day/9/`, row, ms);
  row("first Run that draws (Day 9): figure code (gzip)", kb(await figureCodeOnFirstRun(browser, `${site.url}day/9/`)));
  const editor = await benchEditorBrowser(browser, `${site.url}day/1/`);
  row("first Edit → first diagnostics: editor + TypeScript (gzip)", kb(editor.firstEditGz));
  const spread = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
  row(`first keystroke → first diagnostics, median of ${editor.keystrokeToDiagnosticsMs.length} cold pages`, ms(median(editor.keystrokeToDiagnosticsMs)), "target ≤ 1.5 s");
  row("  range", spread(editor.keystrokeToDiagnosticsMs));
  row("keystroke → diagnostics, type checker loaded, median", ms(median(editor.warmKeystrokeToDiagnosticsMs)), "target ≤ 1.5 s");
  row("a line typed at once: first key → its error, median", ms(median(editor.lineToDiagnosticsMs)));
  row("  the same with the type checker loaded, median", ms(median(editor.warmLineToDiagnosticsMs)));
  heading(`Dev loop (npm run dev, synthetic journal of ${entries} entries; plain Astro + MDX started the same way, interleaved)`);
  const dev = await benchDevLoop(browser, content);
  row("dev start → first entry page, cold caches", ms(dev.coldStartMs));
  row(`dev start → first entry page, warm, median of ${dev.warmStartMs.length}`, ms(median(dev.warmStartMs)), "target ≤ 4 s");
  row("  plain Astro, warm, median", ms(median(dev.baselineWarmStartMs)));
  row("  Daybook / plain Astro", ratio(median(dev.warmStartMs), median(dev.baselineWarmStartMs)));
  row(`save a paragraph → shown in the page, median of ${dev.proseSaveMs.length}`, ms(median(dev.proseSaveMs)), "target ≤ 0.4 s");
  row("  plain Astro, median", ms(median(dev.baselineProseSaveMs)));
  row("  Daybook / plain Astro", ratio(median(dev.proseSaveMs), median(dev.baselineProseSaveMs)));
  row(`save a snippet → its new output in the page, median of ${dev.snippetSaveMs.length}`, ms(median(dev.snippetSaveMs)), "target ≤ 1 s");
} finally {
  await browser.close();
  await bigSite.close();
}

// Lighthouse's scores vary from run to run on one machine; its documentation's advice is the median of five.
const lighthouseRounds = 5;
heading(`Lighthouse (mobile), sample journal, medians of ${lighthouseRounds} interleaved rounds: performance / accessibility / best practices / SEO (each round's performance)`);
try {
  const pages = ["", "day/16/", "tags/two-phase-commit/", "graph/", "search/?q=commit"];
  const rounds = [];
  for (let round = 0; round < lighthouseRounds; round++) rounds.push(await lighthouseScores(pages.map((p) => `${site.url}${p}`)));
  for (const score of medianScores(rounds)) {
    const page = `/${score.url.slice(site.url.length)}`;
    row(page, `${score.performance} / ${score.accessibility} / ${score.bestPractices} / ${score.seo} (${score.performanceRuns.join(", ")})`, "target 100 / 100 / 100 / 100");
    for (const reason of score.failing) console.log(`${"".padEnd(4)}${reason}`);
  }
} finally {
  await site.close();
}
