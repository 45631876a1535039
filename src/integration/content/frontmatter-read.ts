import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from "yaml";

export interface Located {
  line: number;
  column?: number;
  message: string;
  fix: string;
}

export interface FrontmatterDoc {
  /** Parsed YAML with source ranges (YAML 1.2 core schema: dates stay strings, no roll-over). */
  doc: Document;
  /** Plain JS value of the frontmatter. */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** File line of an offset inside the YAML text. */
  lineOf(offset: number): { line: number; column: number };
  /** File line of a key (or of the value at `path`), when present. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

const FENCE = /^---[ \t]*$/;

/** Splits `text` into frontmatter and body and parses the YAML strictly, or says what is wrong. */
export function readFrontmatter(text: string): FrontmatterDoc | Located {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.every((l) => l.trim() === "")) {
    return { line: 1, message: "the file is empty", fix: "add YAML frontmatter between --- lines (see README, 'Writing an entry') or delete the file" };
  }
  const first = lines.findIndex((l) => l.trim() !== "");
  if (/^\+\+\+\s*$/.test(lines[first]!)) {
    return { line: first + 1, message: "TOML frontmatter (+++) is not supported", fix: "rewrite the frontmatter as YAML between --- lines" };
  }
  if (first !== 0 || !FENCE.test(lines[0]!)) {
    const later = lines.findIndex((l) => FENCE.test(l));
    return later > 0
      ? { line: later + 1, message: "the frontmatter is not at the top of the file", fix: "move the --- block to line 1, with nothing (not even a blank line) before it" }
      : { line: 1, message: "the file has no frontmatter", fix: "start the file with YAML frontmatter between --- lines (title, day, date, tags, summary)" };
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    return { line: 1, message: "the frontmatter opened on line 1 is never closed", fix: "add a line containing only --- after the last frontmatter field" };
  }

  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: "core", uniqueKeys: true, strict: true, prettyErrors: false, lineCounter: counter });
  const lineOf = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const where = lineOf(firstError.pos[0]);
    return { ...where, message: `the frontmatter is not valid YAML: ${yamlMessage(firstError.code, firstError.message)}`, fix: yamlFix(firstError.code) };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { line: 2, message: "the frontmatter is not a list of `key: value` fields", fix: "write one field per line, e.g. `title: \"Two-phase commit\"`" };
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const locate = (path: readonly (string | number)[]) => {
    const node = path.length === 1 ? keyNode(doc, String(path[0])) : (doc.getIn(path, true) as Node | undefined);
    const start = node?.range?.[0];
    return start === undefined ? undefined : lineOf(start);
  };
  return { doc, data, body: lines.slice(close + 1).join("\n"), lineOf, locate };
}

export function isLocated(value: FrontmatterDoc | Located): value is Located {
  return "message" in value;
}

function keyNode(doc: Document, key: string): Node | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}

function yamlMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "a key appears twice";
  if (code === "TAB_AS_INDENT") return "a tab is used for indentation";
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
}

function yamlFix(code: string): string {
  if (code === "DUPLICATE_KEY") return "keep one of the two lines with that key";
  if (code === "TAB_AS_INDENT") return "indent with spaces, never tabs";
  return "check quoting on that line: wrap text containing ': ', '#' or quotes in double quotes";
}
