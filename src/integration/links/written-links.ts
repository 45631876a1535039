import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import { jsxAttributeSpans } from "../content/jsx-attribute-spans.ts";
import { htmlAttributes } from "./html-attributes.ts";

/** A link destination as the author wrote it in an entry or tag file. */
export interface WrittenLink {
  /** As the parser reads it: `<…>`, backslash escapes and character references resolved. */
  url: string;
  /** 1-based, in the file (frontmatter included). */
  line: number;
  column: number;
}

/**
 * Every link destination in a Markdown or MDX file, read with the parser the build uses: links
 * and reference definitions, and the `href` of `<a>` in raw HTML (`.md`) or JSX (`.mdx`).
 * Images are not links here (they are checked with the images). A file that does not parse
 * has none: the journal check reports its syntax.
 */
export function writtenLinks(text: string, mdx: boolean): WrittenLink[] {
  let tree: MdastNode;
  try {
    tree = mdx ? mdxToMdast(text) : markdownToMdast(text);
  } catch {
    return [];
  }
  const source = new SourceText(text);
  const links: WrittenLink[] = [];
  const visit = (node: MdastNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if (node.type === "link" || node.type === "definition") {
        links.push({ url: node.url, ...source.at(urlOffset(text.slice(start, end), node.url, node.type) + start) });
      } else if (node.type === "html") {
        for (const a of htmlAttributes(node.value)) if (a.name === "href") links.push({ url: a.value, ...source.inNode(node.value, a.offset, start) });
      } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        const spans = jsxAttributeSpans(text, start);
        node.attributes.forEach((a, i) => {
          if (a.type === "mdxJsxAttribute" && a.name === "href" && typeof a.value === "string") links.push({ url: a.value, ...source.at(spans[i]?.value ?? start) });
        });
      }
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return links;
}

/** Where the destination starts in a link's or definition's text: after `](` or `]:`, else the node's start. */
function urlOffset(written: string, url: string, type: "link" | "definition"): number {
  const opener = type === "link" ? written.lastIndexOf("](") : written.indexOf("]:");
  if (opener === -1) return 0; // an autolink, or a reference whose destination lives in its definition
  const from = opener + 2;
  const at = written.indexOf(url, from);
  return at !== -1 ? at : from + (/^\s*<?/.exec(written.slice(from))?.[0].length ?? 0);
}

/** Offsets in a file turned into 1-based lines and columns. */
class SourceText {
  readonly #lines: string[];
  readonly #starts: number[] = [0];

  constructor(text: string) {
    this.#lines = text.split("\n");
    for (const line of this.#lines) this.#starts.push(this.#starts.at(-1)! + line.length + 1);
  }

  at(offset: number): { line: number; column: number } {
    let line = 0;
    while (this.#starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - this.#starts[line]! + 1 };
  }

  /**
   * An offset in an HTML node's value, whose text lost what precedes it on each later line
   * (a `> ` or a list indent): found again on the file's line.
   */
  inNode(value: string, offset: number, nodeStart: number): { line: number; column: number } {
    const before = value.slice(0, offset).split("\n");
    const k = before.length - 1;
    const first = this.at(nodeStart);
    if (k === 0) return { line: first.line, column: first.column + offset };
    const fileLine = this.#lines[first.line - 1 + k] ?? "";
    const valueLine = value.split("\n")[k]!;
    const lineStart = fileLine.endsWith(valueLine) ? fileLine.length - valueLine.length : Math.max(0, fileLine.indexOf(valueLine));
    return { line: first.line + k, column: lineStart + before[k]!.length + 1 };
  }
}
