// Daybook's site: a table of contents. Everything a maintainer sets lives in daybook.config.ts.
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { daybook } from "./src/build/daybook-integration.ts";
import { daybookSettings } from "./src/build/daybook-settings.ts";
import { headingAnchors } from "./src/build/hast-heading-anchors.ts";
import { snippetBlocks } from "./src/build/mdast-snippets.ts";
import { CODE_THEMES } from "./src/build/code-themes.ts";

const settings = daybookSettings();

export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: "always",
  // Tests and the benchmark build other journals side by side without sharing output or caches.
  outDir: process.env.DAYBOOK_OUT || "./dist",
  cacheDir: process.env.DAYBOOK_CACHE || "./node_modules/.astro",
  build: { format: "directory" },
  markdown: {
    processor: satteri({ mdastPlugins: [snippetBlocks], hastPlugins: [headingAnchors] }),
    shikiConfig: { themes: CODE_THEMES, wrap: false },
  },
  integrations: [daybook(settings), mdx(), sitemap()],
  vite: {
    build: {
      rolldownOptions: { onwarn: ignoreKnownAstroWarnings },
      // The largest chunk is the snippet editor (CodeMirror 6 with TypeScript), which loads only
      // when a reader presses Edit; pages never load it up front.
      chunkSizeWarningLimit: 650,
    },
  },
});

/**
 * Astro 7 marks every MDX module with a "use astro:head-inject" directive that the bundler
 * warns about once per entry (withastro/astro#18087, harmless). Hiding it keeps real warnings
 * visible; every other warning still reaches the log, and the build wrapper fails on content ones.
 */
function ignoreKnownAstroWarnings(warning, warn) {
  if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
  warn(warning);
}
