import { createHash } from "node:crypto";
import { cacheKey } from "./cache-key.ts";
import { daybookSettings } from "./daybook-settings.ts";

/**
 * The `cacheKey` a page returns from `getStaticPaths()`, for Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs): when a page's key and the code it
 * depends on are those of the last build, Astro copies the page it rendered then instead of
 * rendering it again.
 *
 * So a key must change whenever the page would. The rule that makes that checkable: a keyed
 * page renders from its props and its code alone (it reads no journal, graph or setting at
 * render time), and its key is the hash of those props, together with what every page depends
 * on outside the code Astro hashes:
 * - Daybook's own source, the lock file and the Node version (src/integration/cache-key.ts): a
 *   change to the snippet runtime or a Markdown plugin changes pages that import none of it;
 * - the settings, which the environment can override (`DAYBOOK_SHARE_IMAGES`, the time zone).
 * Astro adds the page's module graph, its config and each MDX entry's compiled module, which
 * holds the entry's baked snippet output. tests/build/incremental-build.test.ts changes each
 * kind of input and compares the incremental build with a full one, byte for byte;
 * tests/unit/page-cache-key.test.ts checks that every setting and every source file is in the key.
 */
export function pageCacheKey(props: unknown): string {
  return createHash("sha256").update(everyPageFingerprint()).update("\0").update(JSON.stringify(props, entriesByHash)).digest("hex");
}

/**
 * Content-collection entries stand in a page's props by the hash of their JSON, each worked out
 * once: a tag page lists every entry with the tag, with its whole text, so a long journal's keys
 * were tens of megabytes of the same entries written out again for every page. An entry's hash
 * changes exactly when its JSON would, so the key changes when the page would, as before.
 */
const entryHashes = new WeakMap<object, string>();

function entriesByHash(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || !("collection" in value && "id" in value && "data" in value)) return value;
  let hash = entryHashes.get(value);
  if (hash === undefined) {
    hash = `entry:${createHash("sha256").update(JSON.stringify(value)).digest("base64")}`;
    entryHashes.set(value, hash);
  }
  return hash;
}

let everyPage: string | undefined;

/** What every page depends on outside its props and code: Daybook's source, lock file and Node version, and the settings. */
export function everyPageFingerprint(): string {
  if (everyPage === undefined) {
    // Where the project sits does not change a page; a CI runner's checkout path must not re-render every page.
    const { root, contentRoot: _contentRoot, ...settings } = daybookSettings();
    everyPage = JSON.stringify({ source: cacheKey(root).key, settings });
  }
  return everyPage;
}
