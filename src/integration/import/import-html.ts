import { Parser } from "htmlparser2";
import type { Edit } from "./import-mdast.ts";
import type { ImageResult } from "./import-images.ts";
import type { LinkResult } from "./import-links.ts";

export interface HtmlContext {
  image(url: string): ImageResult;
  link(url: string): LinkResult;
  /** Records alt text the importer wrote for an image that had none. */
  altFilled(src: string, alt: string): void;
  note(message: string): void;
  altFromFileName(src: string): string;
}

/**
 * Raw HTML in a note, tokenized by htmlparser2 (entities decoded as browsers do):
 * `<a href>` is resolved like a Markdown link (one that cannot work loses its href), `<img>` gets its copied file and, when it has no alt attribute, one from its `title`, the
 * block's `<figcaption>` or its file name; a YouTube or Vimeo `<iframe>` becomes a link to the
 * video (GitHub drops frames, and so does Daybook); a gist `<script>` becomes a link to the gist;
 * other frames and scripts are removed and reported.
 */
export function convertHtml(html: string, context: HtmlContext): string {
  const edits: Edit[] = [];
  const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1]?.replace(/<[^>]*>/g, "").trim();
  let open: { name: string; start: number; attribs: Record<string, string> } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "img") edits.push(...imageEdit(parser.startIndex, parser.endIndex, attribs, caption, context));
        else if (name === "a" && attribs.href !== undefined) edits.push(...anchorEdit(parser.startIndex, parser.endIndex, attribs, context));
        else if ((name === "iframe" || name === "script") && !open) open = { name, start: parser.startIndex, attribs };
      },
      onclosetag(name) {
        if (!open || name !== open.name) return;
        edits.push({ start: open.start, end: parser.endIndex + 1, text: replaceEmbed(open.name, open.attribs, context) });
        open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  if (open) edits.push({ start: open.start, end: html.length, text: replaceEmbed(open.name, open.attribs, context) });
  return applyHtmlEdits(html, edits);
}

function imageEdit(start: number, end: number, attribs: Record<string, string>, caption: string | undefined, context: HtmlContext): Edit[] {
  const src = attribs.src ?? "";
  const result = context.image(src);
  if (result.kind === "refuse") {
    context.note(`${result.reason}; the image was replaced by its alt text`);
    return [{ start, end: end + 1, text: escapeHtml(attribs.alt || "") }];
  }
  const next = { ...attribs };
  if (result.kind === "copy" || result.kind === "upgrade") next.src = result.url;
  if (result.kind === "upgrade") context.note(`the image ${src} is now loaded over https: (the site's Content-Security-Policy blocks http: images); check that it still loads`);
  if (!("alt" in attribs)) {
    next.alt = attribs.title?.trim() || caption || context.altFromFileName(src);
    context.altFilled(src, next.alt);
  }
  return [{ start, end: end + 1, text: tag("img", next) }];
}

function anchorEdit(start: number, end: number, attribs: Record<string, string>, context: HtmlContext): Edit[] {
  const result = context.link(attribs.href!);
  if (result.kind === "keep") return [];
  const next = { ...attribs };
  if (result.kind === "rewrite") next.href = result.url;
  else {
    delete next.href;
    context.note(`${result.reason}; the link text was kept without the link`);
  }
  return [{ start, end: end + 1, text: tag("a", next) }];
}

function tag(name: string, attribs: Record<string, string>): string {
  return `<${name}${Object.entries(attribs).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join("")}>`;
}

function replaceEmbed(name: string, attribs: Record<string, string>, context: HtmlContext): string {
  const src = attribs.src ?? "";
  const video = videoPage(src);
  if (name === "iframe" && video) {
    context.note(`a ${video.site} player was turned into a link to the video`);
    return `<a href="${escapeHtml(video.url)}">Video on ${video.site}${attribs.title ? `: ${escapeHtml(attribs.title)}` : ""}</a>`;
  }
  const gist = /^https:\/\/gist\.github\.com\/([\w-]+\/)?([0-9a-f]+)\.js/i.exec(src);
  if (name === "script" && gist) {
    context.note("an embedded gist (a script) was turned into a link to the gist");
    return `<a href="https://gist.github.com/${gist[1] ?? ""}${gist[2]}">Gist ${gist[2]!.slice(0, 7)}</a>`;
  }
  if (/^https:\/\//i.test(src)) {
    context.note(`an embedded ${name} (${src}) was turned into a link; Daybook pages embed nothing from other sites`);
    return `<a href="${escapeHtml(src)}">${escapeHtml(attribs.title || src)}</a>`;
  }
  context.note(`an inline ${name} was removed; Daybook pages run no code from entries`);
  return "";
}

/** The page of a YouTube or Vimeo player URL. */
export function videoPage(src: string): { site: string; url: string } | undefined {
  const youtube = /^(?:https?:)?\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/embed\/|youtu\.be\/)([\w-]{6,})/i.exec(src);
  if (youtube) return { site: "YouTube", url: `https://www.youtube.com/watch?v=${youtube[1]}` };
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return { site: "Vimeo", url: `https://vimeo.com/${vimeo[1]}` };
  return undefined;
}

function applyHtmlEdits(html: string, edits: Edit[]): string {
  let out = html;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
