import type { MdastNode } from "satteri";
import type { Finding } from "./html-allow-list.ts";
import { isRunnable } from "../snippets/snippet-extract.ts";

/** Nodes whose children the snippet check does not see as blocks of their own (it reads fences line by line). */
const CONTAINERS = new Set(["list", "listItem", "blockquote"]);

/** Whether `node` holds what its children sit in that hides a fence from the snippet check. */
export function hidesFences(node: MdastNode): boolean {
  return CONTAINERS.has(node.type);
}

/**
 * A ```` ```ts run ```` block the Markdown parser sees but the snippet check cannot run as the page
 * shows it: one inside a list or a quote, or an indented fence (the check would run its code
 * with the indent, and the page would find no run for it). The page would say "This snippet has
 * not been run yet." while the build passed, so it is an error.
 */
export function nestedSnippet(node: MdastNode, hidden: boolean): Finding[] {
  if (node.type !== "code" || !isRunnable(`${node.lang ?? ""} ${node.meta ?? ""}`)) return [];
  if (!hidden && node.position?.start.column === 1) return [];
  return [
    {
      severity: "error",
      message: `this \`\`\`${node.lang} run block is ${hidden ? "inside a list or a quote" : "indented"}, where Daybook does not run it, so its page would say it has not been run`,
      fix: "move the block out to the entry's top level, with its fences at the start of the line, or drop `run` to only show the code",
    },
  ];
}
