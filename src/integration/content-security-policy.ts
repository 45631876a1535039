import { createHash } from "node:crypto";
import type { AstroUserConfig } from "astro";
import { THEME_BOOT_SCRIPT } from "../lib/theme-boot-script.ts";
import config from "../../daybook.config.ts";

type Csp = Exclude<NonNullable<NonNullable<AstroUserConfig["security"]>["csp"]>, boolean>;

/**
 * The Content-Security-Policy every page carries (Astro writes it as a `<meta>` tag and adds the
 * hashes of the scripts and styles it emits). Each source is here for one named reason:
 * - scripts come only from this site, plus the theme boot script by its hash; `'wasm-unsafe-eval'`
 *   lets Pagefind compile its WebAssembly;
 * - images come from this site (Astro's optimised files), `data:` URLs and, unless `remoteImages` is
 *   false in daybook.config.ts, any `https:` site (entries may show remote images); never `http:`;
 * - styles come from this site or are hashed by Astro; no `style` attributes (code is coloured
 *   with classes, see shiki-token-classes.ts);
 * - connections (Pagefind's index, the snippet runtime) and frames (the snippet sandbox) stay on
 *   this site; nothing is embedded from elsewhere, and no plugins, forms or `<base>` elsewhere.
 * Snippet code never runs under this policy: the sandbox page carries its own, stricter one.
 */
export function contentSecurityPolicy({ remoteImages = config.remoteImages }: { remoteImages?: boolean } = {}): Csp {
  return {
    algorithm: "SHA-256",
    directives: [
      "default-src 'self'",
      `img-src 'self' data:${remoteImages ? " https:" : ""}`,
      "connect-src 'self'",
      "frame-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [`sha256-${createHash("sha256").update(THEME_BOOT_SCRIPT).digest("base64")}`] },
    styleDirective: { resources: ["'self'"] },
  };
}
