/**
 * Errors print as `Name: message (line N)`, with N counted in the snippet, never as an
 * engine-specific stack. The line comes from the first stack frame in the snippet's source.
 */
export function formatError(error: unknown, sourceName: string): string {
  if (!isErrorLike(error)) return `Uncaught ${describe(error)}`;
  const line = snippetLine(error.stack ?? "", sourceName);
  const head = error.message ? `${error.name}: ${error.message}` : error.name;
  return line ? `${head} (line ${line})` : head;
}

export function snippetLine(stack: string, sourceName: string): number | undefined {
  for (const frame of stack.split("\n")) {
    const at = frame.lastIndexOf(sourceName);
    if (at < 0) continue;
    const match = /^:(\d+):\d+/.exec(frame.slice(at + sourceName.length));
    if (match) return Number(match[1]);
  }
  return undefined;
}

interface ErrorLike {
  name: string;
  message: string;
  stack?: string;
}

/** Errors from another realm (a vm context, a worker) fail `instanceof Error`, so check the shape. */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === "object" && value !== null && typeof (value as ErrorLike).name === "string" && typeof (value as ErrorLike).message === "string";
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return String(value);
  } catch {
    return "value";
  }
}
