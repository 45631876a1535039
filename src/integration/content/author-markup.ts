import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import type { Problem } from "./problem.ts";
import type { Finding } from "./html-allow-list.ts";
import { reviewHtml } from "./html-review.ts";
import { reviewJsx, type JsxElement } from "./jsx-review.ts";
import { jsxAttributeSpans } from "./jsx-attribute-spans.ts";
import { esmProblems } from "./mdx-esm.ts";
import { renderingNotes } from "./rendering-notes.ts";
import { hidesFences, nestedSnippet } from "./nested-snippet.ts";

/** The parser features the build's processor turns on (astro.config.mjs), so both read the same tree. */
export const MARKDOWN_FEATURES = { gfm: true, math: true } as const;

export interface MarkupOptions {
  /** File line of the body's first line. */
  firstLine: number;
  mdx: boolean;
}

export interface MarkupReport {
  problems: Problem[];
  /** What the build removes from the page, as GitHub's Markdown would; never a reason to stop. */
  notes: Problem[];
  /** The MDX parser's own error when the body does not parse (then nothing else was checked). */
  syntaxError?: Problem;
}

/** An entry's body as the build's parser reads it, or the parser's error (MDX that does not compile). */
export type ParsedBody = { tree: MdastNode } | { error: unknown };

/**
 * The body parsed once for every rule that reads its tree (this file's and code-ranges.ts's): on a
 * long journal, parsing each body twice was about a tenth of validating it.
 */
export function parseBody(body: string, mdx: boolean): ParsedBody {
  try {
    return { tree: mdx ? mdxToMdast(body, { features: MARKDOWN_FEATURES }) : markdownToMdast(body, { features: MARKDOWN_FEATURES }) };
  } catch (error) {
    return { error };
  }
}

/**
 * Parses an entry's body with the parser Astro's pipeline uses (satteri), so what counts as MDX
 * ESM, JSX or raw HTML here is exactly what the build would compile, and judges the author's
 * markup with file lines: `import`/`export`, raw HTML tags (`.md`) and JSX elements (`.mdx`).
 */
export function checkAuthorMarkup(file: string, body: string, options: MarkupOptions, parsed: ParsedBody = parseBody(body, options.mdx)): MarkupReport {
  if ("error" in parsed) return { problems: [], notes: [], syntaxError: syntaxProblem(file, parsed.error, options.firstLine) };
  const { tree } = parsed;
  const lines = body.split("\n");
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1);
  const report: MarkupReport = { problems: [], notes: [] };
  const add = (f: Finding, at: { line: number; column: number }) =>
    (f.severity === "error" ? report.problems : report.notes).push({ file, line: options.firstLine + at.line - 1, column: at.column, message: f.message, fix: f.fix });
  const atOffset = (offset: number) => {
    let line = 0;
    while (starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };

  // `hidden`: inside a list or a quote, where the snippet check sees no fence (nested-snippet.ts).
  const visit = (node: MdastNode, hidden: boolean) => {
    const start = node.position?.start;
    if (node.type === "mdxjsEsm" && start) {
      report.problems.push(...esmProblems(file, node.value, options.firstLine + start.line - 1));
    } else if (node.type === "html" && start) {
      const valueLines = node.value.split("\n");
      for (const f of reviewHtml(node.value).findings) {
        const before = node.value.slice(0, f.offset).split("\n");
        const k = before.length - 1;
        add(f, { line: start.line + k, column: (k === 0 ? start.column - 1 : lineStart(lines[start.line - 1 + k]!, valueLines[k]!)) + before[k]!.length + 1 });
      }
    } else if ((node.type === "code" || node.type === "math" || node.type === "inlineMath") && start?.offset !== undefined) {
      const source = body.slice(start.offset, node.position!.end.offset);
      for (const f of [...nestedSnippet(node, hidden), ...renderingNotes(node, source)]) add(f, { line: start.line, column: start.column });
    } else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && start?.offset !== undefined) {
      const element = node as JsxElement;
      const spans = jsxAttributeSpans(body, start.offset);
      const located = spans.length === element.attributes.length;
      for (const f of reviewJsx(element).findings) {
        const span = f.attribute !== undefined && located ? spans[f.attribute]! : undefined;
        add(f, atOffset(span ? (f.atValue ? span.value : span.name) : start.offset));
      }
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child, hidden || hidesFences(node));
  };
  visit(tree, false);
  return report;
}

/**
 * Where a later line of an HTML node starts in its source line. The node's text lost what comes
 * before it there (a `> ` or list indent, a paragraph's leading spaces): an HTML block's line
 * runs to the end of the source line, an inline tag's line starts after that prefix.
 */
function lineStart(source: string, piece: string): number {
  return source.endsWith(piece) ? source.length - piece.length : Math.max(0, source.indexOf(piece));
}

/** The MDX parser's message (`3:1: Expected a closing tag for <div> (3:1) (mdx-jsx:…)`) at file lines. */
function syntaxProblem(file: string, error: unknown, firstLine: number): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(text);
  const toFile = (message: string) => message.replace(/\((\d+):(\d+)\)/g, (_, l: string, c: string) => `(${Number(l) + firstLine - 1}:${c})`);
  return {
    file,
    line: m ? Number(m[1]) + firstLine - 1 : firstLine,
    column: m ? Number(m[2]) : undefined,
    message: `the MDX cannot be compiled: ${toFile(m ? m[3]! : text)}`,
    fix: "fix the syntax there: close every tag you open, write \\< for a less-than sign and \\{ for a brace, or put code in `backticks`",
  };
}
