// snippets/: runnable `ts run` blocks: extraction, type-check, runs in the snippet host, cache,
// output fences, and the browser sandbox's page and bundle. This file checks a journal's snippets.

import type { RunResult } from "../../runtime/run-snippet.ts";
import { transpileSnippet } from "../../runtime/transpile.ts";
import { MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from "../../runtime/output-limits.ts";

const TRUNCATION_NOTE = "… output truncated:";
import type { Problem } from "../content/problem.ts";
import { SnippetCache, hashText, runtimeFingerprint, type CachedProblem } from "./snippet-cache.ts";
import { extractSnippets, inSnippet, type Snippet } from "./snippet-extract.ts";
import { SnippetPool } from "./snippet-pool.ts";
import { lineDiff } from "./text-diff.ts";
import { placeFigures } from "../../figures/run-figures.ts";
import { validateControls } from "../../figures/input-controls.ts";

export interface SnippetRun {
  snippet: Snippet;
  /** The JS the browser runs for the unedited snippet. */
  js: string;
  result: RunResult;
}

export interface SnippetReport {
  runs: SnippetRun[];
  problems: Problem[];
  /** How many snippets actually ran (the rest came from the cache). */
  ran: number;
  /** CPU time the snippet hosts spent (ms): they are processes of their own, outside this one's figures. */
  hostCpuMs: number;
}

export interface CheckOptions {
  root: string;
  cacheFile: string;
  /** The most CPU time (ms) all snippets run in one check may use together (daybook.config.ts `snippetCpuBudgetMs`). */
  cpuBudgetMs?: number;
  /** False when only some entries are checked (a dev re-check): the others' cached results stay. */
  pruneCache?: boolean;
  /** Hosts to run in, left open (the dev server keeps its own between re-checks); else a pool for this check alone. */
  pool?: SnippetPool;
  /**
   * Type-checks the snippets elsewhere, without the helper library's own diagnostics (the dev
   * server's thread, dev/typecheck-thread.ts); else here, with them, as the build does.
   */
  typecheck?: (snippets: readonly Snippet[]) => Promise<Problem[]>;
  /** What `typecheck` checks: the snippets alone ("trusted", the default: the dev server's saves) or the helper library too (a build's thread). */
  typecheckHelpers?: "checked" | "trusted";
}

/** Ten minutes of snippet CPU per build unless daybook.config.ts says otherwise. */
export const DEFAULT_CPU_BUDGET_MS = 600_000;

export const UPDATE_COMMAND = "npm run snippets -- --update";

/** Extracts, type-checks, runs (cached, in parallel) and compares every runnable snippet. */
export async function checkSnippets(files: readonly { path: string; text: string }[], options: CheckOptions): Promise<SnippetReport> {
  const problems: Problem[] = [];
  const snippets: Snippet[] = [];
  for (const file of files) {
    const found = extractSnippets(file.path, file.text);
    snippets.push(...found.snippets);
    problems.push(...found.problems);
  }
  const cache = new SnippetCache(options.cacheFile);
  const fingerprint = runtimeFingerprint(options.root);
  // Keyed by the code alone, not where it sits: a paragraph added above a snippet moves its
  // problems' lines but changes none of them (each snippet is a module of its own).
  const typecheckKey = hashText(fingerprint, ...snippets.map((s) => `${s.file}\0${s.code}`));
  // A check that left out the helper library is kept apart: a dev server reuses a build's, never
  // the other way round, so every build has checked the library.
  const partialKey = hashText("helpers left out", typecheckKey);
  const partial = options.typecheck !== undefined && options.typecheckHelpers !== "checked";
  const ownKey = partial ? partialKey : typecheckKey;
  const cached = cache.getTypecheck(typecheckKey) ?? (partial ? cache.getTypecheck(partialKey) : undefined);
  let pool: SnippetPool | undefined = options.pool;
  let ran = 0;
  const budget = options.cpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS;
  // The transpiler and its version are in the fingerprint: the same code gives the same JS.
  const jsKeys = snippets.map((snippet) => hashText(fingerprint, "js", snippet.code));
  const runKey = (snippet: Snippet, js: string) => hashText(fingerprint, String(snippet.meta.timeout), js);
  // The run's key of each snippet whose JS is cached, worked out once for the count below and the run.
  const cachedRunKeys = snippets.map((snippet, i) => {
    const js = cache.getJs(jsKeys[i]!);
    return js === undefined ? undefined : runKey(snippet, js);
  });
  // Snippets with no result in the cache run (those that type-check): their hosts start now,
  // before the type-check (whose first file takes a while), not when the first is ready to run.
  const toRun = cachedRunKeys.filter((key) => key === undefined || cache.get(key) === undefined).length;
  if (toRun > 0) (pool ??= new SnippetPool({ cpuBudgetMs: budget })).warm(toRun);
  // Whether each snippet type-checks, known as soon as its own file is checked: when the check runs
  // here, each snippet that does starts running while the next ones are checked.
  const typed = snippets.map(() => Promise.withResolvers<boolean>());
  const typecheck = cached
    ? Promise.resolve(cached.map((p) => placedAt(p, snippets)))
    : options.typecheck
      ? options.typecheck(snippets)
      : // Loaded here: a build checks in a thread of its own (options.typecheck), and TypeScript and the
        // snippet realm's names need not load on its main thread.
        import("./snippet-typecheck.ts").then(({ typecheckSnippetsInTurn }) => typecheckSnippetsInTurn(snippets, options.root, (index, own) => typed[index]!.resolve(own.length === 0)));
  const typeChecked = typecheck.then(
    (typeProblems) => {
      const mistyped = new Set(snippets.filter((snippet) => typeProblems.some((p) => inSnippet(p, snippet))));
      // Every snippet is decided by the whole check; those told early already were, the same way.
      snippets.forEach((snippet, i) => typed[i]!.resolve(!mistyped.has(snippet)));
      return { typeProblems, mistyped };
    },
    (error: unknown) => {
      for (const t of typed) t.resolve(false);
      throw error;
    },
  );
  const spent: { snippet: Snippet; cpuMs: number }[] = [];
  const skipped: Snippet[] = [];
  const running = Promise.all(
    snippets.map(async (snippet, i): Promise<SnippetRun | undefined> => {
      // Code that does not type-check is never run: the type error is the problem to fix first.
      if (!(await typed[i]!.promise)) return undefined;
      let js = cache.getJs(jsKeys[i]!);
      if (js === undefined) {
        try {
          js = transpileSnippet(snippet.code);
        } catch (error) {
          const loc = (error as { loc?: { line: number; column: number } }).loc;
          problems.push({ file: snippet.file, line: snippet.line + (loc?.line ?? 1), column: loc ? loc.column + 1 : undefined, message: `syntax error in a runnable snippet: ${(error as Error).message}`, fix: "fix the code; the line and column point at the mistake" });
          return undefined;
        }
        cache.setJs(jsKeys[i]!, js);
      }
      const key = cachedRunKeys[i] ?? runKey(snippet, js);
      let result = cache.get(key);
      if (!result) {
        pool ??= new SnippetPool({ cpuBudgetMs: budget });
        const { cpuMs, skipped: notRun, ...run } = await pool.run(js, snippet.meta.timeout);
        if (notRun) {
          skipped.push(snippet);
          return undefined;
        }
        spent.push({ snippet, cpuMs });
        result = run;
        ran++;
        // A stop depends on the machine's speed and load, so it is never remembered.
        if (!result.stopped) cache.set(key, result);
      }
      return { snippet, js, result };
    }),
  );
  const [{ typeProblems, mistyped }, ranOrNot] = await Promise.all([typeChecked, running]).catch(async (error: unknown) => {
    // Hosts started ahead are not left running when the type-check itself fails.
    if (pool !== options.pool) await pool?.close();
    throw error;
  });
  if (!cached) cache.setTypecheck(ownKey, typeProblems.map((p) => relativeTo(p, snippets)));
  problems.push(...typeProblems);
  // A snippet found to type-check when its own file was checked, and blamed by the whole check
  // after all (a diagnostic in its file found while another was checked), ran: its run is not kept.
  const runs = ranOrNot.map((run) => (run && mistyped.has(run.snippet) ? undefined : run));
  const hostCpuMs = pool?.cpuMs ?? 0;
  if (pool !== options.pool) await pool?.close();
  cache.save({ pruneUnused: options.pruneCache ?? true });

  if (skipped.length) problems.push(overBudget(budget, skipped, spent));
  const done = runs.filter((r): r is SnippetRun => r !== undefined);
  for (const run of done) problems.push(...compare(run));
  return { runs: done, problems, ran, hostCpuMs };
}

/** One problem for the whole build, at the first snippet not run, naming where the CPU went. */
function overBudget(budget: number, skipped: Snippet[], spent: { snippet: Snippet; cpuMs: number }[]): Problem {
  const slowest = [...spent].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
  const list = slowest.map(({ snippet, cpuMs }) => `${snippet.file}:${snippet.line} (${(cpuMs / 1000).toFixed(1)} s)`).join(", ");
  return {
    file: skipped[0]!.file,
    line: skipped[0]!.line,
    message: `the snippets used their CPU budget of ${(budget / 1000).toFixed(0)} s for one build, so ${skipped.length} of them did not run; the slowest: ${list}`,
    fix: "make the slowest snippets do less work, or raise snippetCpuBudgetMs in daybook.config.ts",
  };
}

function compare({ snippet, result }: SnippetRun): Problem[] {
  const at = { file: snippet.file, line: snippet.line };
  const problems: Problem[] = [];
  // A stopped snippet's output is cut short, not wrong: report the stop alone, never a diff.
  if (result.stopped) return [{ ...at, message: `the snippet did not finish: ${result.error}`, fix: "make it do less work, or raise timeout=<ms> on its fence (at most 60000); a stop on a busy machine is retried once" }];
  if (result.error && !snippet.meta.throws) {
    const line = /\(line (\d+)\)$/.exec(result.error)?.[1];
    problems.push({ ...at, ...(line && { line: snippet.line + Number(line) }), message: `the snippet ended in an error: ${result.error}`, fix: "fix the code, or add `throws` to the fence if the error is the point (```ts run throws)" });
  }
  // daybook/show refuses what breaks a limit in the snippet's realm; a figure refused only here was forged or cut off.
  for (const placed of placeFigures(result.output, result.figures ?? [])) {
    if ("error" in placed) problems.push({ ...at, message: `the snippet's ${placed.error}`, fix: "draw figures only with daybook/show, within its limits (10 figures and 1 MB per run, 5,000 points per figure), and print less so every figure's line fits in the output" });
  }
  if (result.controls !== undefined) {
    const check = validateControls(result.controls);
    if (!check.ok) problems.push({ ...at, message: `the snippet's controls are not shown: ${check.error}`, fix: "declare controls only with input from daybook/show, within its limits (20 controls, labels up to 200 characters, 50 options)" });
  }
  if (!result.error && snippet.meta.throws) {
    problems.push({ ...at, message: "the snippet is marked `throws` but finished without an error", fix: "remove `throws` from the fence, or make the failure happen" });
  }
  if (!snippet.output) {
    problems.push({ ...at, message: "the runnable snippet has no ```output fence after it", fix: `run \`${UPDATE_COMMAND}\` to add it, then review and commit it` });
  } else if (normalise(snippet.output.text) !== normalise(result.output)) {
    problems.push({
      file: snippet.file,
      line: snippet.output.openIndex + 1,
      message: `the snippet's output differs from its \`\`\`output fence (- expected, + actual):\n${indent(lineDiff(normalise(snippet.output.text), normalise(result.output)))}${truncated(result.output)}`,
      fix: `if the new output is right, run \`${UPDATE_COMMAND}\` and commit the change`,
    });
  }
  return problems;
}

/** A diff shows at most 200 changed lines, so a flood's cut would be out of sight: say it. */
function truncated(output: string): string {
  return output.includes(TRUNCATION_NOTE) ? `\n      (the output was cut at ${MAX_OUTPUT_LINES} lines or ${MAX_OUTPUT_CHARS} characters, the most a snippet may print)` : "";
}

export function normalise(output: string): string {
  // A fence read back from a file holds plain line breaks, whatever the snippet printed.
  return output.replace(/\r\n/g, "\n").replace(/\s+$/, "");
}

function indent(text: string): string {
  return text.replace(/^/gm, "      ");
}

function relativeTo(problem: Problem, snippets: readonly Snippet[]): CachedProblem {
  const index = snippets.findIndex((s) => inSnippet(problem, s));
  return index < 0 ? problem : { ...problem, snippet: index, line: problem.line! - snippets[index]!.line };
}

function placedAt({ snippet, ...problem }: CachedProblem, snippets: readonly Snippet[]): Problem {
  return snippet === undefined ? problem : { ...problem, line: problem.line! + snippets[snippet]!.line };
}
