import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "./journal-validate.ts";

/**
 * Every non-hidden file under `dir`, as SourceFiles with paths relative to `root`. A symbolic
 * link (to a file or a folder) is returned as `symlink: true` with no bytes, and nothing behind
 * it is read: a link could lead the build to any file of the machine that builds it.
 */
export function readSourceFiles(root: string, dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  const files: SourceFile[] = [];
  const links: string[] = [];
  // Node's recursive readdir descends into linked folders, so what lies behind a link is skipped here.
  const behindLink = (absolute: string) => links.some((link) => absolute.startsWith(link + path.sep));
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => path.join(a.parentPath, a.name).length - path.join(b.parentPath, b.name).length);
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    if (behindLink(absolute)) continue;
    const names = { path: toPosix(path.relative(root, absolute)), relative: toPosix(path.relative(dir, absolute)) };
    if (entry.isSymbolicLink()) {
      links.push(absolute);
      files.push({ ...names, bytes: new Uint8Array(), symlink: true });
    } else if (entry.isFile()) {
      files.push({ ...names, bytes: readFileSync(absolute) });
    }
  }
  return files.sort((a, b) => a.relative.localeCompare(b.relative));
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
