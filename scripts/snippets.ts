// `npm run snippets` checks every runnable snippet; `npm run snippets -- --update` rewrites the
// ```output fences whose output changed (or adds missing ones) and touches nothing else.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { daybookSettings } from "../src/integration/daybook-settings.ts";
import { loadJournal } from "../src/integration/journal-load.ts";
import { formatReport, type Problem } from "../src/integration/content/problem.ts";
import { countOf } from "../src/lib/plural.ts";
import { checkJournalSnippets } from "../src/integration/snippets/journal-snippets.ts";
import { rewriteOutputFences } from "../src/integration/snippets/output-rewrite.ts";
import { UPDATE_COMMAND, type SnippetRun } from "../src/integration/snippets/snippet-check.ts";

const update = process.argv.includes("--update");
const settings = daybookSettings();
const journal = loadJournal(settings);
if (journal.problems.length) {
  console.error(formatReport(journal.problems, "Fix these first; no file was changed."));
  process.exit(1);
}

let report = await checkJournalSnippets(settings, journal, { includeDrafts: true });
let summary: string | undefined;
let refused: Problem[] = [];
if (update) {
  let fences = 0;
  const files: string[] = [];
  for (const [file, runs] of Map.groupBy(report.runs, (run: SnippetRun) => run.snippet.file)) {
    const absolute = path.join(settings.root, file);
    const before = readFileSync(absolute, "utf8");
    const after = rewriteOutputFences(before, runs);
    refused.push(...after.refused);
    if (after.text === before) continue;
    // Write beside the file, then rename: an interrupted update never leaves half a file.
    writeFileSync(`${absolute}.daybook-tmp`, after.text);
    renameSync(`${absolute}.daybook-tmp`, absolute);
    fences += after.updated;
    files.push(file);
  }
  if (files.length) {
    summary = `updated ${countOf(fences, "output fence")} in ${countOf(files.length, "file")} (${files.join(", ")}); review the diff before committing`;
    report = await checkJournalSnippets(settings, loadJournal(settings), { includeDrafts: true });
  } else {
    summary = report.problems.length || refused.length ? "no output fence was changed" : "all output fences are up to date";
  }
}

// A refused fence is also reported by the check as differing: its own problem says why, so only it is shown.
const refusedAt = new Set(refused.map((p) => `${p.file}:${p.line}`));
const problems = [...refused, ...report.problems.filter((p) => !(p.message.includes("```output fence") && refusedAt.has(`${p.file}:${p.line}`)))];
const n = report.runs.length;
const checked = `${countOf(n, "snippet")} ${n === 1 ? "type-checks, runs and matches its" : "type-check, run and match their"} output (${report.ran} run, ${n - report.ran} from cache)`;
if (problems.length) {
  const outcome = !update ? `Nothing was changed. Run \`${UPDATE_COMMAND}\` to accept new output.` : summary?.startsWith("updated") ? "The updated fences are written; the problems above need a change to the code." : "No file was changed; the problems above need a change to the code.";
  if (summary) console.log(`${summary}.`);
  console.error(formatReport(problems, outcome));
  process.exit(1);
}
console.log(summary ? `${summary}; ${checked}.` : `${checked}.`);
