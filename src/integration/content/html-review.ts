import { judgeElement, type Finding } from "./html-allow-list.ts";
import { scanHtml, type HtmlTag } from "./html-tags.ts";

export interface LocatedFinding extends Finding {
  /** Offset in the reviewed HTML. */
  offset: number;
}

export interface HtmlReview {
  findings: LocatedFinding[];
  /** The HTML as the page gets it: tags and attributes GitHub's Markdown drops are gone. */
  html: string;
}

/**
 * Judges one piece of an entry's raw HTML (a Markdown `html` node) tag by tag, and rewrites it
 * without what GitHub's Markdown would drop. Used by the validation pass (for file:line) and by
 * the Markdown pipeline (for the page), so both agree on every tag.
 */
export function reviewHtml(html: string): HtmlReview {
  const scan = scanHtml(html);
  const findings: LocatedFinding[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const tag of scan.tags) {
    if (tag.closing) {
      if (!judgeElement({ name: tag.name, attributes: [], jsx: false }).some((f) => f.edit === "drop")) continue;
      edits.push({ start: tag.start, end: tag.end, text: "" });
      continue;
    }
    const found = judgeElement({ name: tag.name, attributes: tag.attributes, jsx: false });
    for (const f of found) {
      const attribute = f.attribute === undefined ? undefined : tag.attributes[f.attribute]!;
      findings.push({ ...f, offset: attribute ? (f.atValue ? attribute.valueStart : attribute.start) : tag.start });
    }
    const text = rewriteTag(html, tag, found);
    if (text !== undefined) edits.push({ start: tag.start, end: tag.end, text });
  }
  if (scan.unclosed !== undefined) {
    findings.push({
      severity: "error",
      offset: scan.unclosed,
      message: "this HTML tag or comment is not closed before the HTML block ends, so the page's own markup after it would become part of it",
      fix: "close it (`>` for a tag, `-->` for a comment) before the next blank line, or write \\< to show a less-than sign",
    });
  }
  let out = html;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { findings, html: out };
}

/** The tag with the judged edits applied; `undefined` when it stays as written. */
function rewriteTag(html: string, tag: HtmlTag, findings: readonly Finding[]): string | undefined {
  if (findings.some((f) => f.attribute === undefined && f.edit === "drop")) return "";
  const edited = findings.filter((f) => f.attribute !== undefined && f.edit !== undefined);
  if (edited.length === 0) return undefined;
  const attributes = tag.attributes.flatMap((attribute, i) => {
    const edit = edited.find((f) => f.attribute === i)?.edit;
    if (edit === "drop") return [];
    if (edit) return [`${html.slice(attribute.start, attribute.valueStart).replace(/["']$/, "")}"${escapeAttribute(edit.value)}"`];
    return [html.slice(attribute.start, attribute.end)];
  });
  return `<${[tag.name, ...attributes].join(" ")}${tag.selfClosing ? " /" : ""}>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}
