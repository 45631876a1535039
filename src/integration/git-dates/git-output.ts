import { execFile, execFileSync } from "node:child_process";

/**
 * What `git -C <folder> <args…>` prints, read as plain text: no pager, no prompt, the C locale
 * (so no local setting changes the format), stderr dropped. Throws if git fails or runs too long.
 */
export function gitOutput(folder: string, args: readonly string[], limits: GitLimits): string {
  return execFileSync("git", ["-C", folder, ...args], { ...options(limits), stdio: ["ignore", "pipe", "ignore"] });
}

/** {@link gitOutput}, without blocking this thread while git runs. */
export function gitOutputAsync(folder: string, args: readonly string[], limits: GitLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", ["-C", folder, ...args], options(limits), (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin?.end();
  });
}

interface GitLimits {
  timeoutMs: number;
  maxBuffer: number;
}

function options(limits: GitLimits) {
  return {
    encoding: "utf8" as const,
    timeout: limits.timeoutMs,
    maxBuffer: limits.maxBuffer,
    env: { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
  };
}
