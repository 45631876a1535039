// images/: an entry's pictures, beside it or in content/assets/, checked with file:line before the
// build and handed to Astro's image pipeline; remote https: images shown as lazy plain <img>. This file is its entry point.

import type { Problem } from "../content/problem.ts";
import { findImages, type ImageReference } from "./image-references.ts";
import { judgeImageSource, type ContentFiles, type SourceOptions } from "./image-source.ts";

export interface ImageCheckOptions extends SourceOptions {
  /** File line of the body's first line. */
  firstLine: number;
  mdx: boolean;
  /** The entry's path relative to the content folder, e.g. `days/030-figures.md`. */
  entryPath: string;
  files: ContentFiles;
}

/**
 * The images of one entry: every one must resolve to an image file inside the content folder
 * (or be an https: URL), and every `<img>` tag must say what it shows (`alt`, empty when it is
 * decoration). Problems name the entry's file, line and column.
 */
export function checkEntryImages(file: string, body: string, options: ImageCheckOptions): Problem[] {
  const problems: Problem[] = [];
  for (const image of findImages(body, options.mdx)) {
    const at = { file, line: options.firstLine + image.line - 1, column: image.column };
    const missingAlt = judgeImageAlt(image);
    if (missingAlt) problems.push({ ...at, ...missingAlt });
    const source = judgeImageSource(image.src, options.entryPath, options.files, options);
    if (source.kind === "refused") problems.push({ ...at, message: source.message, fix: source.fix });
  }
  return problems;
}

/**
 * An image needs an alt attribute: screen readers read it, and without one they read the file
 * name. Markdown's `![](x)` and `alt=""` say "decoration" and are fine; only a tag can lack it.
 */
export function judgeImageAlt(image: Pick<ImageReference, "src" | "alt" | "syntax">): { message: string; fix: string } | undefined {
  if (image.alt !== null) return undefined;
  const tag = image.syntax === "jsx" ? `<img src="${image.src}" />` : `<img src="${image.src}">`;
  return {
    message: `the image ${tag} has no alt attribute, so screen readers announce its file name instead of what it shows`,
    fix: `add alt="what the image shows", or alt="" if it is only decoration`,
  };
}
