import type { RunResult } from "../../runtime/run-snippet.ts";
import type { SnippetRun } from "./snippet-check.ts";

export interface RenderedSnippet {
  js: string;
  result: RunResult;
}

/**
 * Results of the snippet check, shared between the integration (which runs every snippet
 * before Astro renders) and the Markdown plugin (which bakes the output into each page).
 * Keyed by the snippet's source, since that is what the plugin sees.
 */
const bySource = new Map<string, RenderedSnippet>();

export function registerRuns(runs: readonly SnippetRun[]): void {
  for (const run of runs) bySource.set(sourceKey(run.snippet.code), { js: run.js, result: run.result });
}

export function lookupRun(code: string): RenderedSnippet | undefined {
  return bySource.get(sourceKey(code));
}

function sourceKey(code: string): string {
  return code.replace(/\r\n/g, "\n").replace(/\n+$/, "");
}
