import { isRealIsoDate } from "../../lib/dates.ts";

export interface NoteDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Time of day when the source gives one (`HH:MM:SS`), else "": orders notes written on one date. */
  time: string;
  source: "frontmatter" | "file name" | "git" | "file time";
}

/**
 * The note's date, from the first source that has one: its frontmatter `date` (Jekyll lets it
 * override the file name) or `created` (Obsidian's habit), the `YYYY-MM-DD` in its file name, the first commit that added it
 * (following renames), and last the file's modification time.
 */
export function noteDate(front: unknown, fileDate: string | undefined, gitDate: { date: string; time: string } | undefined, mtime: Date): NoteDate {
  const fromFront = frontmatterDate(front);
  if (fromFront) return { ...fromFront, source: "frontmatter" };
  if (fileDate) return { date: fileDate, time: "", source: "file name" };
  if (gitDate) return { ...gitDate, source: "git" };
  return { date: mtime.toISOString().slice(0, 10), time: mtime.toISOString().slice(11, 19), source: "file time" };
}

/** `2020-01-02`, `2020-01-02 10:30:00 +0100`, `2020-01-02T10:30` or a YAML date: the date as written and the time. */
export function frontmatterDate(value: unknown): { date: string; time: string } | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { date: value.toISOString().slice(0, 10), time: value.toISOString().slice(11, 19) };
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match || !isRealIsoDate(match[1]!)) return undefined;
  const parts = match[2] ? [...match[2].split(":"), "00"].slice(0, 3) : [];
  return { date: match[1]!, time: parts.map((p) => p.padStart(2, "0")).join(":") };
}
