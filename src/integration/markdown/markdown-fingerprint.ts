import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/**
 * What Daybook's Markdown output depends on besides the entries: its plugins' sources and the
 * renderers they call. Paths are relative to the project root; a folder counts every file in it.
 */
export const MARKDOWN_SOURCES = [
  "src/integration/markdown",
  "src/integration/snippets/known-languages.ts",
  "src/integration/snippets/mdast-snippets.ts",
  "src/integration/content/html-allow-list.ts",
  "src/integration/content/html-review.ts",
  "src/integration/content/html-tags.ts",
  "src/integration/content/jsx-review.ts",
  "src/integration/content/mdx-literal.ts",
  // What MDX leaves a component when it compiles an entry to HTML ahead (mdx-options.ts).
  "src/components/entry-component-names.ts",
  // The other parts' plugins in the same processor (astro.config.mjs).
  "src/integration/images",
  "src/integration/links/mdast-entry-links.ts",
  "src/integration/links/entry-link-resolve.ts",
  "src/integration/links/html-attributes.ts",
  "src/integration/links/link-targets.ts",
];
const RENDERERS = ["satteri", "shiki", "temml"];

/** One hash of the sources' bytes (by path) and the renderers' versions. */
export function markdownFingerprint(root: string, sources: readonly string[] = MARKDOWN_SOURCES): string {
  const hash = createHash("sha256");
  for (const file of sources.flatMap((source) => filesUnder(root, source)).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  }
  const require = createRequire(path.join(root, "package.json"));
  for (const name of RENDERERS) {
    let version = "absent";
    try {
      version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
    } catch {
      // A renderer that is not installed is part of the state too.
    }
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return [];
  }
  if (!stats.isDirectory()) return [relative.split(path.sep).join("/")];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/**
 * Astro keeps rendered `.md` pages in its content store and clears the store only when the
 * config's JSON changes; plugins are functions, which JSON leaves out, so a changed plugin kept
 * serving old pages. The fingerprint goes into the processor's `options` (Astro keeps that
 * object as it is and hashes it with the config; satteri reads only its own keys from it).
 */
export function withMarkdownFingerprint<P extends { options: object }>(root: string, processor: P): P {
  Object.assign(processor.options, { daybookMarkdown: markdownFingerprint(root) });
  return processor;
}
