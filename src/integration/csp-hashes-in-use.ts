import { createHash } from "node:crypto";

/**
 * Astro's `security.csp` lists the same hashes in every page's policy: those of the inline
 * scripts and styles it knows of anywhere in the site, plus, once any renderer is registered
 * (MDX registers one), the island loader, its style and all five `client:*` directive scripts.
 * A Daybook page has no island and one inline script (the theme boot script), so eight of the
 * ten hashes allow code that is in no page: about 400 bytes (gzipped) of every page for nothing.
 *
 * `keepHashesInUse` leaves in `script-src` and `style-src` (and their `-elem` forms) only the
 * hashes of inline `<script>` and `<style>` elements the page itself contains. It only ever
 * removes sources, so a page's policy can only become stricter than Astro's; everything else in
 * the policy, and everything else in the page, is kept byte for byte.
 */
export function keepHashesInUse(html: string): string {
  const meta = POLICY_META.exec(html);
  if (!meta) return html;
  const inUse = inlineHashes(html);
  const policy = meta[2]!
    .split(";")
    .map((directive) => {
      const [name] = directive.trim().split(/\s+/, 1);
      if (!name || !HASHED_DIRECTIVES.has(name.toLowerCase())) return directive;
      return directive.replace(HASH_SOURCE, (source, algorithm: string, digest: string) => (inUse(algorithm.toLowerCase()).has(digest) ? source : ""));
    })
    .join(";");
  return html.slice(0, meta.index) + meta[1] + policy + meta[3] + html.slice(meta.index + meta[0].length);
}

/** Astro's policy element: `<meta http-equiv="content-security-policy" content="…">`. */
const POLICY_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(">)/i;
/** `'sha256-…'` with the space before it, so a removed source leaves no gap. */
const HASH_SOURCE = / ?'(sha256|sha384|sha512)-([A-Za-z0-9+/=_-]+)'/gi;
const HASHED_DIRECTIVES = new Set(["script-src", "script-src-elem", "style-src", "style-src-elem"]);
/** An inline element's text: a `<script>` without `src`, or a `<style>`. */
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/** The digests of the page's inline scripts and styles, per algorithm, computed once each. */
function inlineHashes(html: string): (algorithm: string) => Set<string> {
  const bodies = [...html.matchAll(INLINE)].filter((m) => m[1]!.toLowerCase() === "style" || !/\bsrc\s*=/i.test(m[2]!)).map((m) => m[3]!);
  const sets = new Map<string, Set<string>>();
  return (algorithm) => {
    let set = sets.get(algorithm);
    if (!set) sets.set(algorithm, (set = new Set(bodies.map((body) => createHash(algorithm).update(body).digest("base64")))));
    return set;
  };
}
