import path from "node:path";

/** What the importer knows about the folder, for resolving one note's links. */
export interface LinkContext {
  /** The note's path relative to the imported folder. */
  notePath: string;
  /** The entry file a source note became (`012-bisect.md`), by source path; undefined if it was not imported. */
  entryForNote(sourcePath: string): string | undefined;
  /** The entry file whose old address this is, if any. */
  entryForPermalink(urlPath: string): string | undefined;
  /** The tag a folder of notes became, by folder path (`git`), if any. */
  tagForFolder(folder: string): string | undefined;
  /** True when the folder holds a file (not a note) at this path. */
  isFile(sourcePath: string): boolean;
  /** The anchor (`#process`) of a note's first heading when it became the title, which the entry no longer has. */
  titleAnchor(sourcePath: string): string | undefined;
  /** True for an entry file of this import (`012-bisect.md`): a link Liquid's `post_url` already rewrote. */
  isEntryFile(name: string): boolean;
}

export type LinkResult =
  | { kind: "keep" }
  | { kind: "rewrite"; url: string }
  /** The link cannot work on the new site: keep its text, drop the link. */
  | { kind: "unlink"; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const NOTE_EXTENSION = /\.(md|markdown|mkd|mkdn|mdown|html?)$/i;

/**
 * Where a link in a note points on the new site. Web links and `#anchors` stay. A link to
 * another note (relative, as GitHub resolves it, or by its old address) becomes a link to that
 * note's entry file, which the build turns into its `/day/<n>/` URL. A link to a topic folder
 * becomes its tag page. Anything else local would be a broken link after the import.
 */
export function resolveLink(url: string, context: LinkContext): LinkResult {
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("//") || SCHEME.test(trimmed)) return { kind: "keep" };
  const [, rawPath = "", query = "", hash = ""] = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(trimmed) ?? [];
  void query; // a query means nothing to a static page
  let decoded: string;
  try {
    decoded = decodeURI(rawPath);
  } catch {
    return { kind: "unlink", reason: `the link ${url} has a broken percent escape` };
  }
  if (decoded.startsWith("./") && context.isEntryFile(decoded.slice(2))) return { kind: "keep" };
  if (decoded.startsWith("/")) {
    const byPermalink = context.entryForPermalink(decoded) ?? context.entryForPermalink(decoded.replace(/\/$/, "")) ?? context.entryForPermalink(`${decoded.replace(/\/$/, "")}/`);
    if (byPermalink) return { kind: "rewrite", url: `./${byPermalink}${hash}` };
  }
  const folderPath = decoded.startsWith("/") ? decoded.slice(1) : path.posix.join(path.posix.dirname(context.notePath), decoded);
  const normal = path.posix.normalize(folderPath).replace(/\/$/, "");
  if (normal === ".." || normal.startsWith("../")) return { kind: "unlink", reason: `the link ${url} leads outside the imported folder` };
  for (const candidate of noteCandidates(normal)) {
    const entry = context.entryForNote(candidate);
    // The heading that became the title is the page's own title now: link to the page itself.
    if (entry) return { kind: "rewrite", url: `./${entry}${hash === `#${context.titleAnchor(candidate)}` ? "" : hash}` };
  }
  const tag = context.tagForFolder(normal === "." ? "" : normal);
  if (tag) return { kind: "rewrite", url: `/tags/${tag}/` };
  if (context.isFile(normal)) return { kind: "unlink", reason: `the link ${url} points at a file that is not a note, which is not copied` };
  return { kind: "unlink", reason: `the link ${url} points at nothing in the imported folder` };
}

/** `git/bisect` may be written with or without its extension, or as the `.html` Jekyll made of it. */
function noteCandidates(normal: string): string[] {
  const bare = normal.replace(NOTE_EXTENSION, "");
  return [normal, ...["md", "markdown", "mkd", "mkdn", "mdown"].map((ext) => `${bare}.${ext}`), `${normal}/README.md`, `${normal}/index.md`];
}
