import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ImportNote, SourceNote } from "./import-types.ts";

/** Extensions GitHub (and Jekyll) render as Markdown. */
export const NOTE_EXTENSIONS = /\.(md|markdown|mkd|mkdn|mdown)$/i;
/** Folders that hold tooling, build output or editor state, never notes. */
const SKIPPED_FOLDERS = new Set(["node_modules", "_site", "vendor", "_layouts", "_includes", "_sass", "_data"]);
export const MAX_NOTE_BYTES = 1_000_000;
const MAX_FILES = 50_000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface Scan {
  notes: SourceNote[];
  /** Files refused or skipped, with the reason. */
  skipped: ImportNote[];
  /** Every file walked (notes, images, anything else), relative paths: what links may point at. */
  files: string[];
}

/**
 * Every Markdown note under `root`. The folder is untrusted: a symlink leading outside it, a
 * file over MAX_NOTE_BYTES, a file that is not UTF-8 text are refused and reported, never read.
 * Hidden folders (`.git`, `.obsidian`) and tool folders are not entered; symlinked folders are
 * not followed (they could loop or lead anywhere).
 */
export function scanFolder(root: string): Scan {
  const realRoot = realpathSync(root);
  const notes: SourceNote[] = [];
  const skipped: ImportNote[] = [];
  const files: string[] = [];
  let seen = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(dir, entry.name);
      const relative = path.relative(realRoot, absolute).split(path.sep).join("/");
      if (++seen > MAX_FILES) {
        if (seen === MAX_FILES + 1) skipped.push({ file: relative, message: `the folder holds more than ${MAX_FILES} files; the rest were not read` });
        return;
      }
      const stat = lstatSync(absolute);
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(absolute);
        continue;
      }
      files.push(relative);
      if (!NOTE_EXTENSIONS.test(entry.name)) continue;
      let real = absolute;
      if (stat.isSymbolicLink()) {
        try {
          real = realpathSync(absolute);
        } catch {
          skipped.push({ file: relative, message: "refused: a symlink to nothing" });
          continue;
        }
        if (!isInside(realRoot, real)) {
          skipped.push({ file: relative, message: "refused: a symlink leading outside the imported folder" });
          continue;
        }
        if (!statSync(real).isFile()) continue;
      } else if (!stat.isFile()) continue;
      const size = statSync(real).size;
      if (size > MAX_NOTE_BYTES) {
        skipped.push({ file: relative, message: `refused: ${size} bytes, over the ${MAX_NOTE_BYTES}-byte limit for one entry` });
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(readFileSync(real));
      } catch {
        skipped.push({ file: relative, message: "refused: not UTF-8 text" });
        continue;
      }
      if (text.includes("\0")) {
        skipped.push({ file: relative, message: "refused: binary data (a NUL byte)" });
        continue;
      }
      notes.push({ path: relative, absolute: real, text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), mtime: statSync(real).mtime });
    }
  };
  walk(realRoot);
  return { notes, skipped, files };
}

/** True when `target` is `root` or lies under it (both real paths). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
