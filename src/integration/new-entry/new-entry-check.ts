import { validateJournal, type SourceFile, type ValidateOptions } from "../content/journal-validate.ts";
import type { Problem } from "../content/problem.ts";
import type { EntryPlan, PlannedFile } from "./new-entry-plan.ts";
import { refuse, type Refusal } from "./new-entry-refusal.ts";

const encoder = new TextEncoder();

/**
 * Runs the build's own validation on the journal as it would be with the planned files, and
 * refuses when they add a problem (the existing ones are only warned about). Pure.
 */
export function checkPlan(plan: EntryPlan, days: readonly SourceFile[], tagFiles: readonly SourceFile[], options: ValidateOptions): Refusal | undefined {
  const before = validateJournal(days, tagFiles, options).problems;
  const after = validateJournal([...days, source(plan.entry)], [...tagFiles, ...plan.tags.map(source)], options).problems;
  const added = newProblems(before, after);
  if (added.length === 0) return undefined;
  return refuse(
    `the new entry would not pass the journal's validation (${added.length} problem${added.length === 1 ? "" : "s"} below)`,
    "change the title, tags, day or date as the problems say and run the command again",
    added,
  );
}

/** Problems in `after` that `before` did not have; fixes are ignored, as they may mention the next free day. */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${p.file}\0${p.line ?? ""}\0${p.column ?? ""}\0${p.message}`;
  const known = new Set(before.map(key));
  return after.filter((p) => !known.has(key(p)));
}

function source(file: PlannedFile): SourceFile {
  return { path: file.path, relative: file.relative, bytes: encoder.encode(file.text) };
}
