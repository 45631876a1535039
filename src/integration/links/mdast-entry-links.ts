import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineMdastPlugin, type MdastVisitorContext, type MdxJsxFlowElement, type MdxJsxTextElement } from "satteri";
import { resolveEntryLink, type LinkTargets } from "./entry-link-resolve.ts";
import { htmlAttributes } from "./html-attributes.ts";
import { publishedLinks, registeredLinkTargets } from "./link-targets.ts";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * Publishes the links an author wrote, in `.md` and `.mdx` alike: a path from `/` gets the
 * site's base path (`/day/8/` → `/journal/day/8/`), and a relative link to an entry's or tag's
 * file becomes its page (`./002-second.md#why` → `/journal/day/2/#why`), in links, reference
 * definitions and the `href` of raw HTML or JSX `<a>`. Anything else is left as written; a
 * link to a missing file never gets here, since the journal check stops the build first.
 */
export const entryLinks = defineMdastPlugin({
  name: "daybook-entry-links",
  // Part of the config's JSON, which decides when Astro's cached pages are stale.
  published: publishedLinks,
  link(node, ctx) {
    const url = publisher(ctx)(node.url);
    if (url !== undefined) ctx.setProperty(node, "url", url);
  },
  definition(node, ctx) {
    const url = publisher(ctx)(node.url);
    if (url !== undefined) ctx.setProperty(node, "url", url);
  },
  html(node, ctx) {
    const value = rewriteHrefs(node.value, publisher(ctx));
    if (value !== node.value) ctx.setProperty(node, "value", value);
  },
  mdxJsxFlowElement: (node, ctx) => jsx(node, ctx, publisher(ctx)),
  mdxJsxTextElement: (node, ctx) => jsx(node, ctx, publisher(ctx)),
});

/** Publishes URLs written in the document `ctx` is compiling; leaves them all as written outside a registered journal. */
function publisher(ctx: MdastVisitorContext): (url: string) => string | undefined {
  const registered = registeredLinkTargets();
  if (!registered || !ctx.fileURL) return () => undefined;
  const from = path.relative(registered.root, fileURLToPath(ctx.fileURL)).split(path.sep).join("/");
  return (url) => publishedUrl(url, from, registered.targets);
}

/** The URL to publish instead of `url`, or undefined to leave it as written. */
export function publishedUrl(url: string, from: string, targets: LinkTargets): string | undefined {
  const target = resolveEntryLink(url, from, targets);
  return target.kind === "rewrite" ? target.url : undefined;
}

/** `html` with the `href` of each tag published; the rest of the text stays byte for byte. */
export function rewriteHrefs(html: string, publish: (url: string) => string | undefined): string {
  let out = "";
  let done = 0;
  for (const a of htmlAttributes(html)) {
    if (a.name !== "href") continue;
    const url = publish(a.value);
    if (url === undefined) continue;
    // The value is written back as the page reads it: quoted, with `&` and the quote as references.
    const quoted = html[a.offset - 1] === '"' || html[a.offset - 1] === "'";
    const quote = quoted ? html[a.offset - 1]! : '"';
    const escaped = url.replaceAll("&", "&amp;").replaceAll(quote, quote === '"' ? "&quot;" : "&#39;");
    out += html.slice(done, a.offset) + (quoted ? escaped : `"${escaped}"`);
    done = a.offset + a.length;
  }
  return done === 0 ? html : out + html.slice(done);
}

function jsx(node: JsxElement, ctx: MdastVisitorContext, publish: (url: string) => string | undefined): void {
  let changed = false;
  const attributes = node.attributes.map((a) => {
    if (a.type !== "mdxJsxAttribute" || a.name !== "href" || typeof a.value !== "string") return a;
    const url = publish(a.value);
    if (url === undefined) return a;
    changed = true;
    return { ...a, value: url };
  });
  if (!changed) return;
  // Attributes cannot be set in place on a JSX node, so the element is replaced by a copy.
  ctx.replaceNode(node, [{ ...node, attributes, data: { ...node.data, _mdxExplicitJsx: true } } as JsxElement]);
}
