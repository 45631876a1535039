import { parseDocument, isMap } from "yaml";
import type { ImportNote, SourceNote } from "./import-types.ts";

export interface NoteFrontmatter {
  /** The note's own frontmatter, as plain values ({} when it has none or it is unreadable). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the note where the body starts (1 without frontmatter). */
  bodyLine: number;
  problem?: ImportNote | undefined;
}

/**
 * Splits a note into frontmatter and body. Notes come from other tools, so this is lenient
 * where Daybook's own reader is strict: `...` may close the block, and a block that is not
 * valid YAML is dropped with a note instead of stopping the import.
 */
export function readNoteFrontmatter(note: SourceNote): NoteFrontmatter {
  const lines = note.text.split("\n");
  if (!/^---[ \t]*$/.test(lines[0] ?? "")) {
    if (/^\+\+\+[ \t]*$/.test(lines[0] ?? "")) {
      const close = lines.findIndex((l, i) => i > 0 && /^\+\+\+[ \t]*$/.test(l));
      if (close > 0) return { data: {}, body: lines.slice(close + 1).join("\n"), bodyLine: close + 2, problem: { file: note.path, line: 1, message: "TOML frontmatter (+++) is not read; title, date and tags come from the text and the file instead" } };
    }
    return { data: {}, body: note.text, bodyLine: 1 };
  }
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
  if (close < 0) return { data: {}, body: note.text, bodyLine: 1 };
  const body = lines.slice(close + 1).join("\n");
  const doc = parseDocument(lines.slice(1, close).join("\n"), { schema: "core", uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    return { data: {}, body, bodyLine: close + 2, problem: { file: note.path, line: 2, message: `the frontmatter is not valid YAML (${error.message.split("\n")[0]}), so it was dropped` } };
  }
  const data = isMap(doc.contents) ? ((doc.toJS() ?? {}) as Record<string, unknown>) : {};
  return { data, body, bodyLine: close + 2 };
}

/** A frontmatter value as a list of strings: Jekyll writes `tags: a b` as well as `[a, b]`. */
export function stringList(value: unknown, spaceSeparated: boolean): string[] {
  if (typeof value === "string") return (spaceSeparated ? value.split(/[\s,]+/) : value.split(",")).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === "string" || typeof v === "number" ? [String(v).trim()] : [])).filter(Boolean);
  return [];
}

/** A frontmatter value as trimmed text, if it is one. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim()) return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}
