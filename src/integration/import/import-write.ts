import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A file of the import, relative to the content folder (`days/012-x.md`), from text or a source file. */
export type StagedFile = { path: string; text: string } | { path: string; from: string };

/** Writes the import into `stage` (a fresh temporary content folder) so it can be validated before anything real is touched. */
export function stageFiles(stage: string, files: readonly StagedFile[]): void {
  for (const file of files) {
    const target = path.join(stage, ...file.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    if ("text" in file) writeFileSync(target, file.text, { flag: "wx" });
    else copyFileSync(file.from, target);
  }
}

/**
 * Moves `files` of a validated stage into `contentRoot`: first removes the sample files (`remove`, read
 * into memory so they can be put back), then copies each staged file with an exclusive create,
 * so an existing file is never overwritten. Any failure undoes everything: the copies are
 * deleted and the sample written back. Throws the first error after undoing.
 */
export function installStage(stage: string, files: readonly string[], contentRoot: string, remove: readonly string[]): string[] {
  const saved = remove.map((file) => ({ file, bytes: readFileSync(path.join(contentRoot, file)) }));
  const created: string[] = [];
  try {
    for (const { file } of saved) unlinkSync(path.join(contentRoot, file));
    for (const file of files) {
      const target = path.join(contentRoot, ...file.split("/"));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(stage, ...file.split("/")), target, 1 /* COPYFILE_EXCL */);
      created.push(target);
    }
  } catch (error) {
    for (const file of created.reverse()) rmSync(file, { force: true });
    for (const { file, bytes } of saved) {
      const target = path.join(contentRoot, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes, { flag: "wx" });
    }
    throw error;
  }
  removeEmptyFolders(contentRoot);
  return created;
}

/** Folders left empty by removing the sample (an image folder of a removed entry). */
function removeEmptyFolders(dir: string): void {
  for (const folder of listFolders(dir).reverse()) {
    try {
      rmdirSync(folder); // removes only an empty folder
    } catch {
      // not empty: keep it
    }
  }
}

function listFolders(dir: string): string[] {
  const out: string[] = [];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      out.push(full, ...listFolders(full));
    }
  } catch {
    // unreadable: leave it
  }
  return out;
}
