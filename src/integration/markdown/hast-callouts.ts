import type { Element, ElementContent } from "hast";
import type { HastPluginEntry } from "satteri";

/** GitHub's alert kinds and the titles it shows for them. */
const KINDS: Record<string, string> = { note: "Note", tip: "Tip", important: "Important", warning: "Warning", caution: "Caution" };
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

/**
 * GitHub's alerts: a blockquote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes a callout with a visible title, a `role="note"` box
 * (not an `<aside>`: a landmark per callout inside the article would crowd the landmark list).
 * As on GitHub, the marker must stand alone on the first line and the callout must have content.
 */
export const githubCallouts: HastPluginEntry = {
  name: "daybook-callouts",
  element: {
    filter: ["blockquote"],
    visit(node) {
      const index = node.children.findIndex((child) => child.type === "element" || (child.type === "text" && child.value.trim() !== ""));
      const first = node.children[index];
      if (!first || first.type !== "element" || first.tagName !== "p") return;
      const lead = first.children[0];
      const match = lead?.type === "text" ? MARKER.exec(lead.value) : null;
      if (!lead || lead.type !== "text" || !match) return;
      const rest = lead.value.slice(match[0].length);
      const paragraph: Element = { ...first, children: [...(rest ? [{ ...lead, value: rest }] : []), ...first.children.slice(1)] };
      const keepParagraph = paragraph.children.some((child) => child.type !== "text" || child.value.trim() !== "");
      const body: ElementContent[] = [...(keepParagraph ? [paragraph] : []), ...node.children.slice(index + 1)];
      if (!body.some((child) => child.type !== "text" || child.value.trim() !== "")) return;
      const kind = match[1]!.toLowerCase();
      const title: Element = { type: "element", tagName: "p", properties: { className: ["callout-title"] }, children: [{ type: "text", value: KINDS[kind]! }] };
      return { type: "element", tagName: "div", properties: { className: ["callout", `callout-${kind}`], role: "note" }, children: [title, { type: "text", value: "\n" }, ...body] };
    },
  },
};
