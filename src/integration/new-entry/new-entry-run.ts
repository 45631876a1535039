// new-entry/: `npm run new`: arguments, the next day and date, tags, the file it writes (never
// over an existing one). This file runs the command.

import path from "node:path";
import { TagIndex } from "../../lib/tag-index.ts";
import { entryPath, withBase } from "../../lib/urls.ts";
import { loadJournal } from "../journal-load.ts";
import { daybookSettings, type DaybookSettings } from "../daybook-settings.ts";
import { readSourceFiles } from "../content/journal-read.ts";
import { formatReport } from "../content/problem.ts";
import { describePlacement } from "./new-entry-placement.ts";
import { USAGE, parseNewEntryArgs } from "./new-entry-args.ts";
import { checkPlan } from "./new-entry-check.ts";
import { todayFor } from "./new-entry-date.ts";
import { planEntry, type EntryPlan } from "./new-entry-plan.ts";
import { askForMissing } from "./new-entry-prompt.ts";
import { formatRefusal, isRefusal, refuse, type Refusal } from "./new-entry-refusal.ts";
import { writePlannedFiles } from "./new-entry-write.ts";

export interface NewEntryIO {
  /** Arguments after the script name. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Project root (where daybook.config.ts is); the content folder is resolved from it. */
  root: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: Date;
}

/** `npm run new`: plans, checks and writes a new entry; returns the exit code. */
export async function runNewEntry(io: NewEntryIO): Promise<number> {
  const fail = (refusal: Refusal) => {
    io.stderr.write(`${formatRefusal(refusal)}\n`);
    return 1;
  };
  const args = parseNewEntryArgs(io.argv);
  if (isRefusal(args)) return fail(args);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let settings: DaybookSettings;
  try {
    settings = daybookSettings(io.env, io.root);
  } catch (error) {
    return fail(refuse((error as Error).message, "correct it and run the command again"));
  }
  const today = todayFor(io.env, settings.timeZone, io.now);
  if (isRefusal(today)) return fail(today);

  const daysAbs = path.join(settings.contentRoot, "days");
  const tagsAbs = path.join(settings.contentRoot, "tags");
  const daysDir = display(io.root, daysAbs);
  const tagsDir = display(io.root, tagsAbs);

  const journal = loadJournal(settings, today);
  // A missing days folder is reported against the folder itself; creating the first entry fixes it.
  const existing = journal.problems.filter((p) => p.file !== daysDir);
  if (existing.length) {
    io.stderr.write(`${formatReport(existing, "These were there before this command; the new entry is added anyway, but `npm run build` fails until they are fixed.")}\n\n`);
  }
  const index = new TagIndex(journal.tags.map((t) => ({ id: t.id, aliases: t.data.aliases })));

  let { title, tags } = args;
  if (title === undefined || tags.length === 0) {
    if (io.stdin.isTTY) {
      try {
        ({ title, tags } = await askForMissing({ title, tags }, index.ids, io.stdin, io.stdout));
      } catch {
        return fail(refuse("the questions were cancelled before a title and tags were given", "run the command again, or pass them on the command line"));
      }
    } else if (title === undefined) {
      return fail(refuse("no title was given, and there is no terminal to ask for one", `pass the title as an argument\n\n${USAGE}`));
    }
  }

  const days = readSourceFiles(settings.root, daysAbs);
  const tagFiles = readSourceFiles(settings.root, tagsAbs);
  const plan = planEntry({ title, tags, date: args.date, day: args.day, createTags: args.createTags }, { today, timeZone: settings.timeZone, days, tagFiles, index, daysDir, tagsDir });
  if (isRefusal(plan)) return fail(plan);
  const invalid = checkPlan(plan, days, tagFiles, { today, timeZone: settings.timeZone, maxEntryBytes: settings.maxEntryBytes });
  if (invalid) return fail(invalid);
  const written = writePlannedFiles(io.root, plan);
  if (isRefusal(written)) return fail(written);

  io.stdout.write(successMessage(plan, withBase(entryPath(plan.day), settings.base)));
  return 0;
}

function successMessage(plan: EntryPlan, page: string): string {
  const stubs = plan.tags.map((t) => `Created ${t.path}, a stub tag: write its explanation.\n`).join("");
  return `${stubs}Created ${plan.entry.path}
  day ${plan.day}, ${plan.date}, tags: ${plan.tagIds.join(", ")}
  ${describePlacement(plan.placement).replace(/\n/g, "\n  ")}
  Replace the summary placeholder and the example text before you publish.

Next:
  npm run dev                    preview it at http://localhost:4321${page}
  npm run snippets -- --update   after changing the example snippet, to refresh its output
  npm run build                  check the whole journal and build the site
`;
}

/** A path as problems print it: relative to the project root, with forward slashes. */
function display(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join("/") || ".";
}
