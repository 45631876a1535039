import type { Problem } from "./problem.ts";
import { checkAuthorMarkup, parseBody, type ParsedBody } from "./author-markup.ts";
import { codeRanges } from "./code-ranges.ts";
import { expressionCode, isInertExpression } from "./mdx-literal.ts";

export interface SafetyOptions {
  /** File line of the body's first line (the line after the closing `---`). */
  firstLine: number;
  /** The file is MDX (`.mdx`), where some HTML syntax does not exist. */
  mdx: boolean;
}

export interface ContentReport {
  /** Errors: the entry is not built until they are fixed. */
  problems: Problem[];
  /** What the build removes from the page (markup GitHub's Markdown drops too); never errors. */
  notes: Problem[];
}

/**
 * Rules on an entry's body that keep the published page, and the build, free of author code.
 * The author's markup, parsed as the build parses it (author-markup.ts): no MDX `import`/`export`,
 * raw HTML and JSX only from GitHub's allow-list (acting elements and attributes are errors, the
 * rest is removed with a note). On the text: `javascript:` (and `vbscript:`) URLs in Markdown
 * links, and in MDX no HTML comments, no `<` that starts no tag and no `{…}` expression that
 * computes. Code is exempt: fenced blocks and inline code spans are blanked out before any text
 * rule looks. Pure: text in, problems and notes (with file lines and columns) out.
 */
export function checkContentSafety(file: string, body: string, options: SafetyOptions): ContentReport {
  const parsed = parseBody(body, options.mdx);
  const text = maskCode(body, options.mdx, parsed);
  const problems: Problem[] = [];
  const starts = lineStarts(text);
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: options.firstLine + lo, column: offset - starts[lo]! + 1 };
  };
  const report = (offset: number, message: string, fix: string) => problems.push({ file, ...at(offset), message, fix });

  // Markdown links `](…)`, reference definitions `[x]: …` and autolinks `<…>`; URLs in HTML attributes are the markup check's.
  const decoded = decodeEntities(text);
  const urlContext = /(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|<)[\s\u0000-\u001f]*((?:java|vb)[\s\u0000-\u001f]*script[\s\u0000-\u001f]*:)/gim;
  for (const m of decoded.text.matchAll(urlContext)) {
    const offset = decoded.original(m.index + m[0].length - m[1]!.length);
    report(offset, `the content links to a ${/^vb/i.test(m[1]!) ? "vbscript" : "javascript"}: URL, which would run code when clicked`, "link to a page (https://… or /day/…) instead; to show code, put it in a ```ts run block or in backticks");
  }

  if (options.mdx) {
    for (const m of text.matchAll(/<!--/g)) {
      report(m.index, "MDX has no HTML comments, so <!-- … --> breaks the build", "use {/* … */} for a comment in an .mdx file");
    }
    const expressions = mdxExpressions(text);
    const inExpression = (offset: number) => expressions.some((e) => offset > e.offset && offset <= e.offset + e.code.length);
    for (const m of text.matchAll(/(?<!\\)<(?=[^\sA-Za-z_$/>!])/g)) {
      if (inExpression(m.index)) continue;
      const shown = text.slice(m.index, m.index + 2);
      report(m.index, `in MDX a \`<\` starts a JSX tag, and \`${shown}\` is not one, so the page cannot compile`, "write \\< or &lt; for a less-than sign, or put it in `backticks`");
    }
    for (const expr of expressions) {
      if (/^(import|export)\s/.test(text.slice(text.lastIndexOf("\n", expr.offset) + 1))) continue; // ESM: the markup check reports it
      if (isInertExpression(expr.code)) continue;
      const code = expressionCode(expr.code);
      if (/^[A-Za-z_$][\w$]*$/.test(code)) {
        report(expr.offset, `the MDX expression {${code}} refers to \`${code}\`, which is not defined in this entry, so rendering the page would fail without naming this file`, `write the text itself, or write \\{${code}} to show the braces`);
      } else {
        report(expr.offset, `the MDX expression {${code.length > 40 ? `${code.slice(0, 40)}…` : code}} runs JavaScript while the page is built, and an error in it fails the build without naming this file`, "write the result as plain text, or put code in a ```ts run block; for a comment use {/* … */}, for a literal brace write \\{");
      }
    }
  }
  const markup = checkAuthorMarkup(file, body, options, parsed);
  problems.push(...markup.problems);
  // A text rule above usually explains why the MDX does not parse, in plainer words.
  const syntax = markup.syntaxError;
  if (syntax && !problems.some((p) => p.line === syntax.line)) problems.push(syntax);
  const byPlace = (a: Problem, b: Problem) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0);
  return { problems: problems.sort(byPlace), notes: markup.notes.sort(byPlace) };
}

/**
 * The body with code and maths replaced by spaces (newlines and offsets kept), where the build's
 * parser finds them: fenced blocks, inline code (also when it wraps onto a second line), `$…$`
 * and `$$…$$`. A body that does not parse (MDX with a syntax error) is masked by its text.
 */
export function maskCode(body: string, mdx = false, parsed?: ParsedBody): string {
  const ranges = codeRanges(body, mdx, parsed);
  if (!ranges) return maskCodeByText(body);
  let out = "";
  let at = 0;
  for (const { start, end } of ranges) {
    out += body.slice(at, start) + blank(body.slice(start, end));
    at = end;
  }
  return out + body.slice(at);
}

const blank = (s: string) => s.replace(/[^\r\n]/g, " ");

/** The textual fallback: fences line by line, then inline code spans within a paragraph (they may wrap, never across a blank line). */
function maskCodeByText(body: string): string {
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (open && !(open[2]![0] === "`" && open[3]!.includes("`"))) {
      const marker = open[2]!;
      const close = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j]!)) j++;
      for (let k = i; k <= Math.min(j, lines.length - 1); k++) lines[k] = blank(lines[k]!);
      i = j;
    }
  }
  return lines.join("\n").replace(/(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)/g, (span) => blank(span));
}

/** Top-level `{…}` expressions in (code-masked) MDX text, skipping `\\{` and braces inside strings. */
function mdxExpressions(text: string): { offset: number; code: string }[] {
  const found: { offset: number; code: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "{" || text[i - 1] === "\\") continue;
    let depth = 0;
    let j = i;
    let quote = "";
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === "\\") j++;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    found.push({ offset: i, code: text.slice(i + 1, j) });
    i = j;
  }
  return found;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Decodes the character references a browser would decode in a URL (`&#106;`, `&#x6A;`, `&colon;`, `&Tab;`…). */
function decodeEntities(text: string): { text: string; original: (offset: number) => number } {
  // Most entries have no character reference at all: the text is its own decoding.
  if (!text.includes("&")) return { text, original: (offset) => Math.min(offset, text.length) };
  const named: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", sol: "/", lpar: "(", rpar: ")" };
  const map: number[] = [];
  let out = "";
  const re = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));?/y;
  for (let i = 0; i < text.length; ) {
    if (text[i] === "&") {
      re.lastIndex = i;
      const m = re.exec(text);
      const code = m ? (m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined) : undefined;
      const char = m ? (code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : named[m[3]?.toLowerCase() ?? ""]) : undefined;
      if (m && char !== undefined) {
        for (let k = 0; k < char.length; k++) map.push(i);
        out += char;
        i += m[0].length;
        continue;
      }
    }
    map.push(i);
    out += text[i];
    i++;
  }
  return { text: out, original: (offset) => map[offset] ?? text.length };
}
