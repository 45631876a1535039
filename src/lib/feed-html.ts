/**
 * Prepares an entry's rendered HTML for a feed reader: highlighted code becomes plain
 * `<pre><code>` (feed readers drop the colours anyway, and the spans tripled the feed's size)
 * outside the box the page's Copy button sits in, links and images become absolute (readers have
 * no base URL), and attributes and elements that only the page's scripts use are dropped, and so
 * are an optimised image's srcset and sizes (their URLs are relative, and a reader shows the one
 * `src`).
 */
export function feedHtml(html: string, origin: string): string {
  const absolute = origin.replace(/\/$/, "");
  return html
    .replace(/<pre class="astro-code[^"]*"[^>]*>([\s\S]*?)<\/pre>/g, (_, inner: string) => `<pre><code>${inner.replace(/<[^>]+>/g, "")}</code></pre>`)
    .replace(/<div class="code-block">(<pre><code>[^<]*<\/code><\/pre>)<\/div>/g, "$1")
    .replace(/<daybook-snippet[^>]*>/g, '<div class="snippet">')
    .replace(/<\/daybook-snippet>/g, "</div>")
    .replace(/<a href="#[^"]*" class="heading-anchor"[^>]*><\/a>/g, "")
    .replace(/<img\s[^>]*>/g, (img) => img.replace(/\s(?:srcset|sizes|data-astro-image(?:-[a-z]+)?)="[^"]*"/g, ""))
    .replace(/\s(href|src)="\/(?!\/)/g, ` $1="${absolute}/`);
}
