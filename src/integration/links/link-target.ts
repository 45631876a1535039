/** What a URL in a built page points at, before looking at the files. */
export type LinkTarget =
  /** Another site (http, https, protocol-relative) or a scheme a browser hands elsewhere (mailto:, tel:, data:, blob:…): not checked. */
  | { kind: "external" }
  /** `javascript:`: a link that does nothing without JavaScript and is blocked by a strict CSP. */
  | { kind: "script" }
  | { kind: "invalid"; reason: string }
  /** A path on this site outside the base path, e.g. `/day/1/` when the site lives under `/journal/`. */
  | { kind: "outside-base"; pathname: string }
  | {
      kind: "internal";
      /** Decoded URL path, e.g. `/journal/day/1/`. */
      pathname: string;
      /** The same path relative to the output folder, e.g. `day/1/`. */
      rest: string;
      /** Without the `#`, still percent-encoded; undefined when the URL has no `#`. */
      fragment: string | undefined;
    };

const ORIGIN = "http://daybook.invalid";

/**
 * Resolves `value` (an `href` or `src` as the browser reads it) against the page's URL,
 * e.g. `/journal/day/1/`, or the page's `<base href>` when it has one.
 */
export function resolveLink(value: string, pageUrl: string, base: string, baseHref?: string): LinkTarget {
  // Browsers drop tabs and newlines anywhere in a URL and spaces and controls at its ends.
  const url = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === "javascript") return { kind: "script" };
  if (scheme !== undefined || url.startsWith("//")) return { kind: "external" };
  let resolved: URL;
  try {
    const page = new URL(pageUrl, ORIGIN);
    resolved = new URL(url, baseHref === undefined ? page : new URL(baseHref, page));
  } catch {
    return { kind: "invalid", reason: "it is not a valid URL" };
  }
  if (resolved.origin !== ORIGIN) return { kind: "external" }; // a <base href> to another site
  let pathname: string;
  try {
    pathname = decodeURIComponent(resolved.pathname);
  } catch {
    return { kind: "invalid", reason: "its path has a malformed %-escape" };
  }
  const fragment = resolved.hash ? resolved.hash.slice(1) : undefined;
  if (!pathname.startsWith(base)) {
    // `/journal` is the base folder itself: the host redirects it to `/journal/`.
    if (`${pathname}/` !== base) return { kind: "outside-base", pathname };
    return { kind: "internal", pathname, rest: "", fragment };
  }
  return { kind: "internal", pathname, rest: pathname.slice(base.length), fragment };
}

/** The files in the output folder a path can be served from, most likely first. */
export function candidateFiles(rest: string): string[] {
  if (rest === "" || rest.endsWith("/")) return [`${rest}index.html`];
  return [rest, `${rest}/index.html`];
}

/** The URL a built file is served at: `day/1/index.html` → `/journal/day/1/`. */
export function pageUrlOf(htmlFile: string, base: string): string {
  return base + htmlFile.replace(/(^|\/)index\.html$/, "$1");
}

/** Whether `fragment` names an anchor in `anchors`: as written, percent-decoded, or the implicit `#top`. */
export function fragmentMatches(fragment: string, anchors: ReadonlySet<string>): boolean {
  if (fragment === "" || anchors.has(fragment)) return true;
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // keep it as written
  }
  return anchors.has(decoded) || decoded.toLowerCase() === "top";
}
