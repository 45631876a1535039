// git-dates/: dates from git history: when each journal file last changed, and the "updated"
// date an entry page shows.

/**
 * When each journal file last changed, from git history: the author date of the newest
 * commit that touched it. With `{ revisionsOnly: true }` a file whose newest commit is the
 * one that added it gets no date: committing a back-dated entry is not a revision of it.
 * Build-time only (Node).
 *
 * Dates are `YYYY-MM-DD` in the journal's time zone (`timeZone`, default UTC), taken from the
 * commit's author timestamp: the same commit gives the same date on every machine and in CI,
 * whatever the build machine's time zone, and agrees with the entries' own dates.
 *
 * History is read with one `git log` over the directories holding the files, newest commit
 * first; the first commit seen for a file is its last change. Details:
 * - Renames: a pure rename (`R100`, content unchanged) is not a change; the file's history
 *   continues under its old name. A rename with edits counts as a change. No `--follow`.
 * - Shallow clones: the commits at the shallow boundary list every file as added, which
 *   says nothing about when a file changed, so their files are ignored; the commits after
 *   the boundary are used. A depth-1 clone therefore yields no dates.
 * - Paths are read NUL-separated (`-z`) and given as literal pathspecs, so spaces, quotes and
 *   glob characters in names are safe. Uncommitted edits are not seen.
 * - No git, not a repository, no commits, a timeout or any other git error: an empty map,
 *   never an exception. The build then goes on with frontmatter dates only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gitOutput, gitOutputAsync } from "./git-output.ts";
import { zonedIsoDate } from "../../lib/time-zone.ts";

/** Generous: a long history is read once per build. */
const GIT_LIMITS = { timeoutMs: 15_000, maxBuffer: 256 * 1024 * 1024 };

export interface GitDateOptions {
  /** Leave out files whose newest commit is the one that added them. */
  revisionsOnly?: boolean;
  /** The time zone of the dates (default UTC). */
  timeZone?: string;
}

/** What `git log` printed for some folders, and the shallow boundary's commits (whose files are ignored). */
export interface GitHistory {
  log: string;
  boundary: ReadonlySet<string>;
}

/** Author dates (`YYYY-MM-DD` in `timeZone`, default UTC) of the last commit that changed each of `files`, keyed by the path as given. */
export function lastCommitDates(root: string, files: readonly string[], options: GitDateOptions = {}): Map<string, string> {
  const wanted = wantedFiles(root, files);
  if (wanted.size === 0) return new Map();
  const history = readGitHistory(root, [...new Set([...wanted.keys()].map((file) => path.posix.dirname(file)))]);
  return history ? datesFromHistory(history, root, files, options) : new Map();
}

/**
 * The dates of `files` from a history read beforehand (git-dates-reused.ts reads one for the
 * journal's folder while the build or the dev server starts): the same dates as
 * {@link lastCommitDates} when the history covers every folder of `files`.
 */
export function datesFromHistory(history: GitHistory, root: string, files: readonly string[], options: GitDateOptions = {}): Map<string, string> {
  const result = new Map<string, string>();
  readLog(history.log, history.boundary, wantedFiles(root, files), result, options.revisionsOnly ?? false, options.timeZone ?? "UTC");
  return result;
}

/** What the history depends on: HEAD's commit and a shallow clone's boundary commits. */
export interface GitHistoryState {
  head: string;
  boundary: ReadonlySet<string>;
}

/** The repository's {@link GitHistoryState}, in one `git rev-parse`; undefined without git, a repository or a commit. */
export function gitHistoryState(root: string): GitHistoryState | undefined {
  try {
    const [head = "", shallow, shallowPath] = gitOutput(root, ["rev-parse", "HEAD", "--is-shallow-repository", "--git-path", "shallow"], GIT_LIMITS).split("\n");
    if (!/^[0-9a-f]{40,64}$/.test(head)) return undefined;
    const boundary = new Set(shallow === "true" && shallowPath ? readFileSync(path.resolve(root, shallowPath), "utf8").split("\n").filter(Boolean) : []);
    return { head, boundary };
  } catch {
    return undefined;
  }
}

/** The history of `directories` (project-relative, forward slashes), or undefined when git cannot give it. */
export function readGitHistory(root: string, directories: readonly string[]): GitHistory | undefined {
  const state = gitHistoryState(root);
  if (!state) return undefined;
  try {
    return { log: gitOutput(root, logArguments(directories), GIT_LIMITS), boundary: state.boundary };
  } catch {
    return undefined;
  }
}

/** {@link readGitHistory} at `state` (read by the caller), without blocking this thread while git reads a long history. */
export async function readGitHistoryAsync(root: string, directories: readonly string[], state: GitHistoryState): Promise<GitHistory | undefined> {
  try {
    return { log: await gitOutputAsync(root, logArguments(directories), GIT_LIMITS), boundary: state.boundary };
  } catch {
    return undefined;
  }
}

/**
 * Project-relative, forward slashes, no "./" (the form `git log --relative` prints) → the paths
 * given for it. Paths outside the project are left out: they would make git refuse the whole
 * pathspec list.
 */
function wantedFiles(root: string, files: readonly string[]): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  for (const file of files) {
    const key = projectRelative(root, file);
    if (key !== undefined) wanted.set(key, [...(wanted.get(key) ?? []), file]);
  }
  return wanted;
}

/** `file` (absolute, or relative to `root`) relative to `root` with forward slashes, or undefined when outside it. */
export function projectRelative(root: string, file: string): string | undefined {
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
  const key = path.posix.normalize(relative.replaceAll("\\", "/"));
  return key === ".." || key.startsWith("../") || path.posix.isAbsolute(key) ? undefined : key;
}

function logArguments(directories: readonly string[]): string[] {
  return ["--literal-pathspecs", "log", "-z", "--relative", "--name-status", "-M", "--no-color", "--format=%x01%H %at", "--", ...directories];
}

/**
 * Walks `git log -z --name-status --format=%x01%H %at` output: per commit a header token
 * `\x01<hash> <unix time>`, then `<status>\0<path>` (or `R<score>\0<old>\0<new>`) per file.
 */
function readLog(log: string, boundary: ReadonlySet<string>, wanted: Map<string, string[]>, result: Map<string, string>, revisionsOnly: boolean, timeZone: string): void {
  // Current path of each wanted file as history is walked back (a pure rename moves it).
  const tracking = new Map<string, string>([...wanted.keys()].map((file) => [file, file]));
  const tokens = log.split("\0");
  let date: string | undefined;
  let skip = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, "");
    if (token === "") continue;
    if (token.startsWith("\x01")) {
      const [hash = "", seconds = ""] = token.slice(1).split(" ");
      skip = boundary.has(hash);
      date = Number.isFinite(Number(seconds)) && seconds !== "" ? zonedIsoDate(new Date(Number(seconds) * 1000), timeZone) : undefined;
      continue;
    }
    const status = token;
    const renamed = status.startsWith("R") || status.startsWith("C");
    const from = renamed ? tokens[++i] : undefined;
    const to = tokens[++i];
    if (to === undefined || date === undefined || skip) continue;
    const file = tracking.get(to);
    if (file === undefined) continue;
    if (status === "R100" && from !== undefined) {
      // Unchanged content under a new name: look for the real change under the old name.
      tracking.delete(to);
      tracking.set(from, file);
      continue;
    }
    // Added and never modified since: creation, not a revision.
    if (!(revisionsOnly && status === "A")) for (const original of wanted.get(file)!) result.set(original, date);
    tracking.delete(to);
  }
}
