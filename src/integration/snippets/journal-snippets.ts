import { readFileSync } from "node:fs";
import path from "node:path";
import type { DaybookSettings } from "../daybook-settings.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import type { Journal } from "../content/journal-validate.ts";
import { checkSnippets, type SnippetReport } from "./snippet-check.ts";
import type { TypecheckThread } from "../dev/typecheck-thread.ts";

/** Where snippet results are cached between builds: in the build's cache folder, beside Astro's. */
export function snippetCacheFile(settings: DaybookSettings): string {
  return path.join(daybookCacheDir(settings.root), "daybook-snippets.json");
}

/** Checks the snippets of a validated journal; drafts only when they will be shown (dev). */
export async function checkJournalSnippets(settings: DaybookSettings, journal: Journal, options: { includeDrafts: boolean; typecheck?: TypecheckThread }): Promise<SnippetReport> {
  const files = journal.entries
    .filter((e) => options.includeDrafts || !e.data.draft)
    .map((e) => ({ path: e.file, text: readFileSync(path.join(settings.root, e.file), "utf8") }));
  const thread = options.typecheck;
  return checkSnippets(files, {
    root: settings.root,
    cacheFile: snippetCacheFile(settings),
    cpuBudgetMs: settings.snippetCpuBudgetMs,
    ...(thread && { typecheck: (snippets) => thread.check(snippets, "checked"), typecheckHelpers: "checked" as const }),
  });
}
