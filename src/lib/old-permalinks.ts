/**
 * Old addresses of an entry (`redirectFrom` in its frontmatter, written by `npm run import`):
 * the build writes a small redirect page at each, so links to a journal's previous site keep
 * working. Pure: shared by the schema, the validator and the redirect page.
 */

/** A path segment: letters (any script), digits and the URL-safe punctuation static hosts map to file names unchanged. */
const SEGMENT = /^[\p{L}\p{N}_~!$&'()*+,;=:@.-]+$/u;
const MAX_LENGTH = 300;

/** Why `permalink` cannot be a redirect path, or undefined when it can. */
export function permalinkProblem(permalink: string): string | undefined {
  if (!permalink.startsWith("/")) return "must start with /, e.g. /2020/01/02/my-post.html";
  if (permalink.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (permalink === "/") return "is the home page, which cannot redirect";
  if (/[?#%\\]/.test(permalink)) return "must be a plain path: no query (?), fragment (#), percent escape or backslash";
  const segments = permalink.slice(1).replace(/\/$/, "").split("/");
  for (const segment of segments) {
    if (segment === "") return "has an empty segment (//)";
    if (segment === "." || segment === "..") return "has a . or .. segment";
    if (segment.startsWith(".")) return `has the hidden segment "${segment}" (hosts keep names starting with . for themselves, e.g. .well-known)`;
    if (!SEGMENT.test(segment)) return `has the segment "${segment}", which holds a character that is not allowed in a file name (space, quote, < > | …)`;
  }
  const last = segments.at(-1)!;
  if (!permalink.endsWith("/") && /\.[^.]+$/.test(last) && !/\.html?$/i.test(last)) {
    return "ends in a file extension other than .html, which a static host would not serve as a page";
  }
  return undefined;
}

/**
 * The file the redirect page is written to, relative to the output folder: `x.html` stays a
 * file, `/a/b` and `/a/b/` become `a/b/index.html` (static hosts serve `/a/b` from there).
 */
export function redirectFile(permalink: string): string {
  const trimmed = permalink.replace(/^\/+/, "");
  if (/\.html?$/i.test(trimmed)) return trimmed;
  return `${trimmed.replace(/\/+$/, "")}/index.html`;
}

/**
 * First path segments the site itself uses (src/pages/ and public/): a redirect there would
 * replace or shadow a real page. tests/unit/import-permalinks.test.ts keeps it in step with
 * those folders.
 */
export const RESERVED_SEGMENTS: readonly string[] = [
  "404.html",
  "_astro",
  "archive",
  "day",
  "editor",
  "favicon.svg",
  "graph",
  "graph.json",
  "index.html",
  "og",
  "pagefind",
  "robots.txt",
  "rss.xml",
  "runner",
  "search",
  "sitemap-index.xml",
  "sitemap-0.xml",
  "tags",
];

/** True when the redirect file for `permalink` would land on a path the site itself writes. */
export function isReservedPermalink(permalink: string): boolean {
  const first = redirectFile(permalink).split("/")[0]!.toLowerCase();
  return RESERVED_SEGMENTS.includes(first) || /^sitemap-\d+\.xml$/.test(first);
}
