/**
 * ASCII kebab-case from any text: accents are folded ("Café" → "cafe"), emoji and
 * punctuation dropped, and long titles cut at a word boundary.
 */
export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/gi, "ae")
    .replace(/[ø]/gi, "o")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

/** The collection id Astro gives an entry file: its path without extension, each segment slugged. */
export function entryIdFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, "/")
    .replace(/\.[^./]+$/, "")
    .split("/")
    .map((segment) => slugify(segment, 200))
    .join("/");
}
