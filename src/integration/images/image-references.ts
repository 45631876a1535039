import { markdownToMdast, mdxToMdast, type MdastNode, type MdxJsxAttributeUnion } from "satteri";
import { scanHtml } from "../content/html-tags.ts";

export interface ImageReference {
  /** The path or URL as written (HTML character references decoded). */
  src: string;
  /** The alt text; `null` when an `<img>` has no alt attribute at all (`![](x)` and `alt=""` give ""). */
  alt: string | null;
  /** How the author wrote it. */
  syntax: "markdown" | "html" | "jsx";
  /** An image (the default); a `<picture>`'s `<source srcset>` candidate; an `<img />` whose src is code (`src` is then ""). */
  role?: "source" | "code" | undefined;
  /** 1-based, in the body. */
  line: number;
  column?: number | undefined;
}

/**
 * Every image an entry's body shows, parsed with the parser the build uses (satteri): Markdown
 * images, reference images with their definitions, `<img>` in raw HTML (`.md`) and `<img />`
 * JSX (`.mdx`). A Markdown image always has an alt (maybe empty); only a tag can lack one.
 * A `<source srcset>` in a `<picture>` counts too (it is shown instead of the `<img>`).
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
      const at = (offset: number) => {
        const k = node.value.slice(0, offset).split("\n").length - 1;
        return { line: start.line + k, column: k === 0 ? start.column + offset : undefined };
      };
      for (const tag of htmlImages(node.value)) found.push({ src: tag.src, alt: tag.alt, syntax: "html", ...at(tag.offset) });
      for (const tag of htmlSources(node.value)) for (const src of tag.candidates) found.push({ src, alt: "", syntax: "html", role: "source", ...at(tag.offset) });
    } else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && (node.name === "img" || node.name === "source") && start) {
      const attributes = jsxAttributes(node.attributes);
      const where = { syntax: "jsx" as const, line: start.line, column: start.column };
      if (node.name === "source") {
        const srcset = attributes.get("srcset");
        if (typeof srcset === "string") for (const src of srcsetUrls(srcset)) found.push({ src, alt: "", role: "source", ...where });
      } else if (attributes.has("src")) {
        const src = attributes.get("src");
        const alt = attributes.has("alt") ? (attributes.get("alt") ?? "(code)") : null;
        if (typeof src === "string") found.push({ src, alt, ...where });
        else found.push({ src: "", alt, role: "code", ...where });
      }
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return found;
}

/**
 * A JSX element's attributes by lowercased name: text (a string literal in braces, `src={"x.png"}`,
 * counts as text), `null` when written without a value, `undefined` when the value is other code.
 */
export function jsxAttributes(attributes: readonly MdxJsxAttributeUnion[]): Map<string, string | null | undefined> {
  const values = new Map<string, string | null | undefined>();
  for (const a of attributes) {
    if (a.type !== "mdxJsxAttribute") continue; // a spread: the content rules judge its code
    const value = a.value;
    values.set(a.name.toLowerCase(), typeof value === "string" || value === null || value === undefined ? (value ?? null) : stringLiteral(value.value));
  }
  return values;
}

function stringLiteral(code: string): string | undefined {
  const text = code.trim();
  if (!/^(["'])[\s\S]*\1$/.test(text)) return undefined;
  try {
    return JSON.parse(text[0] === "'" ? `"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : text) as string;
  } catch {
    return undefined;
  }
}

/** The `<source srcset>` start tags in a piece of raw HTML, with the URLs their srcset lists. */
export function htmlSources(html: string): { offset: number; candidates: string[] }[] {
  return scanHtml(html)
    .tags.filter((tag) => !tag.closing && tag.name.toLowerCase() === "source")
    .flatMap((tag) => {
      const srcset = tag.attributes.find((a) => a.name.toLowerCase() === "srcset")?.value;
      return srcset ? [{ offset: tag.start, candidates: srcsetUrls(srcset) }] : [];
    });
}

/** The URLs of a srcset (`a.png 1x, b.png 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);
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
