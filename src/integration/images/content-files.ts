import { lstatSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import type { ContentFiles } from "./image-source.ts";
import { isImageFile } from "./image-files.ts";

/** A listing of the content folder: regular files and symbolic links, as paths relative to it. */
export interface ContentListing {
  files: Iterable<string>;
  links?: Iterable<string>;
}

/** ContentFiles over a listing taken once (the validation pass: pure, and one walk per check). */
export function contentFilesFrom(listing: ContentListing): ContentFiles {
  const files = new Set(listing.files);
  const links = [...(listing.links ?? [])];
  return {
    kind: (p) => (files.has(p) ? "file" : links.some((link) => p === link || p.startsWith(`${link}/`)) ? "link" : undefined),
    images: () => [...files].filter(isImageFile),
  };
}

/** Every non-hidden file and symbolic link under the content folder (links are listed, not what they point to). */
export function listContentFiles(contentRoot: string): ContentListing {
  const files: string[] = [];
  const links: string[] = [];
  let entries;
  try {
    entries = readdirSync(contentRoot, { recursive: true, withFileTypes: true });
  } catch {
    return { files, links };
  }
  for (const entry of entries) {
    const relative = path.relative(contentRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (relative.split("/").some((part) => part.startsWith("."))) continue;
    if (entry.isSymbolicLink()) links.push(relative);
    else if (entry.isFile()) files.push(relative);
  }
  // A recursive readdir descends into linked folders: what it found there is not in the content folder.
  const inside = (file: string) => !links.some((link) => file.startsWith(`${link}/`));
  return { files: files.filter(inside), links };
}

/**
 * ContentFiles that ask the disk each time (the Markdown pipeline, which also runs in `astro dev`
 * while files change). A path whose real location is not inside the content folder counts as a
 * link, whichever of its folders is the symbolic link.
 */
export function liveContentFiles(contentRoot: string): ContentFiles {
  let realRoot: string | undefined;
  return {
    kind(p) {
      const full = path.join(contentRoot, p);
      try {
        if (lstatSync(full).isSymbolicLink()) return "link";
        realRoot ??= realpathSync(contentRoot);
        const real = realpathSync(full);
        if (!real.startsWith(realRoot + path.sep)) return "link";
        return lstatSync(real).isFile() ? "file" : undefined;
      } catch {
        return undefined;
      }
    },
    images: () => [...listContentFiles(contentRoot).files].filter(isImageFile),
  };
}
