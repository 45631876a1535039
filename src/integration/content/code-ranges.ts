import type { MdastNode } from "satteri";
import { parseBody, type ParsedBody } from "./author-markup.ts";

/**
 * Where the body's code and maths are, as the build's parser reads them: fenced and indented
 * blocks, inline code (which may wrap onto the next line), `$…$` and `$$…$$`. `undefined` when
 * the body does not parse (MDX with a syntax error), so the caller falls back to a textual mask.
 */
export function codeRanges(body: string, mdx: boolean, parsed: ParsedBody = parseBody(body, mdx)): { start: number; end: number }[] | undefined {
  if ("error" in parsed) return undefined;
  const { tree } = parsed;
  const ranges: { start: number; end: number }[] = [];
  const visit = (node: MdastNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && ["code", "inlineCode", "math", "inlineMath"].includes(node.type)) {
      // Prose dollars ("$5 and $10") too: the parser read them as maths, so nothing in them is MDX.
      ranges.push({ start, end });
      return;
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return ranges;
}
