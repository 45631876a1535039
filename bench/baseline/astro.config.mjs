// The benchmark's baseline: a plain Astro 7 + MDX + Shiki site with none of Daybook's features,
// building the same synthetic journal. Configured only with what any such site would set.
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  outDir: process.env.BASELINE_OUT,
  cacheDir: process.env.BASELINE_CACHE,
  markdown: { shikiConfig: { themes: { light: "github-light-default", dark: "github-dark-default" } } },
  integrations: [mdx()],
});
