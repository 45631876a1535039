/** What the importer could not carry over, or did on the author's behalf, at a source note's file:line. */
export interface ImportNote {
  /** Path relative to the imported folder, forward slashes. */
  file: string;
  line?: number | undefined;
  message: string;
}

/** One Markdown note found in the imported folder. */
export interface SourceNote {
  /** Path relative to the imported folder, forward slashes, e.g. `git/bisect.md`. */
  path: string;
  /** Absolute path of the file's real location (inside the folder). */
  absolute: string;
  text: string;
  /** Last modification time, the date of last resort. */
  mtime: Date;
}

export type Layout = "til" | "jekyll" | "daily";
