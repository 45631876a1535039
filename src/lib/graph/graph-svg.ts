/**
 * Static SVG markup for the tag graph. Every tag is a link (`<a href>` with an accessible
 * name such as "Two-phase commit, 4 entries") holding a circle and a text label; edges are
 * lines beneath the nodes, dashed when "related". No inline styles: the classes are styled
 * by `graphCss()`. Data attributes for the explorer's script (the full graph on /graph/ only:
 * the local graphs on entry and tag pages have no script, so they carry none): on node links
 * `data-id`, `data-community` and `data-neighbours` (space-separated ids of the tags joined by a
 * drawn edge); on edges `data-source` and `data-target`.
 */
import { escapeXml } from "../escape-xml.ts";
import { countOf } from "../plural.ts";
import { layoutLocalInput, localGraphInput, type LocalGraphInput } from "./graph-local-layout.ts";
import type { GraphLayout, LayoutEdge, LayoutNode } from "./graph-layout.ts";
import type { GraphModel } from "./graph-types.ts";
import { communityClass } from "./graph-palette.ts";
import { LABEL_FONT_SIZE } from "./graph-text-width.ts";

/** How to render a graph. */
export interface GraphSvgOptions {
  /** The URL of a tag's page, e.g. `(id) => withBase(tagPath(id))`. */
  hrefFor(id: string): string;
  /** Prefix of the ids of `<title>` and `<desc>` (unique per page; default "tag-graph"). */
  idPrefix?: string;
  /** Accessible name of the whole graph (default: "Tag graph: N tags in M clusters"). */
  title?: string;
  /** Longer description (default: explains links, lines and dashes). */
  description?: string;
}

/** "Two-phase commit, 4 entries": the accessible name of a node link. */
export function nodeLabel(title: string, weight: number): string {
  return `${title}, ${countOf(weight, "entry", "entries")}`;
}

function edgeClass(edge: LayoutEdge): string {
  const width = edge.weight >= 6 ? " w3" : edge.weight >= 3 ? " w2" : "";
  return `edge${edge.related ? " related" : ""}${width}`;
}

function renderNode(node: LayoutNode, options: GraphSvgOptions, explorer: boolean): string {
  const classes = `node ${communityClass(node.community)}${node.focus ? " focus" : ""}${node.label.minor ? " minor" : ""}`;
  const anchor = node.label.anchor === "start" ? "" : ` text-anchor="${node.label.anchor}"`;
  const data = explorer ? ` data-id="${escapeXml(node.id)}" data-community="${node.community}" data-neighbours="${escapeXml(node.neighbours.join(" "))}"` : "";
  return (
    `<a href="${escapeXml(options.hrefFor(node.id))}" class="${classes}" aria-label="${escapeXml(nodeLabel(node.title, node.weight))}"${data}>` +
    `<circle cx="${node.x}" cy="${node.y}" r="${node.r}"/>` +
    `<text x="${node.label.x}" y="${node.label.y}"${anchor}>${escapeXml(node.title)}</text></a>`
  );
}

function countClusters(layout: GraphLayout): number {
  return new Set(layout.nodes.map((n) => n.community)).size;
}

/** The complete `<svg>` element for a laid-out graph (full or local). */
export function renderGraphSvg(layout: GraphLayout, options: GraphSvgOptions): string {
  const prefix = options.idPrefix ?? "tag-graph";
  const tags = layout.nodes.length;
  const clusters = countClusters(layout);
  const title =
    options.title ??
    (tags === 0
      ? "Tag graph: no tags yet"
      : `Tag graph: ${tags} ${tags === 1 ? "tag" : "tags"} in ${clusters} ${clusters === 1 ? "cluster" : "clusters"}`);
  const description =
    options.description ??
    "Each circle links to a tag's page; larger circles are used by more entries. Solid lines join tags used on the same entry, dashed lines join related tags, and colours mark clusters.";
  const position = new Map(layout.nodes.map((n) => [n.id, n]));
  const explorer = layout.kind !== "local";
  const edges = layout.edges.map((edge) => {
    const a = position.get(edge.source)!;
    const b = position.get(edge.target)!;
    const data = explorer ? ` data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}"` : "";
    return `<line class="${edgeClass(edge)}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"${data}/>`;
  });
  const kind = layout.kind === "local" ? "tag-graph tag-graph-local" : "tag-graph";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${kind}" viewBox="0 0 ${layout.width} ${layout.height}"` +
    ` width="${layout.width}" height="${layout.height}" font-size="${LABEL_FONT_SIZE}"` +
    // A labelled group of links: its tags are the content, so it is not role="img".
    ` role="group" aria-labelledby="${escapeXml(prefix)}-title" aria-describedby="${escapeXml(prefix)}-desc">` +
    `<title id="${escapeXml(prefix)}-title">${escapeXml(title)}</title>` +
    `<desc id="${escapeXml(prefix)}-desc">${escapeXml(description)}</desc>\n` +
    `<g class="edges">\n${edges.join("\n")}${edges.length ? "\n" : ""}</g>\n` +
    `<g class="nodes">\n${layout.nodes.map((n) => renderNode(n, options, explorer)).join("\n")}${tags ? "\n" : ""}</g>\n</svg>`
  );
}

/**
 * The local graph around `tagIds`: at most `limit` tags (default 12), laid out with the focus
 * tags in the centre. Same conventions as the full graph.
 */
export function renderLocalGraphSvg(
  model: GraphModel,
  tagIds: readonly string[],
  options: GraphSvgOptions & { limit?: number },
): string {
  return renderLocalInputSvg(localGraphInput(model, tagIds, options.limit === undefined ? {} : { limit: options.limit }), options);
}

/** The same from a `localGraphInput()`, which a page carries in its props. */
export function renderLocalInputSvg(input: LocalGraphInput, options: GraphSvgOptions): string {
  const layout = layoutLocalInput(input);
  const names = layout.nodes.filter((n) => n.focus).map((n) => n.title);
  return renderGraphSvg(layout, {
    ...options,
    idPrefix: options.idPrefix ?? "local-graph",
    title: options.title ?? (names.length ? `Tags linked to ${names.join(", ")}` : "Linked tags: none"),
  });
}
