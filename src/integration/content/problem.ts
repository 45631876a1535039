import { countOf } from "../../lib/plural.ts";

/** One thing wrong with the journal, located as precisely as we can and with a fix. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** 1-based column, when known. */
  column?: number | undefined;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it, in one sentence. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ""}` : p.file;
  return `${where}\n  ✗ ${p.message}\n  → ${p.fix}`;
}

/** A note: something the build did (not a problem), in the same shape, marked `·`. */
export function formatNote(p: Problem): string {
  return formatProblem(p).replace("\n  ✗ ", "\n  · ");
}

/** The whole report, ending with a count and what happened to the output. */
export function formatReport(problems: readonly Problem[], outcome: string): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const count = countOf(problems.length, "problem");
  return `${sorted.map(formatProblem).join("\n\n")}\n\nDaybook found ${count} in the journal. ${outcome}`;
}

export class JournalError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], outcome = "Nothing was built; fix the problems above and run the command again.") {
    super(formatReport(problems, outcome));
    this.name = "JournalError";
    this.problems = problems;
  }
}
