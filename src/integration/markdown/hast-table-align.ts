import type { HastPluginEntry } from "satteri";

const ALIGN = /^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$/i;

/**
 * GFM column alignment (`|:-:|`) as a class (`align-center`) instead of the `style` attribute the
 * parser writes, which the strict Content-Security-Policy would block (one violation per cell).
 */
export const tableAlignClasses: HastPluginEntry = {
  name: "daybook-table-align",
  element: {
    filter: ["th", "td"],
    visit(node, ctx) {
      const style = node.properties.style;
      const align = typeof node.properties.align === "string" ? node.properties.align : typeof style === "string" ? ALIGN.exec(style)?.[1] : undefined;
      if (!align) return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      ctx.setProperty(node, "className", [...classes, `align-${align.toLowerCase()}`]);
      ctx.setProperty(node, "style", null);
      ctx.setProperty(node, "align", null);
    },
  },
};
