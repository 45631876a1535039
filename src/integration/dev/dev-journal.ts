import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DaybookSettings } from "../daybook-settings.ts";
import type { Problem } from "../content/problem.ts";
import type { Journal } from "../content/journal-validate.ts";
import { readSourceFiles } from "../content/journal-read.ts";
import { checkSnippets, DEFAULT_CPU_BUDGET_MS } from "../snippets/snippet-check.ts";
import { DEFAULT_TIMEOUT, extractSnippets } from "../snippets/snippet-extract.ts";
import { snippetCacheFile } from "../snippets/journal-snippets.ts";
import { registerRuns } from "../snippets/snippet-registry.ts";
import { SnippetPool } from "../snippets/snippet-pool.ts";
import { liveSnippets, type LiveSnippet } from "./dev-snippets.ts";
import { moveSnippetCheck, type EntrySnippetCheck } from "./dev-snippet-move.ts";
import { CoalescingQueue } from "./dev-queue.ts";
import { TypecheckThread } from "./typecheck-thread.ts";

interface CheckedFile {
  text: string;
  snippets: LiveSnippet[];
  /** Every problem of the entry's snippets: its fences', and the check's. */
  problems: Problem[];
  /** The check's part, to move when a save changes only the prose around the snippets. */
  check: EntrySnippetCheck;
}

/**
 * The journal as `npm run dev` last checked it: every problem a build would report, and each
 * entry's snippets with their latest runs. A re-check runs the snippets of the entries whose text
 * changed since they were last checked (those unchanged within them come from the cache), which
 * is all a page render waits for, and validates the whole journal. Each runs one at a time; a
 * validation (in the check thread) starts once the snippets queued before it are checked, so that
 * a changed snippet's run has the CPU to itself, but no snippet check waits for a validation: a
 * render never waits for one (its problems reach the page afterwards, over the dev channel), nor
 * a save's snippets for an earlier save's validation.
 */
export class DevJournal {
  readonly #settings: DaybookSettings;
  readonly #load: () => Journal | Promise<Journal>;
  #journalProblems: Problem[] = [];
  #checkProblems: Problem[] = [];
  readonly #files = new Map<string, CheckedFile>();
  /** Entry file → day, from the last validation. */
  #days = new Map<string, number>();
  readonly #snippetChecks = new CoalescingQueue(() => this.#checkSnippets());
  readonly #validations = new CoalescingQueue(async () => {
    await this.#snippetChecks.settled();
    await this.#validate();
  });
  /** The last re-check handed out, and the two runs it waits for. */
  #last: { snippets: Promise<void>; validation: Promise<void>; both: Promise<void> } | undefined;
  /** The files saved since the last snippet check started (absolute paths), or "all". */
  #pendingFiles: Set<string> | "all" | undefined;
  #version = 0;
  /** Whether a snippet check has run: see the cache's pruning in #checkSnippets. */
  #pruned = false;
  /** Snippet hosts kept between re-checks: starting one is most of the time a one-snippet re-check would take. */
  #pool: SnippetPool | undefined;
  /** Where snippets are type-checked: never on the thread that serves and renders pages. */
  readonly #typecheck: TypecheckThread;

  /** What the last re-check did, for the terminal. */
  lastCheck = { snippets: 0, ran: 0, snippetMs: 0, validateMs: 0 };

  /** `load` validates the whole journal (the integration's loadJournal, or the dev server's check thread). */
  constructor(settings: DaybookSettings, load: () => Journal | Promise<Journal>) {
    this.#settings = settings;
    this.#load = load;
    this.#typecheck = new TypecheckThread(settings.root);
  }

  /**
   * Queues a re-check and returns a promise of its end: of a snippet check and a validation that
   * both start after this call. Saves that come before they start share them (and get the same
   * promise). {@link snippetsSettled} resolves once the last snippet check queued has registered
   * its runs, {@link settled} once the last validation queued has ended too. One failed re-check
   * (reported by the caller) does not stop the ones after it.
   */
  refresh(changedFile?: string): Promise<void> {
    // Which entry files to read for snippets: the files saved since the last check, or all of them
    // when one was added, removed or renamed (or the caller does not say).
    const pending = this.#pendingFiles;
    if (changedFile && pending !== "all") this.#pendingFiles = new Set(pending).add(changedFile);
    else this.#pendingFiles = "all";
    const snippets = this.#snippetChecks.request();
    const validation = this.#validations.request();
    if (this.#last?.snippets === snippets && this.#last.validation === validation) return this.#last.both;
    const both = Promise.all([snippets, validation]).then(() => undefined);
    this.#last = { snippets, validation, both };
    return both;
  }

  /** What a page render waits for: the snippet runs it bakes in are registered. */
  async snippetsSettled(): Promise<void> {
    await this.#snippetChecks.settled();
  }

  /** Every re-check queued so far has ended: the problems and snippets are current. */
  async settled(): Promise<void> {
    await Promise.all([this.#snippetChecks.settled(), this.#validations.settled()]);
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
    await Promise.all([this.#pool?.close(), this.#typecheck.close()]);
  }

  /**
   * Starts the type-check thread, which loads TypeScript and parses its library files, so the
   * first save that changes a snippet's code does not wait for that (a start-up check whose
   * type-check comes from the cache never needed them). dev-warm-up.ts calls it.
   */
  warmTypecheck(): void {
    this.#typecheck.start();
  }

  /**
   * Starts a snippet host, so the first save that changes a snippet's code does not wait for one
   * to start (about a second: a Node process and the snippet runtime) before its run. The empty
   * run is not remembered anywhere. dev-warm-up.ts calls it only when the journal has snippets.
   */
  async warmSnippetHost(): Promise<void> {
    this.#pool ??= new SnippetPool({ cpuBudgetMs: this.#settings.snippetCpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS });
    await this.#pool.run("", DEFAULT_TIMEOUT);
  }

  /** Whether any entry has a runnable snippet. */
  hasSnippets(): boolean {
    return [...this.#files.values()].some((f) => f.check.snippets.length);
  }

  /**
   * Every entry file (drafts too, as dev shows them) whose text changed: its snippets are checked
   * again, or their last check moved along when only the text around them changed.
   */
  async #checkSnippets(): Promise<void> {
    const files = this.#pendingFiles;
    this.#pendingFiles = undefined;
    const current = (files !== "all" && files && this.#readSaved(files)) || this.#readAll();
    const started = performance.now();
    const { validateMs } = this.lastCheck;
    this.lastCheck = { snippets: 0, ran: 0, snippetMs: 0, validateMs };
    const changed: { path: string; text: string }[] = [];
    let moved = 0;
    for (const [file, text] of current) {
      const known = this.#files.get(file);
      if (known?.text === text) continue;
      if (known && this.#moveCheck(file, text, known)) moved++;
      else changed.push({ path: file, text });
    }
    this.lastCheck.snippetMs = performance.now() - started;
    if (!changed.length) {
      // The snippets' lines (and the problems') may have moved: the page asks again.
      if (moved) this.#version++;
      return;
    }
    this.#checkProblems = [];
    const budget = this.#settings.snippetCpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS;
    // The budget is per check; hosts that have used half of it in this session make way for fresh ones.
    if (this.#pool && this.#pool.cpuMs > budget / 2) {
      void this.#pool.close();
      this.#pool = undefined;
    }
    this.#pool ??= new SnippetPool({ cpuBudgetMs: budget });
    // Only the first check reads every entry: it alone may drop the results no entry uses any more.
    const prune = !this.#pruned && files === "all";
    this.#pruned = true;
    const report = await checkSnippets(changed, { root: this.#settings.root, cacheFile: snippetCacheFile(this.#settings), cpuBudgetMs: budget, pruneCache: prune, pool: this.#pool, typecheck: (snippets) => this.#typecheck.check(snippets) });
    // Before any page renders: the Markdown plugin bakes the output it finds here into the page.
    registerRuns(report.runs);
    this.lastCheck = { ...this.lastCheck, snippets: this.lastCheck.snippets + report.runs.length, ran: report.ran, snippetMs: performance.now() - started };
    for (const { path: file, text } of changed) {
      const problems = report.problems.filter((p) => p.file === file);
      const read = extractSnippets(file, text);
      // What reading the fences finds is found again on every save; the rest is the check's.
      const checked = problems.filter((p) => !read.problems.some((r) => r.line === p.line && r.message === p.message));
      const runs = report.runs.filter((r) => r.snippet.file === file);
      this.#setFile(file, text, { snippets: read.snippets, runs, problems: checked }, read.problems);
    }
    // A budget problem names the first snippet not run, which may be in any entry.
    this.#checkProblems = report.problems.filter((p) => !changed.some((c) => c.path === p.file));
    this.#version++;
  }

  /** Takes the entry's last check along to its new text when the save left its snippets as they were; false if it did not. */
  #moveCheck(file: string, text: string, known: CheckedFile): boolean {
    // A budget problem may name this entry's lines: only a new check places it.
    if (this.#checkProblems.some((p) => p.file === file)) return false;
    const read = extractSnippets(file, text);
    const moved = moveSnippetCheck(known.check, read.snippets);
    if (!moved) return false;
    // Registered again: another entry's snippet with the same code may have replaced these runs.
    registerRuns(moved.runs);
    this.#setFile(file, text, moved, read.problems);
    this.lastCheck.snippets += moved.runs.length;
    return true;
  }

  #setFile(file: string, text: string, check: EntrySnippetCheck, fenceProblems: readonly Problem[]): void {
    const problems = [...fenceProblems, ...check.problems];
    this.#files.set(file, { text, snippets: liveSnippets(file, text, check.runs, problems), problems, check });
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
