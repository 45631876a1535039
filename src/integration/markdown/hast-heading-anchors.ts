import GithubSlugger from "github-slugger";
import type { HastPluginEntry } from "satteri";

/**
 * Gives every h2–h4 an id (the same slugs Astro would pick) and a self-link, so each
 * section can be linked to without JavaScript. The link has no text of its own (the
 * "#" is drawn by CSS), which keeps heading text, and so the table of contents, clean.
 */
export const headingAnchors: HastPluginEntry = () => {
  const slugger = new GithubSlugger();
  return {
    name: "daybook-heading-anchors",
    element: {
      filter: ["h2", "h3", "h4"],
      visit(node, ctx) {
        // The footnotes' heading is visually hidden (as on GitHub): a self-link there would be an invisible tab stop.
        const classes = node.properties?.className;
        if (Array.isArray(classes) && classes.includes("sr-only")) return;
        const text = ctx.textContent(node);
        const existing = node.properties?.id;
        const id = typeof existing === "string" ? existing : slugger.slug(text);
        if (typeof existing !== "string") ctx.setProperty(node, "id", id);
        ctx.appendChild(node, {
          type: "element",
          tagName: "a",
          properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: `Link to the section “${text}”` },
          children: [],
        });
      },
    },
  };
};
