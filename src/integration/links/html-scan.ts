import { htmlAttributes } from "./html-attributes.ts";

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

/** What the link checker needs from a built page: its links, its anchors and its `<base href>`. */
export function scanHtml(html: string): HtmlScan {
  const scan: HtmlScan = { links: [], anchors: new Set() };
  for (const { tag, name, value, offset } of htmlAttributes(html)) {
    if (name === "id" || (name === "name" && tag === "a")) {
      if (value !== "") scan.anchors.add(value);
    } else if (name === "href" && tag === "base") {
      scan.baseHref ??= value;
    } else if (name === "href" || name === "src") {
      scan.links.push({ tag, attribute: name, value, offset });
    }
  }
  return scan;
}
