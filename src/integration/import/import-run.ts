// import/: `npm run import -- <folder>`: turns a folder of Markdown notes (TIL topic folders, Jekyll
// _posts, Obsidian daily notes) into Daybook entries and tags. This file runs the command.

import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isClockProblem, readJournalToday } from "../../lib/journal-today.ts";
import { TagIndex } from "../../lib/tag-index.ts";
import { loadJournal } from "../journal-load.ts";
import { daybookSettings } from "../daybook-settings.ts";
import { formatProblem } from "../content/problem.ts";
import { USAGE, parseImportArgs } from "./import-args.ts";
import { convertFolder, readFolder } from "./import-folder.ts";
import { formatImportReport } from "./import-report.ts";
import { contentState, listFiles } from "./import-sample.ts";
import { isInside } from "./import-scan.ts";
import type { ImportNote } from "./import-types.ts";
import { installStage, stageFiles } from "./import-write.ts";

export interface ImportIO {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Project root (where daybook.config.ts is). */
  root: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Entries that fail validation are left out and the rest planned again, at most this often. */
const MAX_PASSES = 3;

/** Runs the import; returns the exit code. On any refusal or error nothing is written. */
export async function runImport(io: ImportIO): Promise<number> {
  const fail = (message: string, fix: string, details = "") => {
    io.stderr.write(`✗ ${message}\n→ ${fix}${details}\n\nNothing was written.\n`);
    return 1;
  };
  const args = parseImportArgs(io.argv);
  if ("error" in args) return fail(args.error, `see the usage:\n\n${USAGE}`);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.folder) return fail("no folder was given", `name the folder of notes to import:\n\n${USAGE}`);
  // npm runs scripts from the project root; INIT_CWD is where the author typed the command.
  const source = path.resolve(io.env.INIT_CWD ?? io.root, args.folder);
  if (!existsSync(source) || !statSync(source).isDirectory()) return fail(`${args.folder} is not a folder`, "give the path of the folder holding the notes");
  const settings = daybookSettings(io.env, io.root);
  const contentRoot = settings.contentRoot;
  const contentDir = path.relative(io.root, contentRoot) || ".";
  if (isInside(contentRoot, source) || isInside(source, contentRoot)) return fail(`${args.folder} is, or holds, the journal's own ${contentDir}/ folder`, "import a folder of notes from outside the Daybook project");
  const today = readJournalToday(io.env, settings.timeZone);
  if (isClockProblem(today)) return fail(today.message, today.fix);

  const state = contentState(contentRoot);
  if (state.kind === "authored") {
    const shown = state.files.slice(0, 5).map((f) => `${contentDir}/${f}`).join(", ");
    return fail(`${contentDir}/ holds ${state.files.length} file(s) that are not Daybook's unchanged sample journal (${shown}${state.files.length > 5 ? ", …" : ""})`, `import into a fresh copy of Daybook, or move ${contentDir}/ somewhere safe first; the importer never writes over someone's writing`);
  }
  const keep = args.keepSample && state.kind === "sample";
  const kept = keep ? loadJournal(settings, today) : undefined;
  const firstDay = kept ? Math.max(0, ...kept.entries.map((e) => e.data.day)) + 1 : 1;
  const keptTags = new TagIndex((kept?.tags ?? []).map((t) => ({ id: t.id, aliases: t.data.aliases })));

  const folder = readFolder(path.resolve(source));
  if (folder.scan.notes.length === 0) return fail(`${args.folder} holds no Markdown notes (.md .markdown .mkd .mkdn .mdown)`, "check the folder name", listNotes(folder.scan.skipped));

  const exclude = new Set<string>();
  const dropped: ImportNote[] = [];
  for (let pass = 1; ; pass++) {
    const converted = convertFolder(folder, { today, firstDay, keptTags, exclude });
    const { entries } = converted;
    if (entries.length === 0) return fail(`none of the ${folder.scan.notes.length} Markdown files in ${args.folder} is a note Daybook can import`, "see why each was left out below", listNotes([...converted.skipped, ...dropped]));
    const work = mkdtempSync(path.join(tmpdir(), "daybook-import-"));
    try {
      // The whole journal-to-be is staged and validated with the build's own checks before content/ is touched.
      const stage = path.join(work, "content");
      stageFiles(stage, [...(keep ? listFiles(contentRoot).map((f) => ({ path: f, from: path.join(contentRoot, f) })) : []), ...converted.files]);
      const journal = loadJournal({ ...settings, root: work, contentRoot: stage }, today);
      const byEntry = new Map(entries.map((e) => [`content/days/${e.file}`, e]));
      const failing = journal.problems.filter((p) => byEntry.has(p.file));
      const other = journal.problems.filter((p) => !byEntry.has(p.file));
      if (other.length) return fail("the imported journal does not validate (a problem the importer should have prevented)", "report it with the problems below", `\n\n${other.map(formatProblem).join("\n\n")}`);
      if (failing.length && pass < MAX_PASSES) {
        // Leave those notes out and number the rest again, so day numbers have no gaps.
        for (const [file, problems] of Map.groupBy(failing, (p) => p.file)) {
          const source = byEntry.get(file)!.note.source.path;
          exclude.add(source);
          const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
          dropped.push({ file: source, message: `not imported: as an entry it would fail Daybook's checks: ${problems[0]!.message}${more}; ${problems[0]!.fix}` });
        }
        continue;
      }
      if (failing.length) return fail("some imported entries do not validate", "fix the notes below and run the import again", `\n\n${failing.map(formatProblem).join("\n\n")}`);
      const report = formatImportReport({ folder: args.folder, entries, tagsCreated: converted.tags, notes: converted.notes, skipped: [...converted.skipped, ...dropped], dryRun: args.dryRun });
      if (args.dryRun) {
        io.stdout.write(`${report}\nDry run: nothing was written.\n`);
        return 0;
      }
      const remove = state.kind === "sample" && !keep ? state.files : [];
      if (remove.length) io.stdout.write(`${contentDir}/ holds Daybook's unchanged sample journal (${remove.length} files); removing it to make room for the import (--keep-sample keeps it).\n`);
      try {
        installStage(stage, converted.files.map((f) => f.path), contentRoot, remove);
      } catch (error) {
        return fail(`the import could not be written: ${(error as Error).message}`, `check that ${contentDir}/ is writable and that nothing else is writing to it, then run the import again`);
      }
      io.stdout.write(`${report}\nNext:\n  npm run dev     preview the journal\n  npm run build   check every entry and build the site\n`);
      return 0;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

function listNotes(notes: readonly ImportNote[]): string {
  return notes.length ? `\n\n${notes.map((n) => `  ${n.file}: ${n.message}`).join("\n")}` : "";
}
