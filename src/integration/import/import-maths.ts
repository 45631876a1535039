import { applyEdits, parseMarkdown, range, walk, type Edit, type Node } from "./import-mdast.ts";

const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

/**
 * kramdown's maths as GitHub writes it: kramdown has one delimiter, `$$`, inline inside text
 * and display when it is a paragraph of its own; GitHub (and Daybook) read `$…$` inline and
 * `$$…$$` as a display block. A lone `$` is a dollar sign to kramdown but would open maths on
 * GitHub, so it is escaped. Code spans inside the text are left alone.
 */
export function convertKramdownMaths(source: string): string {
  const tree = parseMarkdown(source);
  const edits: Edit[] = [];
  for (const node of walk(tree)) {
    if (!BLOCKS.has(node.type) || !node.position) continue;
    const { start, end } = range(node);
    const inner = contentRange(node, start, end);
    const text = source.slice(inner.start, inner.end);
    if (!text.includes("$")) continue;
    const code = codeRanges(node).map((r) => ({ start: r.start - inner.start, end: r.end - inner.start }));
    const display = node.type === "paragraph" && code.length === 0 ? /^\$\$([\s\S]+?)\$\$$/.exec(text.trim()) : null;
    if (display && !display[1]!.includes("$$")) {
      edits.push({ start: inner.start, end: inner.end, text: `$$\n${display[1]!.trim()}\n$$` });
      continue;
    }
    const converted = replaceOutside(text, code, (part) =>
      part.replace(/(?<!\\)\$\$([\s\S]+?)(?<!\\)\$\$|(?<!\\)\$/g, (_whole, maths: string | undefined) => (maths === undefined ? "\\$" : `$${maths.trim()}$`)),
    );
    if (converted !== text) edits.push({ start: inner.start, end: inner.end, text: converted });
  }
  return applyEdits(source, edits);
}

/** A heading's range without its `#` marks: only the text is maths-bearing. */
function contentRange(node: Node, start: number, end: number): { start: number; end: number } {
  if (node.type !== "heading") return { start, end };
  const first = node.children?.[0]?.position?.start.offset;
  const last = node.children?.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? { start: end, end } : { start: first, end: last };
}

function codeRanges(node: Node): { start: number; end: number }[] {
  return [...walk(node)].filter((n) => (n.type === "inlineCode" || n.type === "html") && n.position).map(range);
}

function replaceOutside(text: string, skip: readonly { start: number; end: number }[], convert: (part: string) => string): string {
  let out = "";
  let at = 0;
  for (const r of [...skip].sort((a, b) => a.start - b.start)) {
    out += convert(text.slice(at, r.start)) + text.slice(r.start, r.end);
    at = r.end;
  }
  return out + convert(text.slice(at));
}
