import path from "node:path";
import { nearest } from "../../lib/nearest.ts";
import { IMAGE_EXTENSIONS, isImageFile } from "./image-files.ts";

/** What the content folder holds, asked by path relative to it (`days/030/figure.png`). */
export interface ContentFiles {
  /** A regular file, a symbolic link (or a path through one), or nothing. */
  kind(contentPath: string): "file" | "link" | undefined;
  /** Every image file in the content folder, for "did you mean" suggestions. */
  images(): Iterable<string>;
}

export interface SourceOptions {
  /** `remoteImages` in daybook.config.ts: whether `https:` images may be shown at all. */
  remoteImages: boolean;
}

export type ImageSource =
  /** A file in the content folder: `path` relative to that folder, `url` relative to the entry (`./…` or `../…`, URI-encoded). */
  | { kind: "local"; path: string; url: string }
  | { kind: "remote"; url: string }
  /** A `data:` URL: shown as written (the page's policy allows it). */
  | { kind: "inline" }
  | { kind: "refused"; message: string; fix: string };

const WHERE = "put the image beside the entry (e.g. in a folder named after it) or in content/assets/, and write its path relative to the entry";

/**
 * Where an image an entry shows comes from, judged as GitHub resolves it (relative to the
 * entry's own file) and refused when the build should not read it: an absolute path, a path
 * that leaves the content folder or passes through a symbolic link (an entry must not make the
 * build read other files), a missing file (with the nearest existing name), something that is
 * not an image, or a URL the page's Content-Security-Policy would block. Pure: `files` answers
 * every question about the disk.
 */
export function judgeImageSource(written: string, entryPath: string, files: ContentFiles, options: SourceOptions): ImageSource {
  const src = written.trim();
  const refuse = (message: string, fix: string): ImageSource => ({ kind: "refused", message, fix });
  if (src === "") return refuse("the image has an empty path", `write the image's path, e.g. ![what it shows](./figure.png); ${WHERE}`);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(src)?.[1]?.toLowerCase();
  if (scheme === "https") {
    if (options.remoteImages) return { kind: "remote", url: src };
    return refuse(`the image ${src} is on another site, and this journal does not show remote images (remoteImages: false in daybook.config.ts)`, `download it into content/assets/ and write ../assets/<name>, or set remoteImages: true`);
  }
  if (scheme === "http") return refuse(`the image ${src} is loaded over plain http:, which the page's Content-Security-Policy blocks, so readers would see a broken image`, `write https:// if the site serves it that way, or download it into content/assets/ and write ../assets/<name>`);
  if (scheme === "data") return { kind: "inline" };
  if (scheme !== undefined) return refuse(`the image ${src} is a ${scheme}: URL, which a web page cannot load`, WHERE);
  if (src.startsWith("//")) return refuse(`the image ${src} has no scheme (a protocol-relative URL)`, `write it in full: https:${src}`);
  if (src.startsWith("/") || src.startsWith("\\")) {
    return refuse(`the image path ${src} is absolute, and the build reads an entry's images only from the content folder`, suggestion(path.posix.basename(src), entryPath, files) ?? WHERE);
  }
  if (/[?#]/.test(src)) return refuse(`the image path ${src} has a ?query or #fragment, which a file in the content folder cannot have`, "remove everything from the ? or # on");
  if (src.includes("\\")) return refuse(`the image path ${src} uses backslashes, which are not folder separators on the web`, `write ${src.replace(/\\/g, "/")}`);
  let decoded: string;
  try {
    decoded = decodeURI(src);
  } catch {
    return refuse(`the image path ${src} has a % that starts no valid escape`, "write %25 for a percent sign in a file name, or rename the file");
  }
  if (/[\u0000-\u001f]/.test(decoded)) return refuse(`the image path ${JSON.stringify(decoded)} contains a control character`, "rename the file and the path without it");
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(entryPath), decoded));
  if (resolved === ".." || resolved.startsWith("../") || path.posix.isAbsolute(resolved)) {
    return refuse(`the image path ${src} leads outside the content folder, and the build reads an entry's images only from there`, WHERE);
  }
  if (!isImageFile(resolved)) return refuse(`${src} is not an image file Daybook can show (${IMAGE_EXTENSIONS.join(", ")})`, "convert it to one of those formats, or link to it with [text](…) instead of ![…](…)");
  const kind = files.kind(resolved);
  if (kind === "link") return refuse(`the image ${src} is a symbolic link, and the build reads only files inside the content folder`, "replace the link with a copy of the image");
  if (kind === undefined) {
    return refuse(`the image ${src} does not exist (looked for ${resolved} in the content folder)`, suggestion(decoded, entryPath, files) ?? `add the file there or correct the path; ${WHERE}`);
  }
  return { kind: "local", path: resolved, url: encodeURI(fromEntry(entryPath, resolved)) };
}

/** `did you mean …?` with the nearest existing image, as a path relative to the entry. */
function suggestion(written: string, entryPath: string, files: ContentFiles): string | undefined {
  const candidates = [...files.images()].map((image) => fromEntry(entryPath, image));
  const want = written.replace(/^\.\//, "");
  const byName = candidates.filter((c) => path.posix.basename(c).toLowerCase() === path.posix.basename(want).toLowerCase());
  const guess = byName.length === 1 ? byName[0] : nearest(want, candidates.map((c) => c.replace(/^\.\//, "")), 1)[0];
  if (guess === undefined) return undefined;
  return `did you mean ${guess.startsWith("../") || guess.startsWith("./") ? guess : `./${guess}`}?`;
}

/** A content path as a relative URL path from the entry's folder: `./030/figure.png`, `../assets/x.png`. */
function fromEntry(entryPath: string, contentPath: string): string {
  const relative = path.posix.relative(path.posix.dirname(entryPath), contentPath);
  return relative.startsWith("../") ? relative : `./${relative}`;
}
