import { defineMdastPlugin } from "satteri";
import { isProseDollars } from "./maths-dollars.ts";

/**
 * Gives back "costs $5 and $10" as text: the parser reads any `$…$` pair as maths, GitHub only
 * one with no space inside its dollar signs (see maths-dollars.ts).
 */
export const proseDollars = defineMdastPlugin({
  name: "daybook-prose-dollars",
  options: { position: true },
  inlineMath(node, ctx) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = ctx.source.slice(start, end);
    if (isProseDollars(source)) ctx.replaceNode(node, { type: "text", value: source });
  },
});
