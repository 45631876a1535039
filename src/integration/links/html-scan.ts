import { decodeEntities } from "./html-entities.ts";

/** One URL-valued attribute (`href` or `src`) found in a page. */
export interface HtmlLink {
  tag: string;
  attribute: "href" | "src";
  /** The value with character references decoded, as the browser reads it. */
  value: string;
  /** Offset of the value in the HTML, for a line and column. */
  offset: number;
}

export interface HtmlScan {
  links: HtmlLink[];
  /** Every `id`, and every `name` of an `a` element: what a `#fragment` can point at. */
  anchors: Set<string>;
  /** The `href` of a `<base>` element, if the page has one. */
  baseHref?: string;
}

/** Elements whose content is text, not markup: a `<a href>` inside a script is not a link. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noembed", "noframes"]);
const ATTRIBUTE = /[\s/]*(?:([^\s/>="'<][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?)?/y;

/**
 * A small tokenizer over built HTML: start tags and their attributes, skipping comments,
 * doctypes, end tags and the text of raw-text elements. Enough for Astro's output and for
 * hand-written HTML in entries; it does not build a tree.
 */
export function scanHtml(html: string): HtmlScan {
  const scan: HtmlScan = { links: [], anchors: new Set() };
  let i = html.indexOf("<");
  while (i !== -1 && i < html.length) {
    if (html.startsWith("<!--", i)) {
      i = skipPast(html, "-->", i + 4);
    } else if (html[i + 1] === "!" || html[i + 1] === "?" || html[i + 1] === "/") {
      i = skipPast(html, ">", i + 2);
    } else if (/[A-Za-z]/.test(html[i + 1] ?? "")) {
      i = startTag(html, i, scan);
    } else {
      i++;
    }
    i = html.indexOf("<", i);
  }
  return scan;
}

/** Reads one start tag at `start`; returns where scanning resumes. */
function startTag(html: string, start: number, scan: HtmlScan): number {
  const name = /^[^\s/>]+/.exec(html.slice(start + 1, start + 64))![0].toLowerCase();
  let i = start + 1 + name.length;
  while (i < html.length && html[i] !== ">") {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(html)!;
    if (m[0].length === 0) {
      i++; // a stray character such as a quote; step over it
      continue;
    }
    i += m[0].length;
    if (m[1] === undefined) continue;
    const raw = m[2] ?? m[3] ?? m[4];
    if (raw === undefined) continue;
    const valueOffset = i - raw.length - (m[4] === undefined ? 1 : 0);
    attribute(scan, name, m[1].toLowerCase(), decodeEntities(raw), valueOffset);
  }
  const end = i + 1;
  if (!RAW_TEXT.has(name)) return end;
  const close = new RegExp(`</${name}[\\s/>]`, "ig");
  close.lastIndex = end;
  return close.exec(html)?.index ?? html.length;
}

function attribute(scan: HtmlScan, tag: string, name: string, value: string, offset: number): void {
  if (name === "id" || (name === "name" && tag === "a")) {
    if (value !== "") scan.anchors.add(value);
  } else if (name === "href" && tag === "base") {
    scan.baseHref ??= value;
  } else if (name === "href" || name === "src") {
    scan.links.push({ tag, attribute: name, value, offset });
  }
}

function skipPast(html: string, marker: string, from: number): number {
  const at = html.indexOf(marker, from);
  return at === -1 ? html.length : at + marker.length;
}
