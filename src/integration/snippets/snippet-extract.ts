import type { Problem } from "../content/problem.ts";

/** Meta flags a ```` ```ts run ```` fence accepts. */
export interface SnippetMeta {
  /** Shown above the code, e.g. `title="Coordinator crash"`. */
  title?: string;
  /** Wall-clock limit in milliseconds (default 2000). Virtual time does not count. */
  timeout: number;
  /** The snippet is expected to end in an error; the error line is part of its output. */
  throws: boolean;
}

export interface OutputFence {
  /** 0-based line index of the ```` ```output ```` line and of its closing fence. */
  openIndex: number;
  closeIndex: number;
  text: string;
}

export interface Snippet {
  file: string;
  /** 1-based line of the opening ```` ```ts run ```` fence. */
  line: number;
  code: string;
  meta: SnippetMeta;
  /** 0-based line index of the code fence's closing line (an output fence is inserted after it). */
  closeIndex: number;
  output?: OutputFence;
}

export const DEFAULT_TIMEOUT = 2000;
/** `timeout=` accepts 1 ms to one minute: a snippet is an example, not a batch job. */
export const MAX_TIMEOUT = 60_000;
const RUNNABLE_LANGS = new Set(["ts", "typescript"]);
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Finds every fenced block; runnable ones become Snippets, mistakes become Problems. */
export function extractSnippets(file: string, text: string): { snippets: Snippet[]; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const blocks = fencedBlocks(lines);
  const snippets: Snippet[] = [];
  const problems: Problem[] = [];
  blocks.forEach((block, i) => {
    const [lang = "", ...rest] = block.info.trim().split(/\s+/);
    const tokens = rest.join(" ");
    const at = { file, line: block.openIndex + 1 };
    if (lang === "output") {
      const before = blocks[i - 1];
      const runnable = before && isRunnable(before.info) && blankBetween(lines, before.closeIndex, block.openIndex);
      if (!runnable) problems.push({ ...at, message: "an ```output fence must come directly after a ```ts run block", fix: "move it under the runnable block it belongs to, or change its language to text" });
      return;
    }
    if (!/(^|\s)run(\s|$)/.test(tokens)) return;
    if (!RUNNABLE_LANGS.has(lang)) {
      problems.push({ ...at, message: `only TypeScript blocks can run, and this one is "${lang || "(no language)"}"`, fix: "write ```ts run, or drop `run` to only highlight the code" });
      return;
    }
    const meta = parseMeta(tokens.replace(/(^|\s)run(?=\s|$)/, " "));
    if ("problem" in meta) {
      problems.push({ ...at, message: meta.problem, fix: 'allowed: title="…", timeout=<ms> (1 to 60000), throws' });
      return;
    }
    const next = blocks[i + 1];
    const output = next && next.info.trim().split(/\s+/)[0] === "output" && blankBetween(lines, block.closeIndex, next.openIndex) ? next : undefined;
    snippets.push({
      file,
      line: block.openIndex + 1,
      code: lines.slice(block.openIndex + 1, block.closeIndex).join("\n"),
      meta,
      closeIndex: block.closeIndex,
      ...(output && { output: { openIndex: output.openIndex, closeIndex: output.closeIndex, text: lines.slice(output.openIndex + 1, output.closeIndex).join("\n") } }),
    });
  });
  return { snippets, problems };
}

interface Block {
  info: string;
  openIndex: number;
  closeIndex: number;
}

/**
 * Fenced blocks as CommonMark reads them: a backtick fence's info has no backtick (else the line is
 * inline code), and only a line of at least as many of the same character, with nothing but spaces
 * or tabs after it, closes a block (an unclosed one runs to the end of the file). So an output fence
 * opened with four backticks holds a line of three as text, as MDX reads it.
 */
function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open || (open[2]![0] === "`" && open[3]!.includes("`"))) continue;
    const marker = open[2]!;
    const closing = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}[ \\t]*$`);
    let close = i + 1;
    while (close < lines.length && !closing.test(lines[close]!)) close++;
    blocks.push({ info: open[3]!, openIndex: i, closeIndex: close });
    i = close;
  }
  return blocks;
}

/** Whether a fence's info string (language, then meta) makes a runnable snippet: ```` ```ts run ````. */
export function isRunnable(info: string): boolean {
  const [lang = "", ...rest] = info.trim().split(/\s+/);
  return RUNNABLE_LANGS.has(lang) && rest.includes("run");
}

function blankBetween(lines: string[], from: number, to: number): boolean {
  return lines.slice(from + 1, to).every((l) => l.trim() === "");
}

function parseMeta(text: string): SnippetMeta | { problem: string } {
  const meta: SnippetMeta = { timeout: DEFAULT_TIMEOUT, throws: false };
  const token = /\s*(?:(\w+)="([^"]*)"|(\w+)=(\S+)|(\S+))/y;
  let match: RegExpExecArray | null;
  while (token.lastIndex < text.length && (match = token.exec(text))) {
    const [, quotedKey, quotedValue, key, value, flag] = match;
    if (quotedKey === "title") meta.title = quotedValue!;
    else if (key === "timeout" && /^\d+$/.test(value!) && Number(value) >= 1 && Number(value) <= MAX_TIMEOUT) meta.timeout = Number(value);
    else if (key === "timeout" && /^\d+$/.test(value!)) return { problem: `timeout=${value} is outside 1 to ${MAX_TIMEOUT} milliseconds` };
    else if (key === "timeout") return { problem: `timeout=${value} is not a whole number of milliseconds` };
    else if (flag === "throws") meta.throws = true;
    else if (flag?.trim()) return { problem: `unknown flag "${flag}" on a runnable block` };
    else return { problem: `unknown setting "${quotedKey ?? key}" on a runnable block` };
  }
  return meta;
}

/** Whether a problem's line is inside the snippet's code (the lines after its opening fence). */
export function inSnippet(problem: Problem, snippet: Snippet): boolean {
  return problem.file === snippet.file && problem.line !== undefined && problem.line > snippet.line && problem.line <= snippet.line + snippet.code.split("\n").length;
}
