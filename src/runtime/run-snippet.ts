import FakeTimers from "@sinonjs/fake-timers";
import { captureConsole } from "./console-capture.ts";
import { formatUncaught, installSnippetStacks } from "./error-format.ts";
import { installLocale } from "./locale/install-locale.ts";
import { SNIPPET_SEED, seededRandom } from "./seeded-random.ts";
import { createShow } from "../figures/show.ts";
import { figureSummaryLine } from "../figures/figure-summary.ts";
import { createInput } from "../figures/input.ts";
import { SHOW_SPECIFIER } from "./typecheck-options.ts";
import { SNIPPET_SOURCE } from "./snippet-source.ts";

/** A compiled snippet: CommonJS-style module body (sucrase output) wrapped in an async function. */
export type SnippetFunction = (require: (specifier: string) => unknown, exports: object, module: { exports: object }) => Promise<void>;

/** What differs between Node (a vm context in a worker thread) and the browser (a Web Worker). */
export interface SnippetHost {
  /** The global object the snippet's code sees. */
  global: Record<string, unknown> & { Math: Math };
  /** Turns transpiled JS into a function whose stack frames mention `sourceName`, keeping line numbers. */
  compile(js: string, sourceName: string): SnippetFunction | Promise<SnippetFunction>;
  /** Modules a snippet may import, e.g. `daybook/sim`. */
  modules: Readonly<Record<string, unknown>>;
  /** Registers a callback for promise rejections nobody handled. */
  onUnhandledRejection(handler: (reason: unknown) => void): void;
  /**
   * Resolves after every pending microtask has run: a native MessageChannel round trip captured
   * before the snippet exists (the browser worker), or the build's snippet host driving its vm
   * context from outside. The snippet's own MessageChannel is Daybook's, on virtual time.
   */
  macrotask: () => Promise<void>;
}

export interface RunResult {
  /** Everything the snippet printed, then its error line if it failed. */
  output: string;
  /** `Name: message (line N)` when the snippet ended in an error. */
  error?: string;
  /** Set when the host stopped the snippet (timeout, memory, crash): the output says so, but it is not the snippet's own. */
  stopped?: true;
  /**
   * Each figure the snippet showed, as JSON text, in order; its summary line is in `output`.
   * Untrusted outside the snippet's realm: src/figures/run-figures.ts checks it again.
   */
  figures?: string[];
  /**
   * The controls the snippet declared with `input`, as JSON text (present when it declared any).
   * Untrusted outside the snippet's realm: src/figures/input-controls.ts checks it again.
   */
  controls?: string;
}

/** Virtual time starts here, so `new Date()` prints the same on every run. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);
/** A snippet that keeps scheduling timers forever is stopped after this many. */
export const MAX_TIMERS = 100_000;

/**
 * Runs one transpiled snippet deterministically: console captured and formatted like Node,
 * `Math.random` seeded, timers and `Date` on a virtual clock that jumps straight to the next
 * timer whenever the snippet is only waiting, so `await sleep(5000)` returns at once, the
 * locale and time zone pinned to en-US and UTC, and stack traces listing snippet lines only.
 */
export async function runSnippet(js: string, host: SnippetHost, sourceName = SNIPPET_SOURCE, inputs: Readonly<Record<string, unknown>> = {}): Promise<RunResult> {
  const clock = FakeTimers.createClock(VIRTUAL_EPOCH, MAX_TIMERS);
  const capture = captureConsole({ now: () => clock.now, sourceName });
  const g = host.global;
  Object.assign(g, {
    console: capture.console,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    setInterval: clock.setInterval,
    clearInterval: clock.clearInterval,
    Date: clock.Date,
    performance: { now: () => clock.now - VIRTUAL_EPOCH },
  });
  g.Math.random = seededRandom(SNIPPET_SEED);
  installLocale(g, () => clock.now);
  installSnippetStacks(g, sourceName);

  let failure: { reason: unknown } | undefined;
  host.onUnhandledRejection((reason) => (failure ??= { reason }));
  // `daybook/show` prints each figure's line with the console's own log (captured now, before the
  // snippet can replace console.log), so it keeps its place among the printed lines.
  const figures: string[] = [];
  const print = capture.console.log;
  const show = createShow((figure) => {
    print(figureSummaryLine(figure));
    figures.push(JSON.stringify(figure));
  });
  // `input` reads the reader's values (none at build) against each control as it is declared.
  const { input, declared } = createInput(inputs);
  const modules: Readonly<Record<string, unknown>> = { ...host.modules, [SHOW_SPECIFIER]: { show, input } };
  const require = (specifier: string) => {
    if (specifier in modules) return modules[specifier];
    throw new Error(`Cannot find module '${specifier}': snippets can import ${Object.keys(modules).join(", ")}`);
  };

  let settled = false;
  try {
    const module = { exports: {} };
    const run = await host.compile(js, sourceName);
    void run(require, module.exports, module).then(
      () => (settled = true),
      (reason: unknown) => {
        settled = true;
        failure ??= { reason };
      },
    );
    const nextMacrotask = host.macrotask;
    for (let fired = 0; !failure; fired++) {
      await nextMacrotask();
      if (failure || clock.countTimers() === 0) break;
      if (fired >= MAX_TIMERS) {
        failure = { reason: new RangeError(`more than ${MAX_TIMERS} timers fired; is a setInterval never cleared?`) };
        break;
      }
      clock.next();
    }
    if (!failure && !settled) failure = { reason: new Error("the snippet never finished: it awaits a promise that nothing resolves") };
  } catch (reason) {
    failure ??= { reason };
  }

  const lines = [...capture.lines()];
  const shown = { ...(figures.length ? { figures } : {}), ...(declared.length ? { controls: JSON.stringify(declared) } : {}) };
  if (!failure) return { output: lines.join("\n"), ...shown };
  const uncaught = formatUncaught(failure.reason, sourceName);
  return { output: [...lines, ...uncaught].join("\n"), error: uncaught[0]!, ...shown };
}
