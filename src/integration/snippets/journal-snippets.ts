import { readFileSync } from "node:fs";
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

/** The absolute paths of the sources holding a runnable snippet: the entries whose pages show a run. */
export function filesWithSnippets(settings: DaybookSettings, sources: readonly SnippetSource[]): Set<string> {
  return new Set(sources.filter((s) => extractSnippets(s.path, s.text).snippets.length > 0).map((s) => path.resolve(settings.root, s.path)));
}

/** Checks the snippets of a validated journal (of `sources`, when the caller has read them). */
export async function checkJournalSnippets(
  settings: DaybookSettings,
  journal: Journal,
  options: { includeDrafts: boolean; typecheck?: TypecheckThread; sources?: readonly SnippetSource[] },
): Promise<SnippetReport> {
  const files = options.sources ?? snippetSources(settings, journal, options.includeDrafts);
  const thread = options.typecheck;
  return checkSnippets(files, {
    root: settings.root,
    cacheFile: snippetCacheFile(settings),
    cpuBudgetMs: settings.snippetCpuBudgetMs,
    ...(thread && { typecheck: (snippets) => thread.check(snippets, "checked"), typecheckHelpers: "checked" as const }),
  });
}
