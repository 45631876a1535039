import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { updatedDate } from "../../src/integration/git-dates/entry-updated.ts";
import { lastCommitDates } from "../../src/integration/git-dates/git-dates.ts";
import { journalGitDates, journalHistoryRead, readJournalHistoryAhead, takeJournalHistory } from "../../src/integration/git-dates/git-dates-reused.ts";

const temp = mkdtempSync(path.join(tmpdir(), "daybook-git-dates-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs git in `cwd` with a fixed identity and, when given, fixed author and committer dates. */
function git(cwd: string, args: string[], when?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  if (when) Object.assign(env, { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  return execFileSync("git", ["-c", "user.name=Daybook Test", "-c", "user.email=test@daybook.invalid", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
function write(root: string, file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
function commit(root: string, when: string, message: string) {
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", message], when);
}
/** Writes the recording git into temp/bin, empties its record and returns the record's path. */
function gitWrapper(): string {
  const bin = path.join(temp, "bin");
  const calls = path.join(temp, "calls.txt");
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  write(bin, "git", `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
  execFileSync("chmod", ["+x", path.join(bin, "git")]);
  writeFileSync(calls, "");
  return calls;
}
/** {@link gitCalls} for a run that waits for git. */
async function gitCallsAsync(run: () => Promise<void>): Promise<string[]> {
  const calls = gitWrapper();
  vi.stubEnv("PATH", `${path.join(temp, "bin")}${path.delimiter}${process.env["PATH"] ?? ""}`);
  try {
    await run();
  } finally {
    vi.unstubAllEnvs();
  }
  return readFileSync(calls, "utf8").trim().split("\n").filter(Boolean);
}
/** Runs `run` with a git first on PATH that records each invocation's arguments, then runs the real git; returns them. */
function gitCalls(run: () => void): string[] {
  const calls = gitWrapper();
  vi.stubEnv("PATH", `${path.join(temp, "bin")}${path.delimiter}${process.env["PATH"] ?? ""}`);
  try {
    run();
  } finally {
    vi.unstubAllEnvs();
  }
  return readFileSync(calls, "utf8").trim().split("\n").filter(Boolean);
}

const ONE = "content/days/001-first.mdx";
const TWO = "content/days/002 second day.mdx";
const SPECIAL = 'content/days/003-"quoted" [glob]*.mdx';

describe("lastCommitDates", () => {
  const repo = path.join(temp, "repo");

  beforeAll(() => {
    mkdirSync(repo);
    git(repo, ["init", "-q"]);
    write(repo, ONE, "one\n");
    write(repo, TWO, "two\n");
    commit(repo, "2026-11-01T09:00:00Z", "day 1 and 2");
    write(repo, SPECIAL, "three\n");
    write(repo, "content/days/004-old-name.mdx", "four\nwith enough lines\nto be a rename\n");
    commit(repo, "2026-11-03T09:00:00Z", "day 3 and 4");
    write(repo, TWO, "two, revised\n");
    // 23:30 at UTC-5 is 04:30 UTC the next day: the date is taken in UTC.
    commit(repo, "2026-11-10T23:30:00-05:00", "revise day 2");
    // A pure rename is not a change: day 4 keeps its 3 November date.
    renameSync(path.join(repo, "content/days/004-old-name.mdx"), path.join(repo, "content/days/004-new-name.mdx"));
    write(repo, "content/tags/unrelated.md", "tag\n");
    commit(repo, "2026-11-12T09:00:00Z", "rename day 4");
    // A rename with an edit is a change.
    renameSync(path.join(repo, SPECIAL), path.join(repo, "content/days/003-renamed.mdx"));
    write(repo, "content/days/003-renamed.mdx", "three, edited\n");
    commit(repo, "2026-11-14T09:00:00Z", "rename and edit day 3");
  });

  it("dates each file by its last commit, in one git log", () => {
    const dates = lastCommitDates(repo, [ONE, TWO, "content/days/003-renamed.mdx", "content/days/004-new-name.mdx", "content/days/never-committed.mdx"]);
    expect(Object.fromEntries(dates)).toEqual({
      [ONE]: "2026-11-01",
      [TWO]: "2026-11-11",
      "content/days/003-renamed.mdx": "2026-11-14",
      "content/days/004-new-name.mdx": "2026-11-03",
    });
  });

  it("takes the date in the journal's time zone when given one, never the machine's", () => {
    // The revision of TWO was made at 04:30 UTC on 11 November: still the 10th in New York, already the 11th in Tokyo.
    expect(lastCommitDates(repo, [TWO], { timeZone: "America/New_York" }).get(TWO)).toBe("2026-11-10");
    expect(lastCommitDates(repo, [TWO], { timeZone: "Asia/Tokyo" }).get(TWO)).toBe("2026-11-11");
  });

  it("with revisionsOnly, leaves out files never modified since they were added", () => {
    const dates = lastCommitDates(repo, [ONE, TWO, "content/days/003-renamed.mdx", "content/days/004-new-name.mdx"], { revisionsOnly: true });
    // ONE and day 4 (renamed without edits) were only ever added; TWO was revised. Day 3's
    // rename rewrote most of a tiny file, so git sees a new file there: also left out.
    expect(Object.fromEntries(dates)).toEqual({ [TWO]: "2026-11-11" });
  });

  it("runs git log once for all files", () => {
    const invocations = gitCalls(() => expect(lastCommitDates(repo, [ONE, TWO, "content/days/004-new-name.mdx"]).size).toBe(3));
    expect(invocations.filter((line) => / log /.test(line))).toHaveLength(1);
    expect(invocations).toHaveLength(2); // rev-parse (shallow check) and log
  });

  it("accepts ./-prefixed and absolute paths, keyed as given", () => {
    const absolute = path.join(repo, ONE);
    const dates = lastCommitDates(repo, [`./${TWO}`, absolute, "../outside.mdx"]);
    expect(Object.fromEntries(dates)).toEqual({ [`./${TWO}`]: "2026-11-11", [absolute]: "2026-11-01" });
  });

  it("reads names with quotes, brackets and stars literally", () => {
    const copy = path.join(temp, "special");
    mkdirSync(copy);
    git(copy, ["init", "-q"]);
    write(copy, SPECIAL, "x\n");
    write(copy, "content/days/003-x.mdx", "y\n");
    commit(copy, "2026-11-02T09:00:00Z", "both");
    write(copy, "content/days/003-x.mdx", "y2\n");
    commit(copy, "2026-11-05T09:00:00Z", "the plain one");
    expect(Object.fromEntries(lastCommitDates(copy, [SPECIAL, "content/days/003-x.mdx"]))).toEqual({
      [SPECIAL]: "2026-11-02",
      "content/days/003-x.mdx": "2026-11-05",
    });
  });

  it("works from a project in a subdirectory of the repository", () => {
    const mono = path.join(temp, "mono");
    mkdirSync(mono);
    git(mono, ["init", "-q"]);
    write(mono, "site/content/days/001.mdx", "x\n");
    commit(mono, "2026-10-01T12:00:00Z", "first");
    expect(Object.fromEntries(lastCommitDates(path.join(mono, "site"), ["content/days/001.mdx"]))).toEqual({ "content/days/001.mdx": "2026-10-01" });
  });

  it("uses what a shallow clone has, ignoring the boundary commit", () => {
    const shallow = path.join(temp, "shallow");
    git(temp, ["clone", "-q", "--depth", "2", `file://${repo}`, shallow]);
    const dates = lastCommitDates(shallow, [ONE, "content/days/003-renamed.mdx", "content/days/004-new-name.mdx"]);
    // Depth 2: the commits of 12 and 14 November. The first one is the boundary, listing every file as added.
    expect(Object.fromEntries(dates)).toEqual({ "content/days/003-renamed.mdx": "2026-11-14" });

    const single = path.join(temp, "single");
    git(temp, ["clone", "-q", "--depth", "1", `file://${repo}`, single]);
    expect(lastCommitDates(single, [ONE, "content/days/003-renamed.mdx"]).size).toBe(0);
  });

  it("returns an empty map outside a repository, in a repository without commits, and for no files", () => {
    const plain = path.join(temp, "plain");
    mkdirSync(plain);
    write(plain, ONE, "x\n");
    vi.stubEnv("GIT_CEILING_DIRECTORIES", temp);
    try {
      expect(lastCommitDates(plain, [ONE]).size).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const empty = path.join(temp, "empty");
    mkdirSync(empty);
    git(empty, ["init", "-q"]);
    expect(lastCommitDates(empty, [ONE]).size).toBe(0);
    expect(lastCommitDates(path.join(temp, "does-not-exist"), [ONE]).size).toBe(0);
    expect(lastCommitDates(repo, []).size).toBe(0);
  });

  it("returns an empty map when git is not installed", () => {
    vi.stubEnv("PATH", path.join(temp, "no-bin"));
    try {
      expect(lastCommitDates(repo, [ONE]).size).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

// The entry pages ask on every render after a save in `npm run dev`, and reading a long history
// takes git about half a second; the integration starts that read as it starts.
describe("journalGitDates", () => {
  const repo = path.join(temp, "reused");
  const days = path.join(repo, "content/days");
  const files = [ONE, TWO];
  const revised = { revisionsOnly: true };

  beforeAll(() => {
    mkdirSync(repo);
    git(repo, ["init", "-q"]);
    write(repo, ONE, "one\n");
    write(repo, TWO, "two\n");
    write(repo, "content/tags/elsewhere.md", "tag\n");
    commit(repo, "2026-11-01T09:00:00Z", "days 1 and 2");
    write(repo, TWO, "two, revised\n");
    commit(repo, "2026-11-10T23:30:00-05:00", "revise day 2");
  });

  it("gives the dates lastCommitDates gives, for absolute and project-relative paths", async () => {
    for (const options of [{}, revised, { timeZone: "America/New_York" }]) {
      expect(await journalGitDates(repo, days, files, options)).toEqual(lastCommitDates(repo, files, options));
    }
    const absolute = [path.join(repo, ONE), path.join(repo, TWO)];
    expect(await journalGitDates(repo, days, absolute)).toEqual(lastCommitDates(repo, absolute));
  });

  it("reads the history once, ahead, and then only checks that HEAD stayed", async () => {
    write(repo, "content/tags/elsewhere.md", "tag, revised\n");
    commit(repo, "2026-11-11T09:00:00Z", "a new HEAD, so nothing is held from before");
    let dates: Map<string, string> | undefined;
    const calls = await gitCallsAsync(async () => {
      readJournalHistoryAhead(repo, days);
      for (let page = 0; page < 3; page++) dates = await journalGitDates(repo, days, files, revised);
    });
    expect(dates).toEqual(new Map([[TWO, "2026-11-11"]]));
    expect(calls.filter((line) => / log /.test(line))).toHaveLength(1);
    // Ahead: HEAD (with the shallow check) and the log; then each page: HEAD alone.
    expect(calls.filter((line) => line.includes(" rev-parse HEAD "))).toHaveLength(4);
    expect(calls).toHaveLength(5);
  });

  it("hands out copies: a caller that changes its map changes no later answer", async () => {
    (await journalGitDates(repo, days, files, revised)).set(ONE, "1999-01-01");
    expect((await journalGitDates(repo, days, files, revised)).has(ONE)).toBe(false);
  });

  it("hands the history read here to a second page-rendering thread, whose pages then run no git log", async () => {
    const expected = await journalGitDates(repo, days, files, revised);
    const read = await journalHistoryRead();
    expect(read?.history.log).toContain("002 second day.mdx");
    // The other thread has a global object of its own: here this one's, emptied for the while.
    const KEY = Symbol.for("daybook.git-history");
    const global = globalThis as Record<symbol, unknown>;
    const own = global[KEY];
    delete global[KEY];
    try {
      let dates: Map<string, string> | undefined;
      const calls = await gitCallsAsync(async () => {
        takeJournalHistory(structuredClone(read!));
        dates = await journalGitDates(repo, days, files, revised);
      });
      expect(dates).toEqual(expected);
      expect(calls.filter((line) => / log /.test(line))).toHaveLength(0);
    } finally {
      global[KEY] = own;
    }
  });

  it("reads it again after a commit", async () => {
    expect((await journalGitDates(repo, days, files, revised)).get(ONE)).toBeUndefined();
    write(repo, ONE, "one, revised\n");
    commit(repo, "2026-11-20T09:00:00Z", "revise day 1");
    expect((await journalGitDates(repo, days, files, revised)).get(ONE)).toBe("2026-11-20");
  });

  it("reads it again when a shallow clone is deepened, although HEAD stays", async () => {
    const shallow = path.join(temp, "reused-shallow");
    git(temp, ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
    const shallowDays = path.join(shallow, "content/days");
    // Depth 1: the boundary commit lists every file as added, which dates nothing.
    expect((await journalGitDates(shallow, shallowDays, files)).size).toBe(0);
    git(shallow, ["fetch", "-q", "--deepen", "3"]);
    expect(await journalGitDates(shallow, shallowDays, files)).toEqual(lastCommitDates(shallow, files));
    expect((await journalGitDates(shallow, shallowDays, files)).get(ONE)).toBe("2026-11-20");
  });

  it("works from a project in a subdirectory of the repository", async () => {
    const mono = path.join(temp, "reused-mono");
    mkdirSync(mono);
    git(mono, ["init", "-q"]);
    write(mono, "site/content/days/001.mdx", "x\n");
    commit(mono, "2026-10-01T12:00:00Z", "first");
    write(mono, "site/content/days/001.mdx", "x, revised\n");
    commit(mono, "2026-10-02T12:00:00Z", "revised");
    const site = path.join(mono, "site");
    const dates = await journalGitDates(site, path.join(site, "content/days"), ["content/days/001.mdx"], revised);
    expect(Object.fromEntries(dates)).toEqual({ "content/days/001.mdx": "2026-10-02" });
  });

  it("gives no dates outside a repository, without commits, or for a journal outside the project", async () => {
    const empty = path.join(temp, "reused-empty");
    mkdirSync(empty);
    git(empty, ["init", "-q"]);
    expect((await journalGitDates(empty, path.join(empty, "content/days"), [ONE])).size).toBe(0);
    expect((await journalGitDates(path.join(temp, "reused-missing"), path.join(temp, "reused-missing/content/days"), [ONE])).size).toBe(0);
    const project = path.join(repo, "site");
    mkdirSync(project);
    expect((await journalGitDates(project, days, [path.join(repo, ONE)])).size).toBe(0);
  });
});

describe("updatedDate", () => {
  it.each([
    ["frontmatter only", { date: "2026-11-18", updated: "2026-11-20" }, "2026-11-20"],
    ["frontmatter wins over a later git date", { date: "2026-11-18", updated: "2026-11-20", gitDate: "2026-12-01" }, "2026-11-20"],
    ["frontmatter equal to date hides the git date", { date: "2026-11-18", updated: "2026-11-18", gitDate: "2026-12-01" }, "2026-11-18"],
    ["git date after the entry's date", { date: "2026-11-18", gitDate: "2026-11-21" }, "2026-11-21"],
    ["git date on the entry's date", { date: "2026-11-18", gitDate: "2026-11-18" }, undefined],
    ["git date before the entry's date", { date: "2026-11-18", gitDate: "2026-11-17" }, undefined],
    ["git date across a year", { date: "2026-12-31", gitDate: "2027-01-01" }, "2027-01-01"],
    ["neither", { date: "2026-11-18" }, undefined],
    ["explicit undefineds", { date: "2026-11-18", updated: undefined, gitDate: undefined }, undefined],
  ])("%s", (_name, input, expected) => expect(updatedDate(input)).toBe(expected));
});
