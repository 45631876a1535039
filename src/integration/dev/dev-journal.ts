import { readFileSync } from "node:fs";
import path from "node:path";
import type { DaybookSettings } from "../daybook-settings.ts";
import type { Problem } from "../content/problem.ts";
import type { Journal } from "../content/journal-validate.ts";
import { checkSnippets, type SnippetRun } from "../snippets/snippet-check.ts";
import { snippetCacheFile } from "../snippets/journal-snippets.ts";
import { registerRuns } from "../snippets/snippet-registry.ts";
import { liveSnippets, type LiveSnippet } from "./dev-snippets.ts";

interface CheckedEntry {
  text: string;
  day: number;
  snippets: LiveSnippet[];
  problems: Problem[];
}

/**
 * The journal as `npm run dev` last checked it: every problem a build would report, and each
 * entry's snippets with their latest runs. A re-check validates the whole journal (cheap) but
 * runs only the snippets of entries whose text changed since they were last checked, so one
 * save runs one entry's snippets, and those unchanged within it come from the cache.
 */
export class DevJournal {
  readonly #settings: DaybookSettings;
  readonly #load: () => Journal;
  #journalProblems: Problem[] = [];
  readonly #entries = new Map<string, CheckedEntry>();
  #queue: Promise<void> = Promise.resolve();
  #version = 0;

  /** What the last re-check did, for the terminal. */
  lastCheck = { snippets: 0, ran: 0 };

  /** `load` validates the whole journal (the integration's loadJournal). */
  constructor(settings: DaybookSettings, load: () => Journal) {
    this.#settings = settings;
    this.#load = load;
  }

  /**
   * Queues a re-check and returns at once: re-checks run one at a time, in order, and
   * {@link settled} waits for the last one queued (the page renderer waits on it, so a page
   * is never rendered from the snippet results of the text before the save).
   */
  refresh(): Promise<void> {
    // One failed re-check (reported by the caller) must not stop the ones after it.
    this.#queue = this.#queue.catch(() => undefined).then(() => this.#refresh());
    return this.#queue;
  }

  settled(): Promise<void> {
    return this.#queue.catch(() => undefined);
  }

  get version(): number {
    return this.#version;
  }

  problems(): Problem[] {
    return [...this.#journalProblems, ...[...this.#entries.values()].flatMap((e) => e.problems)];
  }

  /** The snippets of the entry published at day `day`. */
  snippetsOfDay(day: number): LiveSnippet[] {
    return [...this.#entries.values()].find((e) => e.day === day)?.snippets ?? [];
  }

  snippet(id: string): LiveSnippet | undefined {
    for (const entry of this.#entries.values()) {
      const found = entry.snippets.find((s) => s.view.id === id);
      if (found) return found;
    }
    return undefined;
  }

  async #refresh(): Promise<void> {
    const { root } = this.#settings;
    const journal = this.#load();
    this.#journalProblems = journal.problems;
    const current = new Map(journal.entries.map((e) => [e.file, { day: e.data.day, text: readFileSync(path.join(root, e.file), "utf8") }]));
    for (const file of this.#entries.keys()) if (!current.has(file)) this.#entries.delete(file);
    const changed = [...current].filter(([file, { text }]) => this.#entries.get(file)?.text !== text).map(([file, { text }]) => ({ path: file, text }));
    for (const [file, { day }] of current) {
      const entry = this.#entries.get(file);
      if (entry) entry.day = day;
    }
    this.lastCheck = { snippets: 0, ran: 0 };
    if (changed.length) {
      const report = await checkSnippets(changed, { root, cacheFile: snippetCacheFile(this.#settings), cpuBudgetMs: this.#settings.snippetCpuBudgetMs, pruneCache: this.#version === 0 });
      this.lastCheck = { snippets: report.runs.length, ran: report.ran };
      // Before any page renders: the Markdown plugin bakes the output it finds here into the page.
      registerRuns(report.runs);
      for (const { path: file, text } of changed) {
        const problems = report.problems.filter((p) => p.file === file);
        const runs = report.runs.filter((r: SnippetRun) => r.snippet.file === file);
        this.#entries.set(file, { text, day: current.get(file)!.day, snippets: liveSnippets(file, text, runs, problems), problems });
      }
      // A budget problem names the first snippet not run, which may be in any entry.
      const stray = report.problems.filter((p) => !changed.some((c) => c.path === p.file));
      this.#journalProblems.push(...stray);
    }
    this.#version++;
  }
}
