import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DaybookSettings } from "../daybook-settings.ts";
import type { Problem } from "../content/problem.ts";
import type { Journal } from "../content/journal-validate.ts";
import { readSourceFiles } from "../content/journal-read.ts";
import { checkSnippets, DEFAULT_CPU_BUDGET_MS } from "../snippets/snippet-check.ts";
import { snippetCacheFile } from "../snippets/journal-snippets.ts";
import { registerRuns } from "../snippets/snippet-registry.ts";
import { SnippetPool } from "../snippets/snippet-pool.ts";
import { liveSnippets, type LiveSnippet } from "./dev-snippets.ts";

interface CheckedFile {
  text: string;
  snippets: LiveSnippet[];
  problems: Problem[];
}

/**
 * The journal as `npm run dev` last checked it: every problem a build would report, and each
 * entry's snippets with their latest runs. A re-check first runs the snippets of the entries
 * whose text changed since they were last checked (those unchanged within them come from the
 * cache), which is all a page render waits for, then validates the whole journal.
 */
export class DevJournal {
  readonly #settings: DaybookSettings;
  readonly #load: () => Journal | Promise<Journal>;
  #journalProblems: Problem[] = [];
  #checkProblems: Problem[] = [];
  readonly #files = new Map<string, CheckedFile>();
  /** Entry file → day, from the last validation. */
  #days = new Map<string, number>();
  #snippetsDone: Promise<void> = Promise.resolve();
  #done: Promise<void> = Promise.resolve();
  /** A re-check queued behind the running one and not started yet. */
  #queued: Promise<void> | undefined;
  /** The files saved since the last re-check started (absolute paths), or "all". */
  #pendingFiles: Set<string> | "all" | undefined;
  #version = 0;
  /** Snippet hosts kept between re-checks: starting one is most of the time a one-snippet re-check would take. */
  #pool: SnippetPool | undefined;

  /** What the last re-check did, for the terminal. */
  lastCheck = { snippets: 0, ran: 0, snippetMs: 0, validateMs: 0 };

  /** `load` validates the whole journal (the integration's loadJournal, or the dev server's check thread). */
  constructor(settings: DaybookSettings, load: () => Journal | Promise<Journal>) {
    this.#settings = settings;
    this.#load = load;
  }

  /**
   * Queues a re-check and returns a promise of its end. Re-checks run one at a time, in order;
   * {@link snippetsSettled} resolves once the last one queued has registered its snippet runs,
   * {@link settled} once it has validated the journal too. One failed re-check (reported by the
   * caller) does not stop the ones after it.
   */
  refresh(changedFile?: string): Promise<void> {
    // Which entry files to read for snippets: the files saved since the last check, or all of them
    // when one was added, removed or renamed (or the caller does not say).
    const pending = this.#pendingFiles;
    if (changedFile && pending !== "all") this.#pendingFiles = new Set(pending).add(changedFile);
    else this.#pendingFiles = "all";
    // Saves that come while a re-check runs share the next one: it reads the files as they are then.
    if (this.#queued) return this.#queued;
    const previous = this.#done.catch(() => undefined);
    const snippets = previous.then(() => {
      this.#queued = undefined;
      const files = this.#pendingFiles;
      this.#pendingFiles = undefined;
      return this.#checkSnippets(files);
    });
    this.#snippetsDone = snippets;
    this.#done = snippets.then(() => this.#validate());
    this.#queued = this.#done;
    return this.#done;
  }

  /** What a page render waits for: the snippet runs it bakes in are registered. */
  async snippetsSettled(): Promise<void> {
    await this.#snippetsDone.catch(() => undefined);
  }

  async settled(): Promise<void> {
    await this.#done.catch(() => undefined);
  }

  get version(): number {
    return this.#version;
  }

  problems(): Problem[] {
    return [...this.#journalProblems, ...this.#checkProblems, ...[...this.#files.values()].flatMap((f) => f.problems)];
  }

  /** The snippets of the entry published at day `day`. */
  snippetsOfDay(day: number): LiveSnippet[] {
    const file = [...this.#days].find(([, d]) => d === day)?.[0];
    return (file && this.#files.get(file)?.snippets) || [];
  }

  snippet(id: string): LiveSnippet | undefined {
    for (const file of this.#files.values()) {
      const found = file.snippets.find((s) => s.view.id === id);
      if (found) return found;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }

  /** Every entry file (drafts too, as dev shows them) whose text changed: its snippets are checked again. */
  async #checkSnippets(files: Set<string> | "all" | undefined): Promise<void> {
    const current = (files !== "all" && files && this.#readSaved(files)) || this.#readAll();
    const changed = [...current].filter(([file, text]) => this.#files.get(file)?.text !== text).map(([file, text]) => ({ path: file, text }));
    const started = performance.now();
    this.lastCheck = { snippets: 0, ran: 0, snippetMs: 0, validateMs: 0 };
    if (!changed.length) return;
    this.#checkProblems = [];
    const budget = this.#settings.snippetCpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS;
    // The budget is per check; hosts that have used half of it in this session make way for fresh ones.
    if (this.#pool && this.#pool.cpuMs > budget / 2) {
      void this.#pool.close();
      this.#pool = undefined;
    }
    this.#pool ??= new SnippetPool({ cpuBudgetMs: budget });
    const report = await checkSnippets(changed, { root: this.#settings.root, cacheFile: snippetCacheFile(this.#settings), cpuBudgetMs: budget, pruneCache: this.#version === 0, pool: this.#pool });
    // Before any page renders: the Markdown plugin bakes the output it finds here into the page.
    registerRuns(report.runs);
    this.lastCheck = { ...this.lastCheck, snippets: report.runs.length, ran: report.ran, snippetMs: performance.now() - started };
    for (const { path: file, text } of changed) {
      const problems = report.problems.filter((p) => p.file === file);
      const runs = report.runs.filter((r) => r.snippet.file === file);
      this.#files.set(file, { text, snippets: liveSnippets(file, text, runs, problems), problems });
    }
    // A budget problem names the first snippet not run, which may be in any entry.
    this.#checkProblems = report.problems.filter((p) => !changed.some((c) => c.path === p.file));
  }

  /** Every entry file's text; files that are gone are forgotten. */
  #readAll(): Map<string, string> {
    const { root, contentRoot, maxEntryBytes } = this.#settings;
    const entries = readSourceFiles(root, path.join(contentRoot, "days")).filter((f) => !f.symlink && /\.mdx?$/i.test(f.relative) && f.bytes.length <= maxEntryBytes);
    const current = new Map(entries.map((f) => [f.path, Buffer.from(f.bytes).toString("utf8")]));
    for (const file of this.#files.keys()) if (!current.has(file)) this.#files.delete(file);
    return current;
  }

  /**
   * The saved files' texts, when each is an entry this journal already knows and is still a plain
   * file within the size limit (reading all 1,000 entries of a long journal on each save costs
   * about 100 ms); otherwise undefined, and the caller reads them all.
   */
  #readSaved(files: Set<string>): Map<string, string> | undefined {
    const { root, maxEntryBytes } = this.#settings;
    const texts = new Map<string, string>();
    for (const absolute of files) {
      const file = path.relative(root, absolute).split(path.sep).join("/");
      const stat = lstatSync(absolute, { throwIfNoEntry: false });
      if (!this.#files.has(file) || !stat?.isFile() || stat.size > maxEntryBytes) return undefined;
      texts.set(file, readFileSync(absolute, "utf8"));
    }
    return texts;
  }

  async #validate(): Promise<void> {
    const started = performance.now();
    const journal = await this.#load();
    this.lastCheck.validateMs = performance.now() - started;
    this.#journalProblems = journal.problems;
    this.#days = new Map(journal.entries.map((e) => [e.file, e.data.day]));
    this.#version++;
  }
}
