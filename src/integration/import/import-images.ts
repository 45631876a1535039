import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { isInside } from "./import-scan.ts";

export const MAX_IMAGE_BYTES = 20_000_000;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/** One image copied beside an entry: `from` (absolute) to `days/<entry-stem>/<name>`. */
export interface ImageCopy {
  from: string;
  name: string;
}

export type ImageResult =
  | { kind: "keep" }
  | { kind: "copy"; url: string; copy: ImageCopy }
  /** A plain-http image, which the site's Content-Security-Policy would block, asked for over https. */
  | { kind: "upgrade"; url: string }
  | { kind: "refuse"; reason: string };

/**
 * The images of one entry: each local image is copied into the folder next to the entry
 * (`days/<entry-stem>/`, the convention for images beside an entry) under a name unique in it.
 * The folder is untrusted: a path leaving it (`..`, an absolute path, a symlink), a file
 * over MAX_IMAGE_BYTES or not an image is refused.
 */
export class EntryImages {
  readonly copies: ImageCopy[] = [];
  private readonly byFile = new Map<string, string>();

  private readonly root: string;
  private readonly notePath: string;
  private readonly entryStem: string;

  constructor(root: string, notePath: string, entryStem: string) {
    this.root = root;
    this.notePath = notePath;
    this.entryStem = entryStem;
  }

  resolve(url: string): ImageResult {
    const trimmed = url.trim();
    if (/^http:\/\//i.test(trimmed)) return { kind: "upgrade", url: `https://${trimmed.slice("http://".length)}` };
    if (/^(https:|data:image\/|\/\/)/i.test(trimmed)) return { kind: "keep" };
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { kind: "refuse", reason: `the image ${url} is not a web or local address` };
    let decoded: string;
    try {
      decoded = decodeURI(trimmed.replace(/[?#].*$/, ""));
    } catch {
      return { kind: "refuse", reason: `the image ${url} has a broken percent escape` };
    }
    const inFolder = decoded.startsWith("/") ? decoded.slice(1) : path.posix.join(path.posix.dirname(this.notePath), decoded);
    const normal = path.posix.normalize(inFolder);
    if (normal === ".." || normal.startsWith("../") || decoded.includes("\0")) return { kind: "refuse", reason: `the image ${url} leads outside the imported folder` };
    const absolute = path.join(this.root, ...normal.split("/"));
    if (!existsSync(absolute)) return { kind: "refuse", reason: `the image ${url} is not in the imported folder` };
    const real = realpathSync(absolute);
    if (!isInside(this.root, real)) return { kind: "refuse", reason: `the image ${url} is a symlink leading outside the imported folder` };
    const stat = statSync(real);
    if (!stat.isFile()) return { kind: "refuse", reason: `the image ${url} is not a file` };
    if (!IMAGE_EXTENSIONS.test(real)) return { kind: "refuse", reason: `the image ${url} is not a PNG, JPEG, GIF, WebP, AVIF or SVG file` };
    if (stat.size > MAX_IMAGE_BYTES) return { kind: "refuse", reason: `the image ${url} is ${stat.size} bytes, over the ${MAX_IMAGE_BYTES}-byte limit` };
    let name = this.byFile.get(real);
    if (!name) {
      name = this.freeName(path.basename(real));
      this.byFile.set(real, name);
      this.copies.push({ from: real, name });
    }
    return { kind: "copy", url: `./${this.entryStem}/${name}`, copy: { from: real, name } };
  }

  /** A file-system-safe name not yet used in this entry's folder: `diagram.png`, `diagram-2.png`. */
  private freeName(base: string): string {
    const ext = path.extname(base).toLowerCase();
    const stem = base.slice(0, base.length - ext.length).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "image";
    const taken = new Set(this.byFile.values());
    for (let i = 1; ; i++) {
      const name = `${stem}${i === 1 ? "" : `-${i}`}${ext}`;
      if (!taken.has(name)) return name;
    }
  }
}

/** Alt text made from a file name: `git-graph_2.png` → "git graph 2". */
export function altFromFileName(url: string): string {
  const base = decodeSafe(url.replace(/[?#].*$/, "").split("/").pop() ?? "");
  return base.replace(/\.[a-z0-9]+$/i, "").replace(/[-_.]+/g, " ").trim() || "image";
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
