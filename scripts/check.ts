// `npm run check`: everything to fix before committing, in one run. (1) the journal's rules,
// (2) every snippet (drafts too), (3) `astro check`, (4) a production build and (5) every link
// and #anchor in it. All of it happens in a temporary folder: the check changes no file of yours.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { problemLines } from "../src/integration/astro-process/astro-log-check.ts";
import { loadJournal } from "../src/integration/journal-load.ts";
import { daybookSettings, type DaybookSettings } from "../src/integration/daybook-settings.ts";
import { checkLinks, journalSources } from "../src/integration/links/link-check.ts";
import { formatNote, formatProblem, type Problem } from "../src/integration/content/problem.ts";
import { checkJournalSnippets, snippetCacheFile } from "../src/integration/snippets/journal-snippets.ts";
import { rewriteOutputs } from "../src/integration/snippets/output-rewrite.ts";
import type { SnippetRun } from "../src/integration/snippets/snippet-check.ts";

interface Step {
  name: string;
  problems: Problem[];
  /** Why the step did not run. */
  skipped?: string;
  /** One more thing the summary should say. */
  note?: string;
}

const settings = daybookSettings();
const work = mkdtempSync(path.join(tmpdir(), "daybook-check-"));
process.once("SIGINT", () => {
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});
// Start from the project's snippet cache (read, never written), so unchanged snippets do not run again.
const cacheDir = path.join(work, "cache");
mkdirSync(cacheDir);
if (existsSync(snippetCacheFile(settings))) copyFileSync(snippetCacheFile(settings), path.join(cacheDir, "daybook-snippets.json"));
process.env.DAYBOOK_CACHE = cacheDir;
const steps: Step[] = [];
const progress = (text: string) => console.log(`· ${text}`);

progress("journal: validating entries and tags");
const journal = loadJournal(settings);
steps.push({ name: "journal", problems: journal.problems, ...(journal.notes.length > 0 && { note: `${journal.notes.length} note${journal.notes.length === 1 ? "" : "s"} above` }) });
const journalValid = journal.problems.length === 0;

progress("snippets: type-checking, running and comparing output (drafts included)");
const snippets = await checkJournalSnippets(settings, journal, { includeDrafts: true });
steps.push({ name: "snippets", problems: snippets.problems, ...(!journalValid && { note: "entries that failed validation were not checked" }) });

// The build stops at any snippet problem. An outdated ```output fence says nothing about the
// links, so the build uses a copy of the journal with the actual output in place: one run then
// reports both. Problems `--update` cannot fix (type errors, crashes) still stop the build.
let buildable: { content: string; note?: string } | { skipped: string };
if (!journalValid) buildable = { skipped: "because the journal has problems (above), and the build stops at them" };
else if (snippets.problems.length === 0) buildable = { content: settings.contentDir };
else buildable = await contentWithActualOutput();

progress("astro check: type-checking the project");
steps.push(await astroCheck());

const outDir = path.join(work, "dist");
if ("skipped" in buildable) {
  steps.push({ name: "build", problems: [], skipped: buildable.skipped }, { name: "links", problems: [], skipped: "because there is no build to check" });
} else {
  progress("build: a production build into a temporary folder");
  const build = await run(["scripts/build.ts"], { DAYBOOK_CONTENT: buildable.content, DAYBOOK_OUT: outDir, DAYBOOK_CACHE: cacheDir });
  const buildProblems = build.code === 0 ? [] : buildFailure(build.output);
  steps.push({ name: "build", problems: buildProblems, ...(buildable.note !== undefined && { note: buildable.note }) });
  if (buildProblems.length) {
    steps.push({ name: "links", problems: [], skipped: "because the build failed" });
  } else {
    progress("links: every internal link and #anchor of the built site");
    const links = checkLinks(outDir, { base: settings.base, sources: journalSources(journal, settings.root), label: (file) => path.join(outDir, file) });
    steps.push({ name: "links", problems: links.problems, note: `${links.links.toLocaleString("en")} links on ${links.pages} pages` });
  }
}

// The built pages stay only when a problem points into them; otherwise nothing is left behind.
const keepBuild = steps.some((s) => s.problems.some((p) => p.file.startsWith(outDir)));
for (const entry of readdirSync(work)) if (!(keepBuild && entry === "dist")) rmSync(path.join(work, entry), { recursive: true, force: true });
if (!keepBuild) rmSync(work, { recursive: true, force: true });

const total = steps.reduce((sum, s) => sum + s.problems.length, 0);
for (const step of steps.filter((s) => s.problems.length)) {
  console.log(`\n── ${step.name} ──\n`);
  console.log(sorted(step.problems).map(formatProblem).join("\n\n"));
}
if (journal.notes.length) {
  // Not problems: the build removes this markup, or shows code and maths as plain text, as GitHub's Markdown would.
  console.log("\n── notes: what the page shows differently from the source, as GitHub's Markdown does (markup left out, code shown plain) ──\n");
  console.log(sorted(journal.notes).map(formatNote).join("\n\n"));
}
console.log("\nSummary:");
for (const s of steps) {
  const status = s.skipped ? `skipped, ${s.skipped}` : s.problems.length ? `${s.problems.length} problem${s.problems.length === 1 ? "" : "s"}` : "✓";
  console.log(`  ${s.name}${s.skipped || s.problems.length ? ": " : " "}${status}${s.note && !s.skipped ? ` (${s.note})` : ""}`);
}
const where = keepBuild ? `kept at ${work} for the built pages named above` : "since removed";
console.log(`\nNothing was written to your content, dist/ or caches: the build and its caches used a temporary folder, ${where}.`);
console.log("(Astro still refreshes its own git-ignored .astro/ types, as any astro command does.)");
console.log(total ? `${total} problem${total === 1 ? "" : "s"} to fix before committing.` : "Everything checks out.");
process.exitCode = total ? 1 : 0;

/** A copy of the content folder whose ```output fences hold what the snippets print now. */
async function contentWithActualOutput(): Promise<{ content: string; note: string } | { skipped: string }> {
  const copy = path.join(work, "content");
  cpSync(settings.contentRoot, copy, { recursive: true });
  for (const [file, runs] of Map.groupBy(snippets.runs, (r: SnippetRun) => r.snippet.file)) {
    const target = path.join(copy, path.relative(settings.contentRoot, path.join(settings.root, file)));
    writeFileSync(target, rewriteOutputs(readFileSync(target, "utf8"), runs));
  }
  const copySettings: DaybookSettings = { ...settings, contentDir: copy, contentRoot: copy };
  const left = await checkJournalSnippets(copySettings, loadJournal(copySettings), { includeDrafts: false });
  if (left.problems.length) return { skipped: "because some snippets have problems that `npm run snippets -- --update` cannot fix (above), and the build stops at them" };
  return { content: copy, note: "built with the snippets' actual output, so the links could be checked" };
}

/**
 * `astro check` loads the config, whose Daybook integration validates and runs the journal and
 * stops at its problems; steps 1 and 2 report those already, so it checks the code against an
 * empty journal and always runs.
 */
async function astroCheck(): Promise<Step> {
  const empty = path.join(work, "empty");
  for (const dir of ["days", "tags"]) mkdirSync(path.join(empty, dir), { recursive: true });
  const { code, output } = await run(["node_modules/astro/bin/astro.mjs", "check"], { DAYBOOK_CONTENT: empty, DAYBOOK_CACHE: path.join(work, "astro-check") });
  const lines = output.replace(/\u001b\[[0-9;]*m/g, "").split(/\r?\n/);
  const problems: Problem[] = [];
  lines.forEach((line, i) => {
    const m = /^(\S.*?):(\d+):(\d+) - (error|warning|hint|message) (.*)$/.exec(line);
    if (!m) return;
    const more: string[] = []; // a message's follow-on lines, up to the blank line before the code excerpt
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== ""; j++) more.push(lines[j]!.trim());
    problems.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: [`${m[4]} ${m[5]}`, ...more].join(" "), fix: "fix the code at this line; `npx astro check` shows the context" });
  });
  const counts = ["errors", "warnings", "hints"].map((kind) => Number(new RegExp(`^- (\\d+) ${kind.slice(0, -1)}s?$`, "m").exec(lines.join("\n"))?.[1] ?? NaN));
  const reported = counts.reduce((a, b) => a + b, 0);
  if (Number.isNaN(reported) || (code !== 0 && problems.length === 0) || reported > problems.length) {
    const last = lines.filter((l) => l.trim()).slice(-3).join(" / ");
    problems.push({ file: "astro check", message: Number.isNaN(reported) ? `astro check did not finish (exit code ${code}): ${last}` : `astro check reported ${counts[0]} errors, ${counts[1]} warnings and ${counts[2]} hints`, fix: "run `npx astro check` to see its full output" });
  }
  return { name: "astro check", problems };
}

/** What a failed build printed: Astro's warning and error lines, or its last lines. */
function buildFailure(output: string): Problem[] {
  const lines = problemLines(output);
  const said = lines.length ? lines : output.replace(/\u001b\[[0-9;]*m/g, "").split(/\r?\n/).filter((l) => l.trim()).slice(-5);
  return [{ file: "npm run build", message: `the build failed:\n      ${said.join("\n      ")}`, fix: "run `npm run build` to see its full output" }];
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: settings.root, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function sorted(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
