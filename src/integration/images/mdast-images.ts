import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginEntry, MdastVisitorContext, MdxJsxFlowElement, MdxJsxTextElement, PluginFactoryContext } from "satteri";
import type { Image, Html, ImageReference as MdastImageReference, Definition } from "mdast";
import { liveContentFiles } from "./content-files.ts";
import { judgeImage } from "./image-check.ts";
import { htmlImages, htmlSources, jsxAttributes, srcsetUrls, type ImageReference } from "./image-references.ts";
import type { ContentFiles, ImageSource } from "./image-source.ts";

export interface EntryImagesOptions {
  /** Absolute path of the content folder; images are read from inside it only. */
  contentRoot: string;
  /** `remoteImages` in daybook.config.ts. */
  remoteImages: boolean;
}

/**
 * Hands an entry's images to Astro's image pipeline, which picks up Markdown images with a local
 * path (it then writes them with width, height, lazy loading, WebP and, with the `constrained`
 * layout, a responsive srcset and sizes, under the base path). So every image becomes one:
 * reference images and `<img>` tags (raw HTML in `.md`, JSX in `.mdx`, which Astro leaves as
 * written) too, with their width, height and title kept. Paths are rewritten relative to the entry
 * (`figure.png` → `./figure.png`, so no path reaches Vite as a package name) and remote images get
 * lazy loading. It refuses what the validation pass reports (a path outside the content folder,
 * a missing file, a tag without alt): a build stops there already, and `astro dev`, which only
 * shows those problems, must not read files outside the content folder either.
 */
export function entryImages(options: EntryImagesOptions): MdastPluginEntry {
  const files = liveContentFiles(options.contentRoot);
  return (document: PluginFactoryContext) => {
    if (!document.fileURL) return null;
    const file = fileURLToPath(document.fileURL);
    const entryPath = path.relative(options.contentRoot, file).split(path.sep).join("/");
    if (entryPath.startsWith("../") || path.isAbsolute(entryPath)) return null; // not an entry: a page of the site itself
    // The definitions reference images may use, gathered from the whole tree the first time one
    // is met: most entries have no reference image, and walking every node was a third of this
    // plugin's time in a long journal's build.
    let root: { type: string; children?: unknown[] } | undefined;
    let definitions: Map<string, Definition> | undefined;
    const definitionsOf = (tree: { type: string; children?: unknown[] }) => {
      const found = new Map<string, Definition>();
      const collect = (node: { type: string; children?: unknown[] }) => {
        if (node.type === "definition") {
          const definition = node as Definition;
          if (!found.has(definition.identifier)) found.set(definition.identifier, definition);
        }
        for (const child of node.children ?? []) collect(child as { type: string });
      };
      collect(tree);
      return found;
    };
    const judge = (src: string, alt: string | null, syntax: ImageReference["syntax"], role?: ImageReference["role"]) => judgeOrFail({ src, alt, syntax, role }, { file, entryPath, files, options });
    return {
      name: "daybook-entry-images",
      before(tree) {
        root = tree;
        definitions = undefined;
      },
      image(node, ctx) {
        const source = judge(node.url, node.alt ?? "", "markdown");
        if (source?.kind === "local" || source?.kind === "remote") ctx.replaceNode(node, imageNode(source, node.alt ?? "", node.title ?? null, {}));
      },
      imageReference(node: MdastImageReference, ctx) {
        definitions ??= definitionsOf(root!);
        const definition = definitions.get(node.identifier);
        if (!definition) return; // not an image: Markdown shows the brackets as text
        const source = judge(definition.url, node.alt ?? "", "markdown");
        if (source?.kind === "local" || source?.kind === "remote") ctx.replaceNode(node, imageNode(source, node.alt ?? "", definition.title ?? null, {}));
      },
      html(node: Html, ctx) {
        for (const tag of htmlSources(node.value)) for (const src of tag.candidates) judge(src, "", "html", "source");
        const tags = htmlImages(node.value);
        if (tags.length === 0) return;
        const parts: (Html | Image)[] = [];
        let at = 0;
        for (const tag of tags) {
          const source = judge(tag.src, tag.alt, "html");
          if (source?.kind !== "local" && source?.kind !== "remote") continue;
          if (tag.offset > at) parts.push({ type: "html", value: node.value.slice(at, tag.offset) });
          const attributes = Object.fromEntries(tag.attributes.map((a) => [a.name, a.value]));
          parts.push(imageNode(source, tag.alt ?? "", attributes.title ?? null, attributes));
          at = tag.end;
        }
        if (at === 0) return;
        if (at < node.value.length) parts.push({ type: "html", value: node.value.slice(at) });
        ctx.replaceNode(node, parts);
      },
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
    };

    function jsx(node: MdxJsxFlowElement | MdxJsxTextElement, ctx: MdastVisitorContext): void {
      if (node.name !== "img" && node.name !== "source") return;
      const values = jsxAttributes(node.attributes);
      if (node.name === "source") {
        for (const src of srcsetUrls(values.get("srcset") ?? "")) judge(src, "", "jsx", "source");
        return;
      }
      if (!values.has("src")) return;
      const src = values.get("src");
      if (typeof src !== "string") return void judge("", null, "jsx", "code");
      const attributes: Record<string, string | null> = {};
      for (const [name, value] of values) if (value !== undefined) attributes[name] = value; // other code: the content rules judged it
      const alt = values.has("alt") ? (values.get("alt") ?? "") : null;
      const source = judge(src, alt, "jsx");
      if (source?.kind === "local" || source?.kind === "remote") ctx.replaceNode(node, imageNode(source, alt ?? "", attributes.title ?? null, attributes));
    }
  };
}

interface JudgeContext {
  file: string;
  entryPath: string;
  files: ContentFiles;
  options: EntryImagesOptions;
}

function judgeOrFail(image: Pick<ImageReference, "src" | "alt" | "syntax" | "role">, context: JudgeContext): ImageSource | undefined {
  const judged = judgeImage(image, context.entryPath, context.files, context.options);
  if (judged.problems[0]) fail(context.file, judged.problems[0]);
  return judged.source;
}

/** A Markdown image Astro's pipeline takes up (local) or a lazy-loading plain one (remote). */
function imageNode(source: { kind: "local"; url: string } | { kind: "remote"; url: string }, alt: string, title: string | null, attributes: Record<string, string | null>): Image {
  const properties: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "src" || name === "alt" || name === "title") continue;
    const key = name === "class" ? "className" : name;
    properties[key] = value === null ? true : /^(width|height)$/.test(name) && /^\d+$/.test(value) ? Number(value) : value;
  }
  // Local: Astro adds width, height, loading and decoding, and the layout gives srcset and sizes.
  // An image without a width set shows at most as wide as the text column (--measure in
  // global.css), whatever its own width, so a browser needs no wider file than that.
  if (source.kind === "local") Object.assign(properties, { layout: "constrained" }, "width" in properties ? {} : { sizes: COLUMN_SIZES });
  else Object.assign(properties, { loading: "lazy", decoding: "async" });
  return { type: "image", url: source.url, alt, title, data: { hProperties: properties } };
}

/** The `sizes` of an image that fills at most the text column: the column's width, or the screen's below it. */
export const COLUMN_SIZES = "(min-width: 44rem) 44rem, 100vw";

function fail(file: string, problem: { message: string; fix: string }): never {
  const fix = problem.fix.charAt(0).toUpperCase() + problem.fix.slice(1);
  throw new Error(`${file}: ${problem.message}. ${fix}${/[.?!]$/.test(fix) ? "" : "."} Daybook does not read this image; \`npm run check\` shows the line.`);
}
