import type { Element } from "hast";
import type { HastPluginEntry } from "satteri";
import { renderMaths } from "./maths-render.ts";

/**
 * Maths as MathML, made at build time (Temml), under the strict CSP: `$…$` (inline), `$$…$$` and
 * ```` ```math ```` blocks (display), as GitHub renders them. TeX that does not parse is shown as
 * its source in code style, as GitHub shows it, instead of stopping the build: a journal imported
 * from elsewhere builds, and `npm run check` notes each one at its file and line. Runs before the
 * code highlighter, which then gives a failed block the code box. The MathML is Daybook's own
 * output, so the author allow-list (which judged what the author wrote) does not apply to it.
 */
export const mathsToMathml: HastPluginEntry = (document) => (mayHoldMaths(document.source) ? MATHS : null);

/** Maths is written with `$` or in a `math` block: an entry with neither is not visited (most entries). */
export function mayHoldMaths(source: string): boolean {
  return source.includes("$") || /math/i.test(source);
}

const MATHS: HastPluginEntry = {
  name: "daybook-maths",
  element: {
    filter: ["pre", "code"],
    visit(node, ctx) {
      if (node.tagName === "code") {
        if (!hasClass(node, "math-inline")) return;
        const tex = ctx.textContent(node);
        try {
          return renderMaths(tex, false).math;
        } catch {
          return { type: "element", tagName: "code", properties: { className: ["math-error"] }, children: [{ type: "text", value: `$${tex}$` }] };
        }
      }
      const code = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!code || !hasClass(code, "language-math")) return;
      const tex = ctx.textContent(code).replace(/\n$/, "");
      try {
        // A wide equation scrolls in its own box instead of widening the page.
        return { type: "element", tagName: "div", properties: { className: ["math-display"] }, children: [renderMaths(tex, true).math] };
      } catch {
        return { type: "element", tagName: "pre", properties: {}, children: [{ type: "element", tagName: "code", properties: { className: ["language-latex"] }, children: [{ type: "text", value: tex }] }] };
      }
    },
  },
};

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}
