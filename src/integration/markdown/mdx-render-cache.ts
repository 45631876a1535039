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
  /** Waits for the compiled modules still being written; rejects if one could not be. */
  flush(): Promise<void>;
  /** Deletes what this build did not use (after `flush`): the cache then holds one compiled module per entry. */
  prune(): Promise<void>;
}

interface Compiled {
  code: string;
  map: unknown;
  astroMetadata: unknown;
}

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
 */
export function cacheMdxRenders(processor: object, options: { root: string; folder: string; fingerprint: string }): MdxRenderCache {
  const counts: MdxRenderCounts = { compiled: 0, reused: 0 };
  const used = new Set<string>();
  // What the last build kept, listed once: a cold build then reads no file per entry to find it missing.
  const kept = new Set(listing(options.folder));
  const writes: Promise<void>[] = [];
  const processorOptions = (processor as { options?: unknown }).options ?? null;
  let shared: string | undefined;
  // Taken at the first compile: the link targets are registered before Vite starts.
  const everyEntry = () => (shared ??= hashText(options.fingerprint, JSON.stringify(processorOptions)));
  wrapRenderCalls(processor, "createMdxRenderer", "process", async (compile, args) => {
    const [content, id, frontmatter] = args as [string, string, unknown];
    const file = path.relative(options.root, id).split(path.sep).join("/");
    const runs = extractSnippets(file, content).snippets.map((s) => lookupRun(s.code) ?? null);
    const key = hashText(everyEntry(), file, content, JSON.stringify(frontmatter), JSON.stringify(runs));
    used.add(key);
    const name = `${key}.json`;
    const cached = path.join(options.folder, name);
    if (kept.has(name)) {
      try {
        const compiled = JSON.parse(readFileSync(cached, "utf8")) as Compiled;
        counts.reused++;
        return compiled;
      } catch {
        // Unreadable: compiled below.
      }
    }
    const compiled = (await compile(...args)) as Compiled;
    counts.compiled++;
    // Whole: a build stopped halfway never leaves half a module to reuse. Written while Vite
    // goes on; the build waits for every write before it ends (flush).
    const write = writeFileWholeAsync(cached, JSON.stringify({ code: compiled.code, map: compiled.map ?? null, astroMetadata: compiled.astroMetadata }));
    write.catch(() => undefined); // reported by flush()
    writes.push(write);
    return compiled;
  });
  return {
    counts: () => ({ ...counts }),
    async flush() {
      await Promise.all(writes);
    },
    async prune() {
      await this.flush();
      for (const name of listing(options.folder)) if (!used.has(name.replace(/\.json$/, ""))) rmSync(path.join(options.folder, name), { force: true });
    },
  };
}

/** The files of `folder`, none if there is no such folder yet. */
function listing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
