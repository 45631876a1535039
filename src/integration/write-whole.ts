import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";

/**
 * Writes `file` whole, making its folder if need be: first beside it, then renamed into place.
 * A build stopped halfway never leaves half a file for the next one to reuse, and builds racing
 * for the same file (parallel builds share a cache folder) each put a whole one there. The
 * partial file is named by process and thread, as threads of one build may write the same file.
 */
export function writeFileWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

let partials = 0;

/**
 * `writeFileWhole` off the calling thread (Node's file-system threads do the work), for a thread
 * that has better things to do than wait for the disk. Writes of one thread may overlap, so each
 * partial file is numbered too.
 */
export async function writeFileWholeAsync(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}-${partials++}.partial`;
  await writeFile(partial, data);
  await rename(partial, file);
}
