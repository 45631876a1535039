import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import sample from "./sample-journal.json" with { type: "json" };

/**
 * The sample journal Daybook ships in `content/`, as a list of file hashes. Only a content
 * folder holding exactly these files, unchanged, may be replaced by an import: anything else
 * is someone's writing. A hash list (not "clean in git") because a fork may have committed its
 * own entries, and a zip download has no git at all. tests/unit/import-sample.test.ts fails
 * when the sample changes without this list.
 */
export const SAMPLE_FILES: Readonly<Record<string, string>> = sample.files;

export type ContentState =
  | { kind: "empty" }
  | { kind: "sample"; files: string[] }
  /** Files that are not the unchanged sample, so nothing may be imported over them. */
  | { kind: "authored"; files: string[] };

/** What `content/` holds now: nothing, the unchanged sample, or someone's own files. */
export function contentState(contentRoot: string): ContentState {
  const files = listFiles(contentRoot);
  if (files.length === 0) return { kind: "empty" };
  const foreign = files.filter((file) => SAMPLE_FILES[file] !== sha256(path.join(contentRoot, file)));
  if (foreign.length) return { kind: "authored", files: foreign };
  return { kind: "sample", files };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Every file under `dir` (hidden ones too: they would be lost as well), relative, forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
