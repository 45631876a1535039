import { format, inspect } from "node-inspect-extracted";
import { formatTable } from "./console/console-table.ts";
import { formatTime } from "./console/format-time.ts";
import { snippetFrames } from "./error-format.ts";
import { MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from "./output-limits.ts";

type Method = (...args: unknown[]) => void;
export type SnippetConsole = Record<
  | "log" | "info" | "debug" | "warn" | "error" | "dirxml" | "dir" | "table" | "trace" | "assert" | "count" | "countReset"
  | "group" | "groupCollapsed" | "groupEnd" | "time" | "timeLog" | "timeEnd" | "clear" | "profile" | "profileEnd" | "timeStamp",
  Method
>;

export interface CapturedConsole {
  console: SnippetConsole;
  /** Lines written so far (the note about truncation included). */
  lines(): string[];
}

export interface ConsoleOptions {
  /** The clock `console.time` reads, in ms (the snippet's virtual clock). */
  now?: () => number;
  /** The snippet's source name, so `console.trace` lists its frames only. */
  sourceName?: string;
}

/**
 * A console that prints what Node's console prints (lib/internal/console/constructor.js), with
 * values formatted by node-inspect-extracted (Node's `util.inspect`, the same code in Node and in
 * the browser), every method writing lines to one buffer: stdout and stderr are not told apart.
 * Node's process warnings (`console.timeEnd('nope')`) print inline as `Warning: …`.
 */
export function captureConsole(options: ConsoleOptions = {}): CapturedConsole {
  const { now = () => 0, sourceName } = options;
  const out: string[] = [];
  let chars = 0;
  let full = false;
  let indent = "";
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  const write = (text: string) => {
    if (full) return;
    for (const line of text.split("\n")) {
      const shown = indent + line;
      if (out.length >= MAX_OUTPUT_LINES || chars + shown.length > MAX_OUTPUT_CHARS) {
        out.push(`… output truncated: more than ${MAX_OUTPUT_LINES} lines or ${MAX_OUTPUT_CHARS} characters`);
        full = true;
        return;
      }
      out.push(shown);
      chars += shown.length + 1;
    }
  };
  // Like Node, a lone string is printed as is (no `%` directives).
  const formatArgs = (args: unknown[]) => (args.length === 1 && typeof args[0] === "string" ? args[0] : format(...args));
  const log: Method = (...args) => write(formatArgs(args));
  const warning = (message: string) => write(`Warning: ${message}`);
  const elapsed = (label: string, method: string, data?: unknown[]) => {
    const start = timers.get(label);
    if (start === undefined) return warning(`No such label '${label}' for console.${method}()`);
    log("%s: %s", label, formatTime(now() - start), ...(data ?? []));
  };
  function trace(...args: unknown[]) {
    const message = formatArgs(args);
    const frames = sourceName ? snippetFrames(new Error().stack ?? "", sourceName) : [];
    write(`Trace${message ? `: ${message}` : ""}${frames.map((line) => `\n    at line ${line}`).join("")}`);
  }
  const group: Method = (...data) => {
    if (data.length > 0) log(...data);
    indent += "  ";
  };

  const console: SnippetConsole = {
    log,
    info: log,
    debug: log,
    warn: log,
    error: log,
    dirxml: log,
    dir: (object, options) => write(inspect(object, { customInspect: false, ...(options as object) })),
    table: (data, properties) => {
      const table = formatTable(data, properties as PropertyKey[] | undefined);
      if (table === undefined) log(data);
      else write(table);
    },
    trace,
    assert: (expression, ...args) => {
      if (expression) return;
      if (args.length && typeof args[0] === "string") args[0] = `Assertion failed: ${args[0]}`;
      else args.unshift("Assertion failed");
      log(...args);
    },
    count: (label = "default") => {
      const key = `${label as string}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      log(`${key}: ${count}`);
    },
    countReset: (label = "default") => {
      // Node looks the label up as given and deletes it as a string.
      if (!counts.has(label as string)) return warning(`Count for '${label as string}' does not exist`);
      counts.delete(`${label as string}`);
    },
    group,
    groupCollapsed: group,
    groupEnd: () => {
      indent = indent.slice(0, -2);
    },
    time: (label = "default") => {
      const key = `${label as string}`;
      if (timers.has(key)) return warning(`Label '${key}' already exists for console.time()`);
      timers.set(key, now());
    },
    timeLog: (label = "default", ...data) => elapsed(`${label as string}`, "timeLog", data),
    timeEnd: (label = "default") => {
      const key = `${label as string}`;
      elapsed(key, "timeEnd");
      timers.delete(key);
    },
    clear: () => {},
    profile: () => {},
    profileEnd: () => {},
    timeStamp: () => {},
  };
  return { console, lines: () => out };
}
