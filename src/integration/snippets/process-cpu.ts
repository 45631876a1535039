import { readFileSync } from "node:fs";

/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 a second for user space. */
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) a process has used so far, read from outside it, or undefined
 * where the system has no /proc (then callers fall back to wall-clock time).
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
