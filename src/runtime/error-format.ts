/**
 * How errors look in a snippet's output, the same at build and in the browser:
 *
 * - `error.stack` (and so `console.log(error)`, errors nested in objects, `[cause]` and
 *   AggregateError `[errors]`, all printed by util.inspect's own rules) is `Name: message`
 *   followed by one `    at line N` per stack frame in the snippet's own code. Frames of the
 *   runtime, `daybook/sim`, the engine or the host never appear, nor do paths, URLs or columns
 *   (sucrase keeps lines, not columns). An error with no frame in the snippet prints as Node
 *   prints a stackless one: `[Error: message]`.
 * - An error nobody caught ends the output as `Name: message (line N)`, N being its first frame
 *   in the snippet, followed by its `[cause]` chain and AggregateError `[errors]`, indented, as
 *   Node shows them (Node prints the whole inspected error; the one line is Daybook's contract).
 *
 * Stacks are rewritten by V8's `Error.prepareStackTrace` hook (Node and Chromium alike); a
 * snippet that replaces the hook gets the engine's own stacks back.
 */
import { inspect } from "node-inspect-extracted";

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
}

const { apply, defineProperty } = Reflect;

/** Makes every stack of this realm list only the frames in `sourceName`, as `    at line N`. */
export function installSnippetStacks(global: Record<string, unknown>, sourceName: string): void {
  const ErrorConstructor = global["Error"] as ErrorConstructor;
  const errorToString = ErrorConstructor.prototype.toString;
  function prepareStackTrace(error: unknown, sites: CallSite[]): string {
    let stack = apply(errorToString, error, []) as string;
    for (const site of sites) {
      if (site.getFileName() === sourceName) stack += `\n    at line ${site.getLineNumber()}`;
    }
    return stack;
  }
  defineProperty(ErrorConstructor, "prepareStackTrace", { value: prepareStackTrace, writable: true, enumerable: false, configurable: true });
}

/**
 * The snippet lines of a stack, innermost first: `    at line N` frames (as installed above)
 * and, for a stack the engine formatted, frames that name `sourceName` (V8 `at f (src:3:5)`,
 * SpiderMonkey and JavaScriptCore `f@src:3:5`).
 */
export function snippetFrames(stack: string, sourceName: string): number[] {
  const lines: number[] = [];
  for (const frame of stack.split("\n")) {
    const clean = /^ {4}at line (\d+)$/.exec(frame);
    if (clean) {
      lines.push(Number(clean[1]));
      continue;
    }
    const at = frame.lastIndexOf(sourceName);
    if (at < 0) continue;
    const match = /^:(\d+):\d+/.exec(frame.slice(at + sourceName.length));
    if (match) lines.push(Number(match[1]));
  }
  return lines;
}

export function snippetLine(stack: string, sourceName: string): number | undefined {
  return snippetFrames(stack, sourceName)[0];
}

/** How deep an uncaught error's `[cause]` / `[errors]` tree is followed, and how many `[errors]` are listed. */
const MAX_DEPTH = 8;
const MAX_ERRORS = 10;

/** The lines an uncaught error (or thrown value) adds to the output; the first is the result's `error`. */
export function formatUncaught(error: unknown, sourceName: string): string[] {
  if (!isErrorLike(error)) return [`Uncaught ${describe(error)}`];
  try {
    return describeError(error, sourceName, "", new Set(), 0);
  } catch {
    // A Proxy or getter of the snippet's that throws at every turn: the head line is all there is.
    return [headLine(error, sourceName)];
  }
}

/** `Name: message (line N)`: the first line of formatUncaught. */
export function formatError(error: unknown, sourceName: string): string {
  return formatUncaught(error, sourceName)[0]!;
}

function headLine(error: ErrorLike, sourceName: string): string {
  const line = snippetLine(readStack(error), sourceName);
  const name = safeString(() => error.name);
  const message = safeString(() => error.message);
  const head = message ? `${name}: ${message}` : name;
  return line ? `${head} (line ${line})` : head;
}

/** `seen` holds the errors being described around this one: a cause that is one of them is `[Circular]`. */
function describeError(error: ErrorLike, sourceName: string, indent: string, seen: Set<unknown>, depth: number): string[] {
  const lines = [headLine(error, sourceName)];
  if (depth >= MAX_DEPTH) return lines;
  seen.add(error);
  const inner = `${indent}  `;
  if (hasOwn(error, "cause")) {
    const [first = "", ...rest] = describeValue(safeGet(error, "cause"), sourceName, inner, seen, depth + 1);
    lines.push(`${inner}[cause]: ${first}`, ...rest);
  }
  const errors = safeGet(error, "errors");
  if (Array.isArray(errors) && hasOwn(error, "errors")) {
    lines.push(`${inner}[errors]:${errors.length ? "" : " []"}`);
    for (const item of errors.slice(0, MAX_ERRORS)) {
      const [first = "", ...rest] = describeValue(item, sourceName, `${inner}  `, seen, depth + 1);
      lines.push(`${inner}  ${first}`, ...rest);
    }
    if (errors.length > MAX_ERRORS) lines.push(`${inner}  ... ${errors.length - MAX_ERRORS} more`);
  }
  seen.delete(error);
  return lines;
}

function describeValue(value: unknown, sourceName: string, indent: string, seen: Set<unknown>, depth: number): string[] {
  if (seen.has(value)) return ["[Circular]"];
  if (isErrorLike(value)) return describeError(value, sourceName, indent, seen, depth);
  return inspectSafely(value).split("\n").map((text, i) => (i === 0 ? text : `${indent}${text}`));
}

interface ErrorLike {
  name: string;
  message: string;
  stack?: string;
}

/** Errors from another realm (a vm context, a worker) fail `instanceof Error`, so check the shape. */
function isErrorLike(value: unknown): value is ErrorLike {
  try {
    return typeof value === "object" && value !== null && typeof (value as ErrorLike).name === "string" && typeof (value as ErrorLike).message === "string";
  } catch {
    return false;
  }
}

function readStack(error: ErrorLike): string {
  const stack = safeGet(error, "stack");
  return typeof stack === "string" ? stack : "";
}

function hasOwn(object: object, key: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(object, key);
  } catch {
    return false;
  }
}

function safeGet(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function safeString(read: () => unknown): string {
  try {
    return String(read());
  } catch {
    return "";
  }
}

function inspectSafely(value: unknown): string {
  try {
    return inspect(value);
  } catch {
    return describe(value);
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return String(value);
  } catch {
    return "value";
  }
}
