// Daybook's site: a table of contents. Everything a maintainer sets lives in daybook.config.ts.
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { daybook } from "./src/integration/daybook-integration.ts";
import { daybookSettings } from "./src/integration/daybook-settings.ts";
import { snippetBlocks } from "./src/integration/snippets/mdast-snippets.ts";
import { authorMarkup } from "./src/integration/markdown/mdast-author-markup.ts";
import { entryImages } from "./src/integration/images/mdast-images.ts";
import { HAST_PLUGINS } from "./src/integration/markdown/hast-plugins.ts";
import { proseDollars } from "./src/integration/markdown/mdast-prose-dollars.ts";
import { withMarkdownFingerprint } from "./src/integration/markdown/markdown-fingerprint.ts";
import { entryLinks } from "./src/integration/links/mdast-entry-links.ts";
import { generatedCss } from "./src/integration/styles/vite-generated-css.ts";
import { contentSecurityPolicy } from "./src/integration/content-security-policy.ts";
import { pageConcurrency } from "./src/integration/machine-budget.ts";
import { daybookCacheDir } from "./src/integration/daybook-cache.ts";
import { MDX_OPTIONS } from "./src/integration/markdown/mdx-options.ts";

const settings = daybookSettings();

export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: "always",
  // Astro's dev toolbar is for pages with framework islands, which Daybook has none of; Daybook's
  // own dev panel shows the journal's problems. Without it a dev page makes 51 requests instead
  // of 74, and a save made right after a page opens shows about 40% sooner (bench/dev-loop.ts).
  devToolbar: { enabled: false },
  // Tests and the benchmark build other journals side by side without sharing output or caches.
  outDir: process.env.DAYBOOK_OUT || "./dist",
  // .cache/daybook/ (src/integration/daybook-cache.ts): kept between builds, and between deploys in CI.
  cacheDir: daybookCacheDir(settings.root),
  build: {
    format: "directory",
    // Pages render a few at a time (two per core, fewer when memory is short), so share images,
    // rendered in worker threads, overlap with them.
    concurrency: pageConcurrency(),
  },
  security: { csp: contentSecurityPolicy() },
  experimental: {
    // Entry and tag pages whose key (src/integration/page-cache-key.ts) and code are those of the
    // last build are copied from it (Astro keeps them in cacheDir) instead of rendered again.
    incrementalBuild: true,
  },
  markdown: {
    // authorMarkup first: it judges only what the author wrote (MDX uses this processor too).
    // HAST_PLUGINS: mathsToMathml before codeHighlight (a maths block that does not parse stays code).
    // withMarkdownFingerprint: a change to Daybook's Markdown plugins re-renders cached pages.
    processor: withMarkdownFingerprint(settings.root, satteri({
      mdastPlugins: [authorMarkup, entryImages(settings), proseDollars, entryLinks, snippetBlocks],
      hastPlugins: HAST_PLUGINS,
      features: { math: true },
    })),
    // Shiki runs in codeHighlight, which writes classes instead of the style attributes a strict CSP forbids.
    syntaxHighlight: false,
  },
  // MDX_OPTIONS: an entry's elements that no component replaces are compiled to HTML ahead.
  integrations: [daybook(settings), mdx(MDX_OPTIONS), sitemap()],
  vite: {
    plugins: [generatedCss()],
    // In dev, Vite transforms a server-rendered module only when the page's code imports it, one
    // module after another; pre-transforming each module's static imports as soon as it is
    // transformed (as Vite does for the browser) lets the first page's modules compile side by side
    // instead: the first page of a warm `npm run dev` comes about 1.5 s sooner on 1,000 entries.
    server: { preTransformRequests: true },
    build: {
      // Scripts and stylesheets stay files of their own, cached across pages, instead of being
      // repeated inline in every page (and hashed into every page's Content-Security-Policy).
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn: ignoreKnownAstroWarnings,
        // A page renders one entry's compiled MDX module, through a small module Astro wraps each
        // entry in (`…?astroPropagatedAssets`). As chunks of their own, 1,000 entries were 2,000
        // files for the build to write, and to resolve and load one at a time as pages render; in
        // two chunks they are two files, loaded once (with the code they share). The pages are the
        // same, and Astro's incremental build hashes modules, not chunks. Only the server build has them.
        output: {
          codeSplitting: {
            groups: [
              { name: "entry-wrappers", test: /\?astroPropagatedAssets$/ },
              { name: "entries", test: /\.mdx$/ },
            ],
          },
        },
      },
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
