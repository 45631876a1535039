import { altFromFileName, type EntryImages } from "./import-images.ts";
import { convertHtml } from "./import-html.ts";
import { resolveLink, type LinkContext } from "./import-links.ts";
import { applyEdits, parseMarkdown, range, walk, type Edit, type Node } from "./import-mdast.ts";
import type { ImportNote } from "./import-types.ts";

export interface BodyContext {
  /** The source note, relative to the imported folder. */
  file: string;
  /** Source line of the body's first line. */
  firstLine: number;
  /** Remove the first heading: it became the title. */
  removeTitle: boolean;
  links: LinkContext;
  images: EntryImages;
  /** Folder path of a note or file by its name, for Obsidian's `[[name]]` links and `![[file]]` embeds. */
  findByName(name: string): string | undefined;
}

export interface BodyResult {
  text: string;
  /** What could not be carried over. */
  notes: ImportNote[];
  /** Images whose alt text the importer wrote. */
  altFilled: ImportNote[];
}

const WIKILINK = /(!?)\[\[([^[\]|#]+)(#[^[\]|]*)?(?:\|([^[\]]*))?\]\]/g;

/**
 * One note's Markdown, rewritten for Daybook in a single pass over the parsed note: the title
 * heading removed, links between notes pointed at entry files, local images copied beside the
 * entry (with alt text when they had none), raw HTML made safe (convertHtml) and Obsidian's
 * `[[links]]` made Markdown links. Edits replace source ranges, so everything else stays byte
 * for byte as the author wrote it.
 */
export function convertBody(source: string, context: BodyContext): BodyResult {
  const tree = parseMarkdown(source);
  const notes: ImportNote[] = [];
  const altFilled: ImportNote[] = [];
  const edits: Edit[] = [];
  const lineOf = (node: Node) => context.firstLine + (node.position?.start.line ?? 1) - 1;

  const title = context.removeTitle ? tree.children?.find((n) => n.type === "heading") : undefined;
  if (title?.position) {
    const { start, end } = range(title);
    edits.push({ start, end: end + (/^\n*/.exec(source.slice(end))?.[0].length ?? 0), text: "" });
  }
  for (const node of walk(tree)) {
    if (!node.position || node === title) continue;
    const note = (message: string) => notes.push({ file: context.file, line: lineOf(node), message });
    const { start, end } = range(node);
    if (node.type === "link") {
      const result = resolveLink(node.url ?? "", context.links);
      if (result.kind === "keep") continue;
      // Only the brackets and the destination change, so edits inside the text (an image) still apply.
      const close = node.children?.at(-1)?.position?.end.offset ?? start + 1;
      if (source[start] !== "[" || source[close] !== "]") continue; // an autolink: always a web address
      if (result.kind === "rewrite") edits.push({ start: close, end, text: `](${formatUrl(result.url)}${formatTitle(node.title)})` });
      else {
        note(`${result.reason}; the link text was kept without the link`);
        edits.push({ start, end: start + 1, text: "" }, { start: close, end, text: "" });
      }
    } else if (node.type === "image") {
      let url = node.url ?? "";
      const result = context.images.resolve(url);
      if (result.kind === "refuse") {
        note(`${result.reason}; the image was replaced by its alt text`);
        edits.push({ start, end, text: escapeBrackets(node.alt ?? "") });
        continue;
      }
      if (result.kind === "copy" || result.kind === "upgrade") url = result.url;
      if (result.kind === "upgrade") note(`the image ${node.url} is now loaded over https: (the site's Content-Security-Policy blocks http: images); check that it still loads`);
      let alt = node.alt ?? "";
      if (!alt.trim()) {
        alt = node.title?.trim() || altFromFileName(node.url ?? "");
        altFilled.push({ file: context.file, line: lineOf(node), message: `${node.url}: alt text "${alt}"` });
      }
      if (result.kind !== "keep" || alt !== node.alt) edits.push({ start, end, text: `![${escapeBrackets(alt)}](${formatUrl(url)}${formatTitle(node.title)})` });
    } else if (node.type === "definition") {
      edits.push(...definitionEdit(source, node, context, note));
    } else if (node.type === "html") {
      const html = source.slice(start, end);
      const converted = convertHtml(html, {
        image: (src) => context.images.resolve(src),
        link: (href) => resolveLink(href, context.links),
        altFilled: (src, alt) => altFilled.push({ file: context.file, line: lineOf(node), message: `${src}: alt text "${alt}"` }),
        note,
        altFromFileName,
      });
      if (converted !== html) edits.push({ start, end, text: converted });
    } else if (node.type === "text") {
      const text = source.slice(start, end);
      if (text.includes("[[")) edits.push({ start, end, text: text.replace(WIKILINK, (whole, bang: string, name: string, hash = "", label?: string) => wikilink(whole, bang === "!", name.trim(), hash, label, context, note)) });
    }
  }
  return { text: applyEdits(source, edits).replace(/^\n+/, ""), notes, altFilled };
}

function wikilink(whole: string, embed: boolean, name: string, hash: string, label: string | undefined, context: BodyContext, note: (m: string) => void): string {
  const found = context.findByName(name);
  if (embed) {
    const result = found ? context.images.resolve(`/${found}`) : undefined;
    if (result?.kind === "copy") return `![${escapeBrackets(label ?? altFromFileName(name))}](${formatUrl(result.url)})`;
    note(`the embed ${whole} ${found ? "is not an image" : "names no file in the imported folder"}; it was left as text`);
    return whole;
  }
  const result = found ? resolveLink(`/${found}`, context.links) : undefined;
  if (result?.kind === "rewrite") return `[${escapeBrackets(label?.trim() || name)}](${result.url}${hash.replace(/\s/g, "-").toLowerCase()})`;
  note(`the link ${whole} names no imported note; its text was kept without the link`);
  return label?.trim() || name;
}

function definitionEdit(source: string, node: Node, context: BodyContext, note: (m: string) => void): Edit[] {
  const { start, end } = range(node);
  const text = source.slice(start, end);
  const match = /^(\s*\[[^\]]+\]:\s*)(<[^>]*>|\S+)([\s\S]*)$/.exec(text);
  if (!match) return [];
  const url = node.url ?? "";
  const image = /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(url.replace(/[?#].*$/, "")) ? context.images.resolve(url) : undefined;
  if (image?.kind === "upgrade") note(`the image ${url} is now loaded over https: (the site's Content-Security-Policy blocks http: images); check that it still loads`);
  if (image?.kind === "copy" || image?.kind === "upgrade") return [{ start, end, text: `${match[1]}${formatUrl(image.url)}${match[3]}` }];
  if (image?.kind === "refuse") note(`${image.reason}; the reference was left as it was`);
  if (image) return [];
  const result = resolveLink(url, context.links);
  if (result.kind === "rewrite") return [{ start, end, text: `${match[1]}${formatUrl(result.url)}${match[3]}` }];
  if (result.kind === "unlink") {
    note(`${result.reason}; the reference now points at the top of the entry`);
    return [{ start, end, text: `${match[1]}#${match[3]}` }];
  }
  return [];
}

function formatUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function formatTitle(title: string | null | undefined): string {
  return title ? ` "${title.replace(/["\\]/g, "\\$&")}"` : "";
}

function escapeBrackets(text: string): string {
  return text.replace(/[[\]\\]/g, "\\$&");
}
