import type { MdastNode } from "satteri";
import { isKnownLanguage } from "../snippets/known-languages.ts";
import { isProseDollars } from "../markdown/maths-dollars.ts";
import { mathsErrorMessage, renderMaths } from "../markdown/maths-render.ts";
import type { Finding } from "./html-allow-list.ts";

/**
 * What the build shows differently from what the author may expect, never a reason to stop
 * (a journal imported from GitHub builds as it rendered there): a fence language the
 * highlighter does not know (shown as plain code), TeX that does not parse (shown as its source)
 * and maths layout the page's CSP cannot carry. `source` is the node's own source text.
 */
export function renderingNotes(node: MdastNode, source: string): Finding[] {
  const mathsFence = node.type === "code" && node.lang?.toLowerCase() === "math";
  if (node.type === "code" && !mathsFence) {
    const lang = node.lang ?? "";
    if (isKnownLanguage(lang)) return [];
    return [note(`the code block's language "${lang}" is not one the highlighter knows, so it is shown as plain code`, "nothing to do if that is fine (GitHub shows it plain too); for colours, use a name Shiki knows (e.g. sql for postgresql), or text to say it is plain")];
  }
  if (!mathsFence && node.type !== "math" && node.type !== "inlineMath") return [];
  if (node.type === "inlineMath" && isProseDollars(source)) return [];
  try {
    const { dropped } = renderMaths((node as { value: string }).value, node.type !== "inlineMath");
    if (!dropped.length) return [];
    return [note(`the maths uses layout the page's Content-Security-Policy cannot carry (${[...new Set(dropped)].join("; ")}), so it is shown without it`, "nothing to do if it reads well; otherwise leave out \\raisebox or a changed \\arraystretch there")];
  } catch (error) {
    return [note(`the maths does not parse (${mathsErrorMessage(error)}), so the page shows its TeX source instead`, "fix the TeX there; if the dollar signs are prose, write \\$ for each")];
  }
}

function note(message: string, fix: string): Finding {
  return { severity: "note", message, fix };
}
