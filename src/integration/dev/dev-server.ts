// dev/: what `npm run dev` adds for the author: live snippet checks, every problem in the page,
// and Accept output. Nothing here runs in a build. This file wires them into Astro's dev server.

import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import type { ViteDevServer } from "vite";
import type { DaybookSettings } from "../daybook-settings.ts";
import { formatReport } from "../content/problem.ts";
import { DEV_EVENT, type DevClientConfig } from "../../client/dev/dev-protocol.ts";
import { DevJournal } from "./dev-journal.ts";
import { JournalCheckThread } from "./journal-check-thread.ts";
import { devMiddleware } from "./dev-middleware.ts";
import { devOrigins } from "./dev-guard.ts";
import { waitBeforeRendering } from "../markdown/render-wait.ts";
import { warmUp } from "./dev-warm-up.ts";

const CLIENT = fileURLToPath(new URL("../../client/dev/dev-client.ts", import.meta.url));

export interface DevSession {
  /** Adds the endpoints and the file watcher to the running dev server. */
  serve(server: ViteDevServer, logger: AstroIntegrationLogger): void;
}

/**
 * Starts checking the journal and its snippets, makes renders wait for the check in progress, and
 * puts the dev client, with this session's token, on every page.
 */
export async function startDevSession(options: {
  settings: DaybookSettings;
  processor: object;
  injectScript: (stage: "page", content: string) => void;
  logger: AstroIntegrationLogger;
}): Promise<DevSession> {
  const { settings, logger } = options;
  // Every validation runs in the check thread, the first one too: started here, the thread loads
  // its modules and parses every entry while Vite starts, so a save after the first page never
  // waits for that (about 2.4 s of CPU on 1,000 entries) and finds the thread's per-file results
  // ready: a re-check then parses the saved file alone.
  const thread = new JournalCheckThread(settings);
  // Its modules load while the start-up snippet check runs here (the validation waits for it).
  thread.start();
  const journal = new DevJournal(settings, () => thread.check());
  // The first check runs while Vite starts (it would otherwise delay start-up by about a second on
  // 1,000 entries); the first render waits for all of it, since the Markdown plugin reads the link
  // targets it registers. Later renders wait only for the snippet runs of the re-check in progress.
  const first = journal.refresh().then(
    () => logChecked(journal, logger),
    (error: unknown) => logger.error(`the journal could not be checked: ${(error as Error).stack ?? error}`),
  );
  // After the first check: the warm-up's threads would otherwise take CPU from the validation that
  // the first render waits for.
  void first.then(() => journal.snippetsSettled()).then(() => warmUp(journal));
  waitBeforeRendering(options.processor, async () => {
    await first;
    await journal.snippetsSettled();
  });
  // A new token per dev server: it reaches only pages this server serves.
  const token = randomBytes(32).toString("hex");
  const client: DevClientConfig = { base: settings.base, token };
  const clientUrl = `/${path.relative(settings.root, CLIENT).split(path.sep).join("/")}`;
  options.injectScript("page", `import { startDevClient } from ${JSON.stringify(clientUrl)};\nstartDevClient(${JSON.stringify(client)});`);

  return {
    serve(server, serverLogger) {
      const origins = () => {
        const address = server.httpServer?.address();
        const port = typeof address === "object" && address ? address.port : 0;
        const urls = [...(server.resolvedUrls?.local ?? []), ...(server.resolvedUrls?.network ?? [])];
        return devOrigins(port, urls, server.config.server.https ? "https:" : "http:");
      };
      server.middlewares.use(devMiddleware({ base: settings.base, journal, root: settings.root, contentRoot: settings.contentRoot, guard: () => ({ origins: origins(), token }) }));
      void first.then(() => logProblems(journal, serverLogger, false));
      server.httpServer?.once("close", () => void Promise.all([journal.close(), thread.close()]));
      let latest: Promise<void> | undefined;
      server.watcher.on("all", (event, file) => {
        // Hidden files are never read as content (Accept output's half-written copy is one).
        if (!file.startsWith(settings.contentRoot) || path.basename(file).startsWith(".")) return;
        // Synchronously, in the watcher's own event: Astro's re-render of the file then waits for it.
        const before = journal.problems().length;
        // A changed file is read alone; an added or removed one makes the check read every entry.
        const check = journal.refresh(event === "change" ? file : undefined);
        if (check === latest) return; // already queued by an earlier event, which reports it
        latest = check;
        void check.then(
          () => {
            logChecked(journal, serverLogger);
            logProblems(journal, serverLogger, before > 0);
            server.ws.send(DEV_EVENT, { version: journal.version });
          },
          (error: unknown) => serverLogger.error(`the journal could not be re-checked: ${(error as Error).stack ?? error}`),
        );
      });
    },
  };
}

function logChecked(journal: DevJournal, logger: AstroIntegrationLogger): void {
  const { snippets, ran, snippetMs, validateMs } = journal.lastCheck;
  const took = `snippets ${Math.round(snippetMs)} ms, journal ${Math.round(validateMs)} ms`;
  if (snippets) logger.info(`${snippets} snippets checked (${ran} run, ${snippets - ran} from cache; ${took})`);
  else logger.debug(`journal re-checked (${took})`);
}

/** The terminal keeps printing every problem, as the page shows them. */
function logProblems(journal: DevJournal, logger: AstroIntegrationLogger, hadProblems: boolean): void {
  const problems = journal.problems();
  if (problems.length) logger.error(`\n${formatReport(problems, "The pages show them too; pages for the affected files may be stale until they are fixed.")}`);
  else if (hadProblems) logger.info("the journal is valid again");
}
