import { execFileSync } from "node:child_process";

/**
 * What `git -C <folder> <args…>` prints, read as plain text: no pager, no prompt, the C locale
 * (so no local setting changes the format), stderr dropped. Throws if git fails or runs too long.
 */
export function gitOutput(folder: string, args: readonly string[], limits: { timeoutMs: number; maxBuffer: number }): string {
  return execFileSync("git", ["-C", folder, ...args], {
    encoding: "utf8",
    timeout: limits.timeoutMs,
    maxBuffer: limits.maxBuffer,
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
  });
}
