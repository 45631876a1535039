import { parseMarkdown, plainText } from "./import-mdast.ts";

export const MAX_SUMMARY = 300;
export const MAX_TITLE = 160;

/** The text of the note's first heading outside code (the importer's title when the frontmatter has none). */
export function firstHeading(markdown: string): string | undefined {
  const heading = parseMarkdown(markdown).children?.find((n) => n.type === "heading");
  const text = heading ? tidy(plainText(heading)) : "";
  return text || undefined;
}

/** The first paragraph with words in it, as plain text of at most MAX_SUMMARY characters. */
export function firstParagraph(markdown: string): string | undefined {
  for (const node of parseMarkdown(markdown).children ?? []) {
    if (node.type !== "paragraph") continue;
    const text = tidy(plainText(node, { images: false })); // a picture's alt text is no summary
    if (/[\p{L}\p{N}]/u.test(text)) return shorten(text, MAX_SUMMARY);
  }
  return undefined;
}

/** A title from a file name: `using-git-bisect` → "Using git bisect". */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Cut at a word boundary, with an ellipsis, so it fits in `max` characters. */
export function shorten(text: string, max: number): string {
  const clean = tidy(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
