// `npm run snippets` checks every runnable snippet; `npm run snippets -- --update` rewrites the
// ```output fences whose output changed (or adds missing ones) and touches nothing else.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { daybookSettings } from "../src/integration/daybook-settings.ts";
import { loadJournal } from "../src/integration/daybook-integration.ts";
import { formatReport } from "../src/integration/content/problem.ts";
import { checkJournalSnippets } from "../src/integration/snippets/journal-snippets.ts";
import { rewriteOutputs } from "../src/integration/snippets/output-rewrite.ts";
import type { SnippetRun } from "../src/integration/snippets/snippet-check.ts";

const update = process.argv.includes("--update");
const settings = daybookSettings();
const journal = loadJournal(settings);
if (journal.problems.length) {
  console.error(formatReport(journal.problems, "Fix these first; no file was changed."));
  process.exit(1);
}

let report = await checkJournalSnippets(settings, journal, { includeDrafts: true });
if (update) {
  const byFile = Map.groupBy(report.runs, (run: SnippetRun) => run.snippet.file);
  let changed = 0;
  for (const [file, runs] of byFile) {
    const absolute = path.join(settings.root, file);
    const before = readFileSync(absolute, "utf8");
    const after = rewriteOutputs(before, runs);
    if (after === before) continue;
    // Write beside the file, then rename: an interrupted update never leaves half a file.
    writeFileSync(`${absolute}.daybook-tmp`, after);
    renameSync(`${absolute}.daybook-tmp`, absolute);
    console.log(`updated output fences in ${file}`);
    changed++;
  }
  console.log(changed ? `${changed} file(s) updated; review the diff before committing.` : "Every output fence was already up to date.");
  report = await checkJournalSnippets(settings, loadJournal(settings), { includeDrafts: true });
}

if (report.problems.length) {
  console.error(formatReport(report.problems, update ? "Output fences were updated; the problems above need a change to the code." : `Nothing was changed. Run \`npm run snippets -- --update\` to accept new output.`));
  process.exit(1);
}
console.log(`${report.runs.length} snippets type-check, run and match their output (${report.ran} run, ${report.runs.length - report.ran} from cache).`);
