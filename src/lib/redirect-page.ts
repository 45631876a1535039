import { escapeXml } from "./escape-xml.ts";

export interface RedirectPage {
  /** The old address, e.g. `/2020/01/02/my-post.html` (shown to the reader). */
  from: string;
  /** The entry's page under the base path, e.g. `/journal/day/5/`. */
  to: string;
  /** The same page as an absolute URL, for the canonical link. */
  canonical: string;
  /** What the link says, e.g. `Day 5: My post`. */
  label: string;
  language: string;
  /** The site's Content-Security-Policy directives; scripts and styles are then refused outright. */
  policy: readonly string[];
}

/**
 * A redirect page as static hosts serve them: a meta refresh (no script, so it works under the
 * site's CSP and without JavaScript), a canonical link so search engines move the old address's
 * rank to the entry, `noindex`, and a visible link for readers whose browser does not refresh.
 */
export function redirectPageHtml(page: RedirectPage): string {
  const policy = [...page.policy.filter((d) => !/^(script|style)-src\b/.test(d)), "script-src 'none'", "style-src 'none'"].join("; ");
  const to = escapeXml(page.to);
  return `<!doctype html>
<html lang="${escapeXml(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(policy)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${to}">
<link rel="canonical" href="${escapeXml(page.canonical)}">
<title>Moved: ${escapeXml(page.label)}</title>
</head>
<body>
<p>This page moved from <code>${escapeXml(page.from)}</code> to <a href="${to}">${escapeXml(page.label)}</a>.</p>
</body>
</html>
`;
}
