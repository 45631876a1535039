// The order a build renders pages in (src/integration/render-order.ts): the searchable pages first,
// entries before tags, every page kept and each route's pages in Astro's order.
import { describe, expect, it } from "vitest";
import type { AstroPrerenderer } from "astro";
import { indexedPagesFirst, renderIndexedPagesFirst } from "../../src/integration/render-order.ts";

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer["getStaticPaths"]>>[number];
const at = (pathname: string, route: string) => ({ pathname, route: { route } }) as unknown as PathWithRoute;

/** Astro's order: routes by path, so the tags' pages after the graph, feed, runner and search pages. */
const ASTRO_ORDER = [
  at("/404", "/404"),
  at("/archive/", "/archive"),
  at("/day/1/", "/day/[day]"),
  at("/day/2/", "/day/[day]"),
  at("/graph/", "/graph"),
  at("/rss.xml", "/rss.xml"),
  at("/search/", "/search"),
  at("/tags/retries/", "/tags/[id]"),
  at("/tags/backpressure/", "/tags/[id]"),
  at("/tags/", "/tags"),
  at("/", "/"),
  at("/day/10/", "/day/[day]"),
];

describe("the order a build renders pages in", () => {
  it("puts entries, then tags, before every other page, each route's pages in Astro's order", () => {
    expect(indexedPagesFirst(ASTRO_ORDER).map((p) => p.pathname)).toEqual([
      "/day/1/", "/day/2/", "/day/10/",
      "/tags/retries/", "/tags/backpressure/",
      "/404", "/archive/", "/graph/", "/rss.xml", "/search/", "/tags/", "/",
    ]);
  });

  it("names the routes of the pages the search index holds (src/pages)", async () => {
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(new URL("../../src/pages/day/", import.meta.url))).toContain("[day].astro");
    expect(readdirSync(new URL("../../src/pages/tags/", import.meta.url))).toContain("[id].astro");
  });

  it("leaves rendering, setup and teardown to Astro's own prerenderer", async () => {
    const calls: string[] = [];
    const astro: AstroPrerenderer = {
      name: "astro:default",
      setup: async () => void calls.push("setup"),
      getStaticPaths: async () => ASTRO_ORDER,
      render: async (request) => new Response(`rendered ${new URL(request.url).pathname}`),
      teardown: async () => void calls.push("teardown"),
    };
    const ours = renderIndexedPagesFirst(astro);
    await ours.setup?.();
    expect((await ours.getStaticPaths()).length).toBe(ASTRO_ORDER.length);
    const response = (await ours.render(new Request("https://example.org/day/1/"), { routeData: ASTRO_ORDER[2]!.route })) as Response;
    expect(await response.text()).toBe("rendered /day/1/");
    await ours.teardown?.();
    expect(calls).toEqual(["setup", "teardown"]);
  });
});
