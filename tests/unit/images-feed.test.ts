import { describe, expect, it } from "vitest";
import { feedHtml } from "../../src/lib/feed-html.ts";

describe("optimised images in the feed", () => {
  it("keep an absolute src, width, height and alt, and lose the srcset and sizes whose URLs are relative", () => {
    const page =
      '<p><img src="/journal/_astro/wide.A_1.webp" srcset="/journal/_astro/wide.A_2.webp 640w, /journal/_astro/wide.A_1.webp 1200w" alt="A gradient" sizes="(min-width: 44rem) 44rem, 100vw" loading="lazy" decoding="async" data-astro-image="constrained" data-astro-image-fit="cover" data-astro-image-pos="center" width="1200" height="600"></p>';
    expect(feedHtml(page, "https://me.example/")).toBe(
      '<p><img src="https://me.example/journal/_astro/wide.A_1.webp" alt="A gradient" loading="lazy" decoding="async" width="1200" height="600"></p>',
    );
  });

  it("leave remote images as they are", () => {
    const page = '<img src="https://img.example.com/a.png" alt="A" loading="lazy" decoding="async">';
    expect(feedHtml(page, "https://me.example/")).toBe(page);
  });
});
