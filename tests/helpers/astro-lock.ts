import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * One Astro process at a time on this checkout, across the test files that run side by side.
 * Astro 7 writes a project's generated content modules into its one `.astro/` folder, whatever
 * the content folder, output and cache: two builds (or a build and a dev server) at once
 * overwrite each other's. Browser tests that only read a built site never take the lock.
 *
 * The lock is a directory (created atomically) holding its owner's pid; a lock whose owner has
 * died is taken over. Within one process it is re-entrant, so a file holding a dev server can
 * still build.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const LOCK = path.join(tmpdir(), `daybook-astro-lock-${createHash("sha256").update(ROOT).digest("hex").slice(0, 16)}`);
const OWNER = path.join(LOCK, "pid");
let held = 0;

function ownerAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(OWNER, "utf8"));
  } catch {
    // Being created or removed this instant (look again shortly), or left without an owner by a
    // process killed between the two steps.
    try {
      return Date.now() - statSync(LOCK).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits for the lock (polling, no time limit of its own: the test's timeout is the limit). */
export async function acquireAstroLock(): Promise<void> {
  if (held > 0) {
    held += 1;
    return;
  }
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(OWNER, String(process.pid));
      held = 1;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!ownerAlive()) rmSync(LOCK, { recursive: true, force: true });
    else await sleep(200);
  }
}

export function releaseAstroLock(): void {
  if (held === 0) return;
  held -= 1;
  if (held === 0) rmSync(LOCK, { recursive: true, force: true });
}

/** Runs `work` holding the lock. */
export async function withAstroLock<T>(work: () => Promise<T>): Promise<T> {
  await acquireAstroLock();
  try {
    return await work();
  } finally {
    releaseAstroLock();
  }
}
