import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import { scanHtml } from "../content/html-tags.ts";

export interface ImageReference {
  /** The path or URL as written (HTML character references decoded). */
  src: string;
  /** The alt text; `null` when an `<img>` has no alt attribute at all (`![](x)` and `alt=""` give ""). */
  alt: string | null;
  /** How the author wrote it. */
  syntax: "markdown" | "html" | "jsx";
  /** 1-based, in the body. */
  line: number;
  column?: number | undefined;
}

/**
 * Every image an entry's body shows, parsed with the parser the build uses (satteri): Markdown
 * images, reference images with their definitions, `<img>` in raw HTML (`.md`) and `<img />`
 * JSX (`.mdx`). A Markdown image always has an alt (maybe empty); only a tag can lack one.
 * A JSX `src` written as code has no `src` here: the content rules refuse that code already.
 */
export function findImages(body: string, mdx: boolean): ImageReference[] {
  if (!/!\[|<img/i.test(body)) return []; // most entries have no image: skip the parse
  let tree: MdastNode;
  try {
    tree = mdx ? mdxToMdast(body) : markdownToMdast(body);
  } catch {
    return []; // the content rules report the syntax error
  }
  const definitions = new Map<string, string>();
  const collect = (node: MdastNode) => {
    if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if ("children" in node) for (const child of node.children as MdastNode[]) collect(child);
  };
  collect(tree);

  const found: ImageReference[] = [];
  const visit = (node: MdastNode) => {
    const start = node.position?.start;
    if (node.type === "image" && start) {
      found.push({ src: node.url, alt: node.alt ?? "", syntax: "markdown", line: start.line, column: start.column });
    } else if (node.type === "imageReference" && start) {
      const url = definitions.get(node.identifier);
      if (url !== undefined) found.push({ src: url, alt: node.alt ?? "", syntax: "markdown", line: start.line, column: start.column });
    } else if (node.type === "html" && start) {
      for (const tag of htmlImages(node.value)) {
        const before = node.value.slice(0, tag.offset).split("\n");
        const k = before.length - 1;
        found.push({ src: tag.src, alt: tag.alt, syntax: "html", line: start.line + k, column: k === 0 ? start.column + tag.offset : undefined });
      }
    } else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === "img" && start) {
      const attribute = (name: string) => node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
      const src = attribute("src")?.value;
      const alt = attribute("alt");
      if (typeof src === "string") {
        found.push({ src, alt: alt === undefined ? null : typeof alt.value === "string" ? alt.value : alt.value === null ? "" : "(code)", syntax: "jsx", line: start.line, column: start.column });
      }
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return found;
}

/** The `<img>` start tags in a piece of raw HTML, with their `src` and `alt`. */
export function htmlImages(html: string): { offset: number; end: number; src: string; alt: string | null; attributes: { name: string; value: string | null }[] }[] {
  return scanHtml(html)
    .tags.filter((tag) => !tag.closing && tag.name.toLowerCase() === "img")
    .flatMap((tag) => {
      const value = (name: string) => tag.attributes.find((a) => a.name.toLowerCase() === name);
      const src = value("src")?.value;
      if (src === undefined || src === null) return [];
      const alt = value("alt");
      return [{ offset: tag.start, end: tag.end, src, alt: alt === undefined ? null : (alt.value ?? ""), attributes: tag.attributes.map((a) => ({ name: a.name.toLowerCase(), value: a.value })) }];
    });
}
