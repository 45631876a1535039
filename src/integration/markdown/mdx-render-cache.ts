import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { extractSnippets } from "../snippets/snippet-extract.ts";
import { lookupRun } from "../snippets/snippet-registry.ts";
import { hashText } from "../snippets/snippet-cache.ts";
import { wrapRenderCalls } from "./renderer-wrap.ts";
import { writeFileWholeAsync } from "../write-whole.ts";

/** How many MDX entries a build compiled, and how many it took from the last build's. */
export interface MdxRenderCounts {
  compiled: number;
  reused: number;
}

export interface MdxRenderCache {
  counts(): MdxRenderCounts;
  /** Writes the modules this build used so far as the folder's pack, whole; rejects if it could not be written. */
  flush(): Promise<void>;
  /** Writes the pack (`flush`) and deletes every other file in the folder: the cache then holds one compiled module per entry. */
  prune(): Promise<void>;
}

interface Compiled {
  code: string;
  map: unknown;
  astroMetadata: unknown;
}

/**
 * The one file of the folder: a line per compiled module, its key, a tab, then the module as
 * JSON (which never holds a raw tab or line break). One file rather than one per entry: a build
 * of 1,000 entries created 1,000 files, and creating a file is one of the dearer things a build
 * asks of the file system (on ext4 without a journal, dearer still right after many were deleted).
 */
export const MDX_PACK = "compiled.tsv";

/**
 * Keeps each MDX entry's compiled module (what @astrojs/mdx hands Vite: the JavaScript, with
 * the highlighted code and baked snippet output in it) in `folder`, and reuses it in the next
 * build when nothing it is made from changed. Vite transforms every entry again in every build:
 * on 1,000 entries that was about a third of a warm rebuild's bundling, spent on entries nobody
 * touched. `.md` entries need none of this: Astro's content store keeps them rendered.
 *
 * A compiled module depends on the entry's text and path, on the Markdown plugins and the
 * renderers they call, and on what those read besides the entry: the settings, the pages of the
 * files relative links lead to (the processor's options carry their digest: links/link-targets.ts),
 * and the snippet runs baked in. The key holds all of them: `fingerprint` (Daybook's source, lock
 * file, Node version and settings: page-cache-key.ts), the processor's options, the entry's path,
 * text and frontmatter, and the run of each of its snippets. Which other files exist is not in
 * it: an entry's images and links to files are published as written when the file exists, and a
 * missing one stops the build before Astro starts, so a new entry recompiles nothing else.
 * tests/build/incremental-build.test.ts changes each kind of input and finds the build that
 * reused compiled entries equal, byte for byte, to one from empty caches.
 *
 * The modules live in one pack (MDX_PACK), read when the build starts and written whole when it
 * ends (`prune`) with the modules it used: a build stopped halfway leaves the last pack as it was.
 */
export function cacheMdxRenders(processor: object, options: { root: string; folder: string; fingerprint: string }): MdxRenderCache {
  const counts: MdxRenderCounts = { compiled: 0, reused: 0 };
  const pack = path.join(options.folder, MDX_PACK);
  // What the last build kept, by key, as JSON text: parsed only when an entry asks for it.
  const kept = readPack(pack);
  // What this build used, by key, as JSON text: the next pack.
  const used = new Map<string, string>();
  const processorOptions = (processor as { options?: unknown }).options ?? null;
  let shared: string | undefined;
  // Taken at the first compile: the link targets are registered before Vite starts.
  const everyEntry = () => (shared ??= hashText(options.fingerprint, JSON.stringify(processorOptions)));
  wrapRenderCalls(processor, "createMdxRenderer", "process", async (compile, args) => {
    const [content, id, frontmatter] = args as [string, string, unknown];
    const file = path.relative(options.root, id).split(path.sep).join("/");
    const runs = extractSnippets(file, content).snippets.map((s) => lookupRun(s.code) ?? null);
    const key = hashText(everyEntry(), file, content, JSON.stringify(frontmatter), JSON.stringify(runs));
    const text = kept.get(key);
    if (text !== undefined) {
      try {
        const compiled = JSON.parse(text) as Compiled;
        counts.reused++;
        used.set(key, text);
        return compiled;
      } catch {
        // Unreadable: compiled below.
      }
    }
    const compiled = (await compile(...args)) as Compiled;
    counts.compiled++;
    used.set(key, JSON.stringify({ code: compiled.code, map: compiled.map ?? null, astroMetadata: compiled.astroMetadata }));
    return compiled;
  });
  return {
    counts: () => ({ ...counts }),
    async flush() {
      // A journal without MDX entries keeps no pack.
      if (used.size === 0) return rmSync(pack, { force: true });
      // Every module came from the pack, and it holds no other: it is already this build's.
      if (counts.compiled === 0 && used.size === kept.size) return;
      // Whole: a build stopped while writing never leaves half a pack to reuse.
      await writeFileWholeAsync(pack, [...used].map(([key, text]) => `${key}\t${text}\n`).join(""));
    },
    async prune() {
      await this.flush();
      for (const name of listing(options.folder)) if (name !== MDX_PACK) rmSync(path.join(options.folder, name), { force: true });
    },
  };
}

/** The pack's modules by key; none if there is no pack (or it cannot be read). */
function readPack(pack: string): Map<string, string> {
  const modules = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(pack, "utf8");
  } catch {
    return modules;
  }
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) modules.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return modules;
}

/** The files of `folder`, none if there is no such folder yet. */
function listing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
