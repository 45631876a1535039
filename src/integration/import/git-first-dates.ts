import { readFileSync } from "node:fs";
import path from "node:path";
import { gitOutput } from "../git-dates/git-output.ts";

/** Generous: a long history is read once per build. */
const GIT_LIMITS = { timeoutMs: 60_000, maxBuffer: 512 * 1024 * 1024 };

export interface FirstCommit {
  /** Author date of the commit that added the file, `YYYY-MM-DD` in UTC. */
  date: string;
  /** Its time of day, `HH:MM:SS` UTC: orders notes added on the same day. */
  time: string;
}

/**
 * When each file under `folder` was first committed, following renames: the author date of
 * the commit that added it under its first name. One `git log` over the folder, oldest commit
 * first; an `R` moves the record to the new name. Keyed by the path relative to `folder`.
 * A shallow clone's boundary commit lists every file as added, so its dates are not used.
 * No git, not a repository, or any git error: an empty map, and the caller falls back.
 */
export function firstCommitDates(folder: string): Map<string, FirstCommit> {
  const first = new Map<string, FirstCommit>();
  try {
    const shallowFile = gitOutput(folder, ["rev-parse", "--git-path", "shallow"], GIT_LIMITS).trim();
    const boundary = new Set(readShallow(folder, shallowFile));
    const log = gitOutput(folder, ["log", "--reverse", "-z", "--relative", "--name-status", "-M", "--no-color", "--format=%x01%H %at", "--", "."], GIT_LIMITS);
    let current: FirstCommit | undefined;
    const tokens = log.split("\0");
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!.replace(/^\n/, "");
      if (token === "") continue;
      if (token.startsWith("\x01")) {
        const [hash = "", seconds = ""] = token.slice(1).split(" ");
        const iso = new Date(Number(seconds) * 1000).toISOString();
        current = boundary.has(hash) || !/^\d+$/.test(seconds) ? undefined : { date: iso.slice(0, 10), time: iso.slice(11, 19) };
        continue;
      }
      const renamed = token.startsWith("R");
      const from = renamed || token.startsWith("C") ? tokens[++i] : undefined;
      const to = tokens[++i];
      if (to === undefined) break;
      if (renamed && from !== undefined) {
        const known = first.get(from);
        first.delete(from);
        if (known) first.set(to, known);
        else if (current) first.set(to, current);
      } else if (token === "D") first.delete(to);
      else if (!first.has(to) && current) first.set(to, current);
    }
  } catch {
    return new Map();
  }
  return first;
}

function readShallow(folder: string, shallowFile: string): string[] {
  try {
    return readFileSync(path.resolve(folder, shallowFile), "utf8").split("\n").filter(Boolean);
  } catch {
    return []; // not shallow: the file does not exist
  }
}

