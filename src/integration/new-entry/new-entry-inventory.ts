import { isLocated, readFrontmatter } from "../content/frontmatter-read.ts";
import type { SourceFile } from "../content/journal-validate.ts";

/** What an existing entry file claims, read leniently so that a file with problems still counts. */
export interface ExistingEntry {
  /** Path relative to the project root, as problems print it. */
  file: string;
  /** Path inside the days folder, e.g. `017-sagas.mdx`. */
  relative: string;
  /** `day:` from the frontmatter, or else the `NNN-` prefix of the file name. */
  day?: number;
  /** `date:` from the frontmatter, when it is written `YYYY-MM-DD`. */
  date?: string;
  /** `title:` from the frontmatter, when it is a non-empty string. */
  title?: string;
}

const decoder = new TextDecoder("utf-8");

/** The days and dates already taken, drafts and invalid files included. Pure. */
export function inventory(days: readonly SourceFile[]): ExistingEntry[] {
  return days.map((source) => {
    const entry: ExistingEntry = { file: source.path, relative: source.relative };
    const fm = readFrontmatter(decoder.decode(source.bytes));
    const data = isLocated(fm) ? {} : fm.data;
    const day = data.day;
    const prefix = /^(\d+)-/.exec(source.relative.split("/").pop() ?? "")?.[1];
    if (typeof day === "number" && Number.isInteger(day) && day >= 1) entry.day = day;
    else if (prefix !== undefined && Number(prefix) >= 1) entry.day = Number(prefix);
    const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
    if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date.trim())) entry.date = date.trim();
    if (typeof data.title === "string" && data.title.trim()) entry.title = data.title.trim();
    return entry;
  });
}

/** The day after the highest one in the journal, or 1 for an empty journal; gaps are left alone. */
export function nextDayNumber(existing: readonly ExistingEntry[]): number {
  return existing.reduce((max, e) => Math.max(max, e.day ?? 0), 0) + 1;
}

export function entryWithDay(existing: readonly ExistingEntry[], day: number): ExistingEntry | undefined {
  return existing.find((e) => e.day === day);
}

/** `21` → `021`; days past 999 keep all their digits. */
export function dayPrefix(day: number): string {
  return String(day).padStart(3, "0");
}
