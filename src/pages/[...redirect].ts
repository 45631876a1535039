import type { APIRoute, GetStaticPaths } from "astro";
import config from "../../daybook.config.ts";
import { contentSecurityPolicy } from "../integration/content-security-policy.ts";
import { loadJournal } from "../lib/journal.ts";
import { redirectFile } from "../lib/old-permalinks.ts";
import { redirectPageHtml } from "../lib/redirect-page.ts";
import { entryPath, withBase } from "../lib/urls.ts";

/**
 * One small HTML page per old address an entry records in `redirectFrom` (see
 * src/schema/entry.ts), pointing at the entry's page. An endpoint rather than an .astro page so
 * `/2020/01/02/post.html` is written as that file, not as `post.html/index.html`; the
 * validator (src/integration/content/redirect-paths.ts) keeps these off the site's own pages.
 */
export const getStaticPaths = (async () => {
  const { entries } = await loadJournal();
  return entries.flatMap((entry) =>
    (entry.data.redirectFrom ?? []).map((from) => ({
      params: { redirect: redirectFile(from) },
      props: { from, day: entry.data.day, title: entry.data.title },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { from, day, title } = props as { from: string; day: number; title: string };
  const to = withBase(entryPath(day));
  const html = redirectPageHtml({
    from,
    to,
    canonical: new URL(to, site).href,
    label: `Day ${day}: ${title}`,
    language: config.language,
    policy: contentSecurityPolicy().directives ?? [],
  });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
};
