// `npm run bench [-- --snippets N]`: prints Daybook's speed and size figures, measured in one run.
// Targets live here and in the README, never as timed assertions in the test suite.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchSnippetBuild } from "../bench/snippet-build.ts";
import { benchSnippetBrowser } from "../bench/snippet-browser.ts";
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

// The sample journal, built the way `npm run build` does, cold (fresh caches) and warm.
const work = mkdtempSync(path.join(tmpdir(), "daybook-bench-site-"));
const env = { ...process.env, DAYBOOK_OUT: path.join(work, "dist"), DAYBOOK_CACHE: path.join(work, "cache"), ASTRO_TELEMETRY_DISABLED: "1" };
const timeBuild = () => {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["scripts/build.ts"], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  return performance.now() - started;
};
row("sample journal build, cold", ms(timeBuild()));
row("sample journal build, warm (cached snippets)", ms(timeBuild()));

const site = await serveStatic(path.join(work, "dist"));
const browser = await launchChromium();
try {
  const figures = await benchSnippetBrowser(browser, `${site.url}day/1/`);
  row("entry page JS before interaction (gzip)", kb(figures.jsBeforeInteractionGz), "target ≤ 5 KB");
  row("first Run: sandbox + worker runtime (gzip)", kb(figures.firstRunGz));
  row("first Edit: editor + transpiler (gzip)", kb(figures.firstEditGz));
  row(`Run → output, median of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.median), "target ≤ 150 ms");
  row(`Run → output, p90 of ${figures.runLatencyMs.runs}`, ms(figures.runLatencyMs.p90));
} finally {
  await browser.close();
  await site.close();
}
