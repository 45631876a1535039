import { mkdirSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EntryPlan, PlannedFile } from "./new-entry-plan.ts";
import { refuse, type Refusal } from "./new-entry-refusal.ts";

/**
 * Creates the planned files, tag stubs first, each with an exclusive create (`wx`), so an
 * existing file is never overwritten, even one that appeared after planning. If any write
 * fails, the files and folders created so far are removed again: all or nothing.
 */
export function writePlannedFiles(root: string, plan: EntryPlan): string[] | Refusal {
  const created: string[] = [];
  const createdDirs: { top: string; deepest: string }[] = [];
  for (const file of [...plan.tags, plan.entry]) {
    const absolute = path.resolve(root, file.path);
    try {
      const top = mkdirSync(path.dirname(absolute), { recursive: true });
      if (top) createdDirs.push({ top, deepest: path.dirname(absolute) });
      writeFileSync(absolute, file.text, { encoding: "utf8", flag: "wx" });
      created.push(absolute);
    } catch (error) {
      undo(created, createdDirs);
      return writeRefusal(file, error);
    }
  }
  return plan.tags.map((t) => t.path).concat(plan.entry.path);
}

function undo(files: readonly string[], dirs: readonly { top: string; deepest: string }[]): void {
  for (const file of [...files].reverse()) unlinkSync(file);
  for (const { top, deepest } of [...dirs].reverse()) {
    for (let dir = deepest; ; dir = path.dirname(dir)) {
      try {
        rmdirSync(dir); // only ever removes an empty folder
      } catch {
        break; // something else is in it now, so it and its parents stay
      }
      if (dir === top) break;
    }
  }
}

function writeRefusal(file: PlannedFile, error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EEXIST") return refuse(`${file.path} already exists`, "existing files are never overwritten; choose another title or day, or edit that file");
  const detail = error instanceof Error ? error.message : String(error);
  return refuse(`${file.path} could not be written: ${detail}`, "check that the content folder exists and is writable, then run the command again");
}
