import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "./journal-validate.ts";

/** Every non-hidden file under `dir`, as SourceFiles with paths relative to `root`. */
export function readSourceFiles(root: string, dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.push({
      path: toPosix(path.relative(root, absolute)),
      relative: toPosix(path.relative(dir, absolute)),
      bytes: readFileSync(absolute),
    });
  }
  return files.sort((a, b) => a.relative.localeCompare(b.relative));
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
