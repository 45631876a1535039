// images/: an entry's pictures, beside it or in content/assets/, checked with file:line before the
// build and handed to Astro's image pipeline; remote https: images shown as lazy plain <img>. This file is its entry point.

import type { Problem } from "../content/problem.ts";
import { findImages, type ImageReference } from "./image-references.ts";
import { judgeImageSource, type ContentFiles, type ImageSource, type SourceOptions } from "./image-source.ts";

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
    for (const found of judgeImage(image, options.entryPath, options.files, options).problems) problems.push({ ...at, ...found });
  }
  return problems;
}

type Found = { message: string; fix: string };

/**
 * One image, as the validation pass and the Markdown pipeline both judge it: where it comes
 * from, and what is wrong with it (nothing, when `problems` is empty).
 */
export function judgeImage(image: Pick<ImageReference, "src" | "alt" | "syntax" | "role">, entryPath: string, files: ContentFiles, options: SourceOptions): { source?: ImageSource; problems: Found[] } {
  if (image.role === "code") {
    return { problems: [{ message: "the <img> has its src written as code, so the build cannot tell which file it shows", fix: 'write the path as a plain attribute, e.g. src="./figure.png"' }] };
  }
  const problems: Found[] = [];
  const missingAlt = judgeImageAlt(image);
  if (missingAlt) problems.push(missingAlt);
  const source = judgeImageSource(image.src, entryPath, files, options);
  if (source.kind === "refused") problems.push({ message: source.message, fix: source.fix });
  else if (source.kind === "local" && image.role === "source") {
    problems.push({
      message: `the <source> of a <picture> names ${image.src}, a file the build does not publish (only images and <img> tags go through the image pipeline), so readers would get a broken image`,
      fix: "show it with ![alt](path) or <img src=… alt=…>, or point the <source> at an https: URL",
    });
  }
  return { source, problems };
}

/**
 * An image needs an alt attribute: screen readers read it, and without one they read the file
 * name. Markdown's `![](x)` and `alt=""` say "decoration" and are fine; only a tag can lack it.
 */
export function judgeImageAlt(image: Pick<ImageReference, "src" | "alt" | "syntax">): Found | undefined {
  if (image.alt !== null) return undefined;
  const tag = image.syntax === "jsx" ? `<img src="${image.src}" />` : `<img src="${image.src}">`;
  return {
    message: `the image ${tag} has no alt attribute, so screen readers announce its file name instead of what it shows`,
    fix: `add alt="what the image shows", or alt="" if it is only decoration`,
  };
}
