import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { runImport } from "../../src/integration/import/import-run.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(ROOT, "tests/fixtures/import");
/** Pinned, and no earlier than the sample journal's newest entry (Day 23, 2026-11-25), so --keep-sample imports validate. */
export const TODAY = "2026-11-25";

/**
 * A copy of one fixture folder as its own git repository, committed topic by topic on fixed
 * dates, with one note renamed in a later commit: git dates are then known and stable (the
 * fixture's own commits in Daybook's history are not).
 */
export function fixtureRepo(layout: "til" | "jekyll" | "daily"): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "daybook-import-src-")), layout);
  cpSync(path.join(FIXTURES, layout), dir, { recursive: true });
  const git = (args: string[], date?: string) =>
    execFileSync("git", ["-C", dir, ...args], {
      stdio: "ignore",
      env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) },
    });
  git(["init", "-q"]);
  const folders = readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
  folders.forEach((folder, i) => {
    git(["add", "--", folder]);
    git(["commit", "-q", "-m", folder], `2024-0${1 + (i % 9)}-0${1 + (i % 9)}T10:00:00Z`);
  });
  git(["add", "-A"]);
  git(["commit", "-q", "--allow-empty", "-m", "rest"], "2024-10-10T10:00:00Z");
  if (layout === "til") {
    // Renamed after it was added: the note keeps the date of the commit that added it.
    git(["mv", "git/worktrees.mkd", "git/two-worktrees.mkd"]);
    git(["commit", "-q", "-m", "rename"], "2024-11-11T10:00:00Z");
  }
  return dir;
}

export interface ImportRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run import` in-process, into `content` (any folder), with today pinned. */
export async function importInto(content: string, argv: string[], env: Record<string, string> = {}): Promise<ImportRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d));
  stderr.on("data", (d: Buffer) => (err += d));
  const code = await runImport({ argv, env: { DAYBOOK_CONTENT: content, DAYBOOK_TODAY: TODAY, ...env }, root: ROOT, stdout, stderr });
  return { code, stdout: out, stderr: err };
}
