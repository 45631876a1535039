import path from "node:path";

/** What the links written in entries can point at: the journal's pages, by the file they come from. */
export interface LinkTargets {
  /** The site's base path: `/`, or e.g. `/journal/`. */
  base: string;
  /** The content folder, relative to the project root with forward slashes, e.g. `content`. */
  contentDir: string;
  /** Each entry and tag file (project-relative, forward slashes) → its page below the base, e.g. `day/8/`, `tags/x/`. */
  pages: ReadonlyMap<string, string>;
  /** Whether a project-relative path inside the content folder exists (an image, say, or a folder). */
  exists: (file: string) => boolean;
  /** The entry and tag files that relative links lead to, as the journal check finds them (see link-targets.ts). */
  linked?: Set<string>;
}

export type LinkResolution =
  /** Another site, a scheme, a `#fragment` or `?query` of this page, a path already under the base, an existing file: left as written. */
  | { kind: "keep" }
  /** Root-relative given the base, or an entry or tag file (`file`) turned into its page's URL. */
  | { kind: "rewrite"; url: string; file?: string }
  /** A relative path to a file that does not exist (`file` is where it would be, project-relative). */
  | { kind: "missing"; file: string; fragment: string }
  /** A relative path that climbs out of the content folder, where the site has no page. */
  | { kind: "outside"; file: string };

/**
 * How a URL written in `fromFile` (project-relative) is published. Entries are read the way
 * GitHub shows them: a relative path names a file beside the entry (`./002-second.md`,
 * `../tags/x.md#why`), a path from `/` names a page of the site and gets the base path.
 */
export function resolveEntryLink(written: string, fromFile: string, targets: LinkTargets): LinkResolution {
  // What a browser's URL parser ignores: tabs and newlines anywhere, spaces and controls at the ends.
  const url = written.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (url === "" || url.startsWith("#") || url.startsWith("?")) return { kind: "keep" };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return { kind: "keep" }; // https:, mailto:, javascript: (the sanitiser's and the link checker's business)
  // A browser reads `\` as `/` here, so `/\evil.com` and `\\evil.com` lead to another host, as `//evil.com` does.
  if (/^[/\\]{2}/.test(url)) return { kind: "keep" };
  if (/^[/\\]/.test(url)) return rootRelative(url, targets.base);
  return relative(url, fromFile, targets);
}

function rootRelative(written: string, base: string): LinkResolution {
  // As a browser reads it: `\day\8\` is `/day/8/` (in the path only; a query may hold anything).
  const url = written.replace(/^[^?#]*/, (p) => p.replaceAll("\\", "/"));
  const baseFolder = base.slice(0, -1); // `/journal`: the host redirects it to `/journal/`
  const rest = url.slice(baseFolder.length);
  if (url.startsWith(baseFolder) && (rest === "" || /^[/?#]/.test(rest))) return url === written ? { kind: "keep" } : { kind: "rewrite", url };
  return { kind: "rewrite", url: base + url.slice(1) };
}

function relative(url: string, fromFile: string, targets: LinkTargets): LinkResolution {
  const [, pathPart = "", query = "", fragment = ""] = /^([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(url) ?? [];
  let decoded = pathPart;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    // a malformed %-escape: GitHub looks the path up as written, and so do we
  }
  const contentDir = path.posix.normalize(targets.contentDir).replace(/\/$/, "");
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decoded.replaceAll("\\", "/")));
  const inside = contentDir === "." ? file !== ".." && !file.startsWith("../") : file === contentDir || file.startsWith(`${contentDir}/`);
  // Nothing outside the content folder is published (and nothing there is looked at, whatever the disk holds).
  if (!inside) return { kind: "outside", file };
  const folder = file.replace(/\/$/, "");
  const page = targets.pages.get(folder);
  if (page !== undefined) return { kind: "rewrite", url: targets.base + page + query + fragment, file: folder };
  const listing = folderPage(folder, contentDir);
  if (listing !== undefined) return { kind: "rewrite", url: targets.base + listing + query + fragment };
  if (targets.exists(folder)) return { kind: "keep" };
  return { kind: "missing", file: folder, fragment };
}

/** The content folder and its two collections, as GitHub lists them: the home page and the tag index. */
function folderPage(folder: string, contentDir: string): string | undefined {
  if (folder === contentDir || folder === `${contentDir}/days`) return "";
  if (folder === `${contentDir}/tags`) return "tags/";
  return undefined;
}
