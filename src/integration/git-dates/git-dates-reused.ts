// git-dates/: the last lastCommitDates answer, reused while the history it read is the same.
//
// `npm run dev` runs the entry pages' getStaticPaths again after every save, and reading a long
// journal's history takes git about half a second per thousand commits (`git log -M` over the
// entries' folder), which the save would wait for. The answer depends only on the committed
// history (uncommitted edits are not seen: git-dates.ts), so it is kept until HEAD or the
// shallow boundary moves, or other files or options are asked for; checking that is one
// `git rev-parse` of a few milliseconds.

import { readFileSync } from "node:fs";
import path from "node:path";
import { lastCommitDates } from "./git-dates.ts";
import { gitOutput } from "./git-output.ts";

type Options = NonNullable<Parameters<typeof lastCommitDates>[2]>;

/** On the global object: a save in dev evaluates the page's modules again, and this would go with them. */
const KEY = Symbol.for("daybook.git-dates");
type WithLast = typeof globalThis & { [KEY]?: { key: string; dates: Map<string, string> } };

const LIMITS = { timeoutMs: 15_000, maxBuffer: 1024 * 1024 };

/** {@link lastCommitDates}, from memory when the history, the files and the options are those of the last call. */
export function lastCommitDatesReused(root: string, files: readonly string[], options: Options = {}): Map<string, string> {
  const history = historyState(root);
  // Without a readable history there is nothing to reuse (and lastCommitDates answers at once).
  if (history === undefined) return lastCommitDates(root, files, options);
  const key = JSON.stringify([path.resolve(root), history, files, options.revisionsOnly ?? false, options.timeZone ?? "UTC"]);
  const global = globalThis as WithLast;
  const last = global[KEY];
  if (last?.key === key) return new Map(last.dates);
  const dates = lastCommitDates(root, files, options);
  global[KEY] = { key, dates: new Map(dates) };
  return dates;
}

/** HEAD's commit and the shallow boundary's commits: what the history lastCommitDates reads depends on. */
function historyState(root: string): string | undefined {
  try {
    const [head, shallowPath] = gitOutput(root, ["rev-parse", "HEAD", "--git-path", "shallow"], LIMITS).split("\n");
    if (!head || !/^[0-9a-f]{40,64}$/.test(head) || !shallowPath) return undefined;
    let boundary = "";
    try {
      boundary = readFileSync(path.resolve(root, shallowPath), "utf8");
    } catch {
      // Not a shallow clone.
    }
    return `${head}\n${boundary}`;
  } catch {
    return undefined;
  }
}
