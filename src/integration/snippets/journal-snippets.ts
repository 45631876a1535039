import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { DaybookSettings } from "../daybook-settings.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import type { Journal } from "../content/journal-validate.ts";
import { checkSnippets, type SnippetReport } from "./snippet-check.ts";
import { extractSnippets } from "./snippet-extract.ts";
import type { TypecheckThread } from "../dev/typecheck-thread.ts";

/** Where snippet results are cached between builds: in the build's cache folder, beside Astro's. */
export function snippetCacheFile(settings: DaybookSettings): string {
  return path.join(daybookCacheDir(settings.root), "daybook-snippets.json");
}

/** An entry's path (relative to the project) and text, as the snippet check reads it. */
export interface SnippetSource {
  path: string;
  text: string;
}

/** The entries whose snippets a check runs: drafts only when they will be shown (dev). */
export function snippetSources(settings: DaybookSettings, journal: Journal, includeDrafts: boolean): SnippetSource[] {
  return journal.entries
    .filter((e) => includeDrafts || !e.data.draft)
    .map((e) => ({ path: e.file, text: readFileSync(path.join(settings.root, e.file), "utf8") }));
}

/**
 * The files whose pages show no snippet run: the sources without a runnable snippet, and the
 * tags. Each by its absolute path and, when that goes through a symbolic link, its real path
 * too (Vite names a module by its real path). A file not in the set may show one.
 */
export function filesWithoutSnippets(settings: DaybookSettings, journal: Journal, sources: readonly SnippetSource[]): Set<string> {
  const files = [...sources.filter((s) => extractSnippets(s.path, s.text).snippets.length === 0).map((s) => s.path), ...journal.tags.map((t) => t.file)];
  return new Set(
    files.flatMap((file) => {
      const absolute = path.resolve(settings.root, file);
      try {
        return [absolute, realpathSync(absolute)];
      } catch {
        return [absolute];
      }
    }),
  );
}

/** Checks the snippets of a validated journal (of `sources`, when the caller has read them). */
export async function checkJournalSnippets(
  settings: DaybookSettings,
  journal: Journal,
  options: { includeDrafts: boolean; typecheck?: TypecheckThread; sources?: readonly SnippetSource[] },
): Promise<SnippetReport> {
  const files = options.sources ?? snippetSources(settings, journal, options.includeDrafts);
  const cacheFile = snippetCacheFile(settings);
  // The thread runs the whole check, so that the snippet hosts never wait for this thread.
  if (options.typecheck) return options.typecheck.checkSnippets({ files, cacheFile, cpuBudgetMs: settings.snippetCpuBudgetMs });
  return checkSnippets(files, { root: settings.root, cacheFile, cpuBudgetMs: settings.snippetCpuBudgetMs });
}
