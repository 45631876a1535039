import { countOf } from "../../lib/plural.ts";
import type { ConvertedEntry } from "./import-convert.ts";
import type { ImportNote } from "./import-types.ts";

export interface ImportSummary {
  /** The folder as the author typed it, prefixed to every source path. */
  folder: string;
  entries: readonly ConvertedEntry[];
  tagsCreated: readonly string[];
  /** Could not be converted (left as text, dropped, or whole notes left out). */
  notes: readonly ImportNote[];
  skipped: readonly ImportNote[];
  dryRun: boolean;
}

/** What the import did, then every thing it could not carry over, each at the note's file:line. */
export function formatImportReport(summary: ImportSummary): string {
  const { entries } = summary;
  const at = (n: ImportNote) => `${summary.folder.replace(/\/$/, "")}/${n.file}${n.line ? `:${n.line}` : ""}`;
  const list = (items: readonly ImportNote[]) => [...items].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)).map((n) => `  ${at(n)}\n    · ${n.message}`).join("\n");
  const layouts = ["til", "jekyll", "daily"] as const;
  const names = { til: "TIL topic notes", jekyll: "Jekyll posts", daily: "daily notes" };
  const byLayout = layouts.map((l) => [l, entries.filter((e) => e.note.kind.layout === l).length] as const).filter(([, n]) => n > 0);
  const days = entries.map((e) => e.note.day);
  const dates = entries.map((e) => e.note.date.date).sort();
  const images = entries.reduce((n, e) => n + e.images.length, 0);
  const redirects = entries.reduce((n, e) => n + e.note.permalinks.length, 0);
  const altFilled = entries.flatMap((e) => e.altFilled);
  const verb = summary.dryRun ? "Would import" : "Imported";
  const lines = [
    `${verb} ${countOf(entries.length, "note")} from ${summary.folder} (${byLayout.map(([l, n]) => `${n} ${names[l]}`).join(", ")}):`,
    `  entries: day ${Math.min(...days)} to ${Math.max(...days)} in content/days/, dated ${dates[0]} to ${dates.at(-1)}`,
    `  tags: ${summary.tagsCreated.length ? `${countOf(summary.tagsCreated.length, "tag file")} created (${summary.tagsCreated.slice(0, 12).join(", ")}${summary.tagsCreated.length > 12 ? ", …" : ""})` : "none created"}`,
    `  images: ${countOf(images, "image")} copied beside their entries`,
    `  redirects: ${countOf(redirects, "old address", "old addresses")} recorded in redirectFrom (the build writes a redirect page at each)`,
  ];
  if (altFilled.length) lines.push("", `Alt text written for ${countOf(altFilled.length, "image")} that had none (check it reads well):`, list(altFilled));
  if (summary.skipped.length) lines.push("", `Not imported (${summary.skipped.length}):`, list(summary.skipped));
  if (summary.notes.length) lines.push("", `Could not be converted exactly (${summary.notes.length}):`, list(summary.notes));
  return `${lines.join("\n")}\n`;
}
