import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { journalDaysFolder, type DaybookSettings } from "./daybook-settings.ts";
import { readJournalHistoryAhead } from "./git-dates/git-dates-reused.ts";
import type { Journal } from "./content/journal-validate.ts";
import { JournalError, type Problem } from "./content/problem.ts";
import type { SnippetReport } from "./snippets/snippet-check.ts";
import { registerRuns } from "./snippets/snippet-registry.ts";
import { receiveRenderedPages } from "./search/search-offer.ts";
import { serveLastSearchIndex } from "./search/dev-search-index.ts";
import type { DevSession } from "./dev/dev-server.ts";
import { TypecheckThread } from "./dev/typecheck-thread.ts";
import { shareImageCounts } from "./share-images/og-image-counts.ts";
import type { MdxRenderCache } from "./markdown/mdx-render-cache.ts";
import { waitBeforeRendering } from "./markdown/render-wait.ts";
import type { SearchIndexThread } from "./search/search-index-thread.ts";
import type { ContentRulesCache } from "./content/content-rules-cache.ts";
import type { ShareImages } from "./share-images/share-images-ahead.ts";
import type { GraphsAhead } from "./graph/graphs-ahead.ts";

import { daybookCacheDir, MDX_CACHE_FOLDER } from "./daybook-cache.ts";
import { renderIndexedPagesFirst } from "./render-order.ts";
import { noRenderCounts, renderOnTwoThreads, renderCountsLine } from "./render/render-two-threads.ts";
import { addDrawings } from "../lib/graph/graph-drawn-ahead.ts";

type BuildSteps = typeof import("./build-steps.ts");
/** What only a build needs (build-steps.ts), loaded when one starts. */
const buildSteps = (): Promise<BuildSteps> => import("./build-steps.ts");

/** Validates the journal before Astro reads it and checks that every entry became a page. */
export function daybook(settings: DaybookSettings): AstroIntegration {
  let journal: Journal | undefined;
  let dev: DevSession | undefined;
  let mdx: MdxRenderCache | undefined;
  let search: SearchIndexThread | undefined;
  /** Daybook's cache key (cache-key.ts): its code, dependencies and Node. */
  let buildKey = "";
  let steps: BuildSteps | undefined;
  /** A build's share images, drawn from its start and published at its end. */
  let shareImages: ShareImages | undefined;
  /** Where a build writes the site. */
  let outDir = "";
  /** A build's tag graphs, drawn while Vite bundles, for the pages to take. */
  let graphs: GraphsAhead | undefined;
  /** A build's snippet check, which runs while Vite bundles; settles only if every snippet passed. */
  let snippetsChecked: Promise<void> | undefined;
  const cacheDir = daybookCacheDir(settings.root);
  /** Where a build's pages were rendered (render/render-two-threads.ts). */
  let renderCounts = noRenderCounts();
  return {
    name: "daybook",
    hooks: {
      "astro:config:setup": async ({ command, logger, config, injectScript, addMiddleware }) => {
        // git reads the entries' history (for their "updated" dates) beside everything below.
        if ((command === "build" || command === "dev") && process.env.DAYBOOK_GIT_DATES !== "off") readJournalHistoryAhead(settings.root, journalDaysFolder(settings));
        // Built pages' policies name only the inline code each page has (csp-hashes-in-use.ts).
        if (command === "build") addMiddleware({ entrypoint: new URL("./csp-hashes-middleware.ts", import.meta.url), order: "post" });
        if (command === "dev") {
          // Dev checks live, shows problems in the page and never stops for them: src/integration/dev/.
          // Loaded here: a build needs none of the dev server's modules.
          const { startDevSession } = await import("./dev/dev-server.ts");
          dev = await startDevSession({ settings, processor: config.markdown.processor, injectScript, logger });
          return;
        }
        steps = await buildSteps();
        const { cacheKey, startShareImages, cacheMdxRenders, everyPageFingerprint } = steps;
        buildKey = cacheKey(settings.root).key;
        logger.info(`cache: ${path.relative(settings.root, cacheDir) || "."} (valid for ${buildKey})`);
        // TypeScript loads and parses its library files in a thread of its own while this one reads the journal.
        const typecheck = new TypecheckThread(settings.root);
        typecheck.start();
        // The content rules' results of the last build are reused for the files that did not change.
        const contentRules = new steps.ContentRulesCache(cacheDir, buildKey);
        const stop = (problems: Problem[]): never => {
          // A stack trace would only bury the report, so print it and stop here.
          logger.error(`\n${new JournalError(problems).message}`);
          process.exit(1);
        };
        const report = (snippets: SnippetReport) => {
          registerRuns(snippets.runs);
          const { runs, ran } = snippets;
          if (runs.length) logger.info(`${runs.length} snippets checked (${ran} run, ${runs.length - ran} from cache)`);
        };
        if (command !== "build") {
          const checked = await checkJournal(settings, { includeDrafts: false, typecheck, contentRules }).finally(() => typecheck.close());
          journal = checked.journal;
          if (checked.snippets) report(checked.snippets);
          if (journal.problems.length) stop(journal.problems);
          return;
        }
        journal = steps.loadJournal(settings, undefined, contentRules);
        if (journal.problems.length) {
          typecheck.close();
          stop(journal.problems);
        }
        // Share images start as soon as the journal is valid (share-images/og-render-pool.ts says why).
        if (settings.shareImages) shareImages = startShareImages(journal, settings);
        const processor = config.markdown.processor;
        mdx = cacheMdxRenders(processor, { root: settings.root, folder: path.join(cacheDir, MDX_CACHE_FOLDER), fingerprint: everyPageFingerprint() });
        // Snippets are checked while Vite bundles, which needs their output only where it compiles
        // an entry holding one: every render but those of files known to hold none waits for the
        // check (markdown/render-wait.ts), and a problem stops the build before any page is written.
        const sources = steps.snippetSources(settings, journal, false);
        const free = steps.filesWithoutSnippets(settings, journal, sources);
        snippetsChecked = steps
          .checkJournalSnippets(settings, journal, { includeDrafts: false, typecheck, sources })
          .finally(() => typecheck.close())
          .then((snippets) => {
            report(snippets);
            if (snippets.problems.length) stop(snippets.problems);
          })
          .catch((error: unknown) => {
            logger.error(`the snippet check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            process.exit(1);
          });
        waitBeforeRendering(processor, () => snippetsChecked!, (file) => !free.has(path.resolve(file)));
      },
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:start": ({ setPrerenderer }) => {
        if (!journal) return;
        // Pagefind indexes pages as they render, in a thread of its own (search/search-index-thread.ts),
        // and writes the index once it has them all, while the pages outside it render (render-order.ts).
        // A warm build's thread also reads the last build's copies of unchanged pages while Vite bundles.
        const lastBuild = { root: settings.root, cacheDir, journal: steps!.journalDigest(journal, settings, buildKey) };
        search = new steps!.SearchIndexThread(journal, settings.base, outDir, lastBuild);
        const counts = (renderCounts = noRenderCounts());
        setPrerenderer((astro) => renderOnTwoThreads(renderIndexedPagesFirst(astro), outDir, counts));
        receiveRenderedPages(search);
        graphs = steps!.drawGraphsAhead(journal, settings.base);
      },
      "astro:server:setup": ({ server, logger }) => {
        serveLastSearchIndex(server.middlewares, settings);
        dev?.serve(server, logger);
      },
      "astro:build:done": async ({ dir, logger }) => {
        // Every render waited for it already; a journal without entries has nothing that did.
        await snippetsChecked;
        const outDir = fileURLToPath(dir);
        const missing = missingPages(outDir, journal!, settings.base);
        if (missing.length) throw new JournalError(missing, "The build output is incomplete; it is in dist/ but must not be deployed.");
        logger.info(`${journal!.entries.filter((e) => !e.data.draft).length} entries and ${journal!.tags.length} tags built`);
        const searchStarted = performance.now();
        receiveRenderedPages(undefined);
        // Pagefind writes its files while the share images are copied into the output, and while
        // the rest of this step runs here (the compiled MDX pack alone is about 0.15 s of this thread).
        const finishing = Promise.all([
          search ? search.finish(outDir) : (steps ?? (await buildSteps())).buildSearchIndex(outDir, journal!),
          shareImages?.publish(outDir),
        ]);
        finishing.catch(() => undefined); // awaited below, after the MDX pack is written
        if (renderCounts.started) logger.info(renderCountsLine(renderCounts));
        if (graphs) {
          const { asked, drawnAhead, taken } = addDrawings(await graphs.finish(), renderCounts.drawings);
          logger.info(`tag graphs: ${asked} shown, ${drawnAhead} drawn ahead from the same data, ${taken} taken ready-drawn`);
        }
        if (mdx) {
          const { compiled, reused } = mdx.counts();
          if (compiled + reused) logger.info(`${compiled + reused} MDX entries (${compiled} compiled, ${reused} from cache)`);
          await mdx.prune();
        }
        const [index, published] = await finishing;
        if (published !== undefined) {
          // Published cards that were not rendered came from the share-image cache.
          const { rendered } = shareImageCounts();
          logger.info(`${published} share images (${rendered} rendered, ${published - rendered} from cache)`);
        } else logger.info("share images: off (shareImages in daybook.config.ts)");
        if (index.problems.length) throw new JournalError(index.problems, "The search index is incomplete; the output must not be deployed.");
        logger.info(`search index: ${index.pages} pages (${index.asRendered} read as rendered, ${index.fromLastBuild} from the last build) in ${((performance.now() - searchStarted) / 1000).toFixed(2)} s`);
      },
    },
  };
}

/**
 * Everything that stops a build before Astro starts: the journal's rules, then (only if they
 * pass) every snippet, whose problems join the journal's.
 */
export async function checkJournal(
  settings: DaybookSettings,
  options: { includeDrafts: boolean; today?: string; typecheck?: TypecheckThread; contentRules?: ContentRulesCache },
): Promise<{ journal: Journal; snippets?: SnippetReport }> {
  const { loadJournal, checkJournalSnippets } = await buildSteps();
  const journal = loadJournal(settings, options.today, options.contentRules);
  if (journal.problems.length > 0) return { journal };
  const snippets = await checkJournalSnippets(settings, journal, { includeDrafts: options.includeDrafts, ...(options.typecheck && { typecheck: options.typecheck }) });
  journal.problems.push(...snippets.problems);
  return { journal, snippets };
}

/** One page per published entry and per tag, or the build is not trusted. */
function missingPages(outDir: string, journal: Journal, base: string): Problem[] {
  const expected = [
    ...journal.entries.filter((e) => !e.data.draft).map((e) => ({ file: e.file, page: `day/${e.data.day}/index.html` })),
    ...journal.tags.map((t) => ({ file: t.file, page: `tags/${t.id}/index.html` })),
  ];
  return expected
    .filter(({ page }) => !existsSync(path.join(outDir, page)))
    .map(({ file, page }) => ({ file, message: `no page was written for this file (expected ${base}${page})`, fix: "look above for an error Astro printed while rendering it" }));
}
