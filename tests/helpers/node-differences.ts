/**
 * The documented reasons a snippet may print something else in plain Node than at build. Each
 * is a choice Daybook makes on purpose (README, "Runnable snippets"), and each says exactly what
 * it lets differ: both outputs are normalised by the snippet's reasons (in order) and must then be
 * equal, and a reason's `check` adds what must still hold. Anything else that differs is a
 * difference nobody explained, and fails.
 */
import { NODE_CRASH_MARKER } from "./plain-node.ts";

type Side = "build" | "node";

export interface NodeReason {
  /** Why the outputs differ, in one sentence. */
  why: string;
  /** Removes or masks what the reason lets differ. */
  normalise(text: string, side: Side): string;
  /** What must still agree between the raw outputs; returns a problem, or undefined. */
  check?(build: string, node: string): string | undefined;
  /** The difference depends on the machine's load, so on a quiet one the outputs may also be identical. */
  intermittent?: true;
}

const lines = (text: string) => text.split("\n");
const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g;
const WEEKDAYS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g;
/** A stack frame as Node prints it (`    at f (file:1:2)`) or as Daybook does (`    at line 3`), and Node's elision of repeated frames. */
const FRAME = /^\s*(at \S.*|\.\.\. \d+ lines matching cause stack trace \.\.\.)$/;
const NODE_WARNING = /^\(node:\d+\) (\w*Warning): (.*)$/;
const NODE_WARNING_HINT = /^\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)$/;

/** The build output's uncaught part: the last line that is not indented, and the `[cause]`/`[errors]` lines under it. */
function splitUncaught(build: string): { printed: string; uncaught: string[] } {
  const all = lines(build);
  let start = all.length - 1;
  while (start > 0 && /^\s/.test(all[start]!)) start--;
  return { printed: all.slice(0, start).join("\n"), uncaught: all.slice(start) };
}

function buildWarnings(text: string): string[] {
  return lines(text).flatMap((line) => (/^Warning: /.test(line) ? [line.slice("Warning: ".length)] : []));
}

function nodeWarnings(text: string): string[] {
  return lines(text).flatMap((line) => {
    const match = NODE_WARNING.exec(line);
    return match?.[1] === "Warning" ? [match[2]!] : [];
  });
}

export const NODE_REASONS = {
  "virtual time": {
    why: "Date, performance.now and console.time read a virtual clock that starts at 2026-01-01T09:00:00Z and jumps to each timer, while Node reads the real one: the numbers, month and day names and AM/PM of times may differ, nothing else",
    normalise: (text) => text.replace(/\d+(\.\d+)?/g, "#").replace(MONTHS, "<month>").replace(WEEKDAYS, "<weekday>").replace(/\b[AP]M\b/g, "<ampm>"),
  },
  "seeded random": {
    why: "Math.random and crypto are seeded for each snippet, while Node's are random: the numbers and UUIDs drawn, and the column widths inspect gives them, may differ, nothing else",
    normalise: (text) => text.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<uuid>").replace(/\d+(\.\d+)?(e[+-]?\d+)?/g, "#").replace(/\s+/g, " "),
  },
  "stack format": {
    why: "a stack prints the snippet's lines as `at line N`, while Node prints every frame with its function, file and column: the frame lines may differ, nothing else",
    normalise: (text) => lines(text).filter((line) => !FRAME.test(line)).join("\n"),
    check: (build, node) => (lines(node).some((line) => FRAME.test(line)) && lines(build).some((line) => FRAME.test(line)) ? undefined : "the reason is stack frames, yet one side printed none"),
  },
  "error line format": {
    why: "an uncaught error ends the output as `Name: message (line N)` and its [cause]/[errors] chain, while Node prints its crash report and exits with 1: the output before it must agree, and the report must name the same errors",
    normalise: (text, side) => (side === "build" ? splitUncaught(text).printed : (text.split(`${NODE_CRASH_MARKER}\n`)[0] ?? "").replace(/\n$/, "")),
    check: (build, node) => {
      const at = node.indexOf(NODE_CRASH_MARKER);
      if (at < 0) return "Node did not crash, yet the build ended in an uncaught error";
      const report = node.slice(at);
      const missing = splitUncaught(build)
        .uncaught.map((line) => line.trim().replace(/ \(line \d+\)$/, ""))
        .map((line) => {
          const value = /^Uncaught (.*)$/.exec(line)?.[1];
          if (value === undefined) return line;
          return value.startsWith('"') ? (JSON.parse(value) as string) : "ERR_UNHANDLED_REJECTION";
        })
        .filter((text) => !report.includes(text));
      return missing.length ? `Node's crash report does not mention: ${missing.map((m) => JSON.stringify(m)).join(", ")}` : undefined;
    },
  },
  "process warnings": {
    why: "console's misuse warnings print inline as `Warning: …`, where Node emits a process warning `(node:PID) Warning: …` on stderr a tick later, with a hint: the warnings may move, their texts must agree",
    normalise: (text, side) =>
      lines(text)
        .filter((line) => (side === "build" ? !/^Warning: /.test(line) : !(NODE_WARNING.test(line) || NODE_WARNING_HINT.test(line))))
        .join("\n"),
    check: (build, node) => {
      const [b, n] = [buildWarnings(build), nodeWarnings(node)];
      return JSON.stringify(b) === JSON.stringify(n) && b.length > 0 ? undefined : `warnings differ: build ${JSON.stringify(b)}, Node ${JSON.stringify(n)}`;
    },
  },
  "real timers under load": {
    why: "Node's timers run on the real clock, so on a busy machine a timer can fire tens of milliseconds late, after one due later; the virtual clock fires every timer when it is due: the same lines must be printed, in any order",
    normalise: (text) => lines(text).sort().join("\n"),
    intermittent: true,
  },
  "Node's timer clamp": {
    why: "Node runs a 0 ms or negative delay as 1 ms (warning about negative ones), so 0 and 1 ms timers fire in the order they were made; HTML and the virtual clock run 0 ms first: the same timers must fire, in any order",
    normalise: (text, side) =>
      lines(text)
        .filter((line) => side === "build" || !(/^\(node:\d+\) TimeoutNegativeWarning: /.test(line) || /^Timeout duration was set to 1\.$/.test(line) || NODE_WARNING_HINT.test(line)))
        .map((line) => line.replace(/^\[ (.*) \]$/, (_, items: string) => `[ ${items.split(", ").sort().join(", ")} ]`))
        .join("\n"),
  },
} satisfies Record<string, NodeReason>;

export type NodeReasonName = keyof typeof NODE_REASONS;

/**
 * Compares a build output with plain Node's under the given reasons: undefined when they agree
 * (exactly when there are no reasons), else what differs. A reason whose difference did not
 * occur is reported too, so the list of documented differences never outlives them.
 */
export function compareWithNode(build: string, node: string, reasons: readonly NodeReasonName[]): { problem?: string; normalised: { build: string; node: string } } {
  let [b, n] = [build, node];
  for (const name of reasons) {
    const reason: NodeReason = NODE_REASONS[name];
    [b, n] = [reason.normalise(b, "build"), reason.normalise(n, "node")];
  }
  const normalised = { build: b, node: n };
  if (reasons.length && build === node && !reasons.every((name) => (NODE_REASONS[name] as NodeReason).intermittent)) return { problem: `documented as differing (${reasons.join(", ")}), but the outputs are identical: remove the entry`, normalised };
  for (const name of reasons) {
    const problem = (NODE_REASONS[name] as NodeReason).check?.(build, node);
    if (problem) return { problem: `${name}: ${problem}`, normalised };
  }
  if (b !== n) return { problem: reasons.length ? `differs beyond ${reasons.join(", ")}` : "differs", normalised };
  return { normalised };
}
