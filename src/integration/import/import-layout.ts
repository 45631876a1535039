import { isRealIsoDate } from "../../lib/dates.ts";
import { NOTE_EXTENSIONS } from "./import-scan.ts";
import type { Layout } from "./import-types.ts";

export interface NoteKind {
  layout: Layout;
  /** `YYYY-MM-DD` taken from the file name, if it has one. */
  fileDate?: string | undefined;
  /** The file name without date prefix and extension: Jekyll's `:title`, a TIL note's name. */
  slug: string;
  /** Folders above the note: TIL topics, or the folders above a Jekyll `_posts`. */
  folders: string[];
  /** A Jekyll draft (`_drafts/`). */
  draft: boolean;
}

/** Repository files that sit beside notes but are not notes. */
const NOT_NOTES = /^(readme|license|licence|contributing|changelog|code_of_conduct|security|index|404)$/i;
const DATED = /^(\d{4}-\d{2}-\d{2})(?:-(.+))?$/;

/**
 * What kind of note a path is, from the path alone: Jekyll `_posts/YYYY-MM-DD-slug.md`,
 * an Obsidian daily note `YYYY-MM-DD.md`, or a TIL note `<topic>/<note>.md` (the folders
 * become tags). In a Jekyll site only posts and drafts are notes; its pages are skipped.
 */
export function classifyNote(notePath: string, jekyllSite: boolean): NoteKind | { skip: string } {
  const segments = notePath.split("/");
  const name = segments.pop()!;
  const stem = name.replace(NOTE_EXTENSIONS, "");
  const dated = DATED.exec(stem);
  const fileDate = dated && isRealIsoDate(dated[1]!) ? dated[1] : undefined;
  const posts = segments.indexOf("_posts");
  if (posts >= 0) {
    if (!fileDate || !dated![2]) return { skip: "a file in _posts without a YYYY-MM-DD-title name, which Jekyll does not publish either" };
    return { layout: "jekyll", fileDate, slug: dated![2], folders: segments.slice(0, posts), draft: false };
  }
  const drafts = segments.indexOf("_drafts");
  if (drafts >= 0) return { layout: "jekyll", fileDate, slug: dated?.[2] ?? stem, folders: segments.slice(0, drafts), draft: true };
  if (jekyllSite) return { skip: "a Jekyll page, not a post (only _posts and _drafts are imported)" };
  if (NOT_NOTES.test(stem)) return { skip: "a repository file (README, LICENSE…), not a note" };
  if (fileDate && !dated![2]) return { layout: "daily", fileDate, slug: stem, folders: [], draft: false };
  return { layout: "til", fileDate, slug: dated?.[2] ?? stem, folders: segments, draft: false };
}

/** A folder is a Jekyll site when it has a `_posts` folder or a `_config.yml`. */
export function isJekyllSite(notePaths: readonly string[], hasConfig: boolean): boolean {
  return hasConfig || notePaths.some((p) => p.split("/").includes("_posts"));
}
