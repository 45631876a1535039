import { parseArgs } from "node:util";
import { refuse, type Refusal } from "./new-entry-refusal.ts";

/** What the author asked `npm run new` for; anything left out is planned or asked for. */
export interface NewEntryArgs {
  /** The title as typed (whitespace is tidied when the entry is planned). */
  title?: string;
  /** Tag ids, aliases or new tag names, in the author's order. */
  tags: string[];
  /** `--date YYYY-MM-DD`, checked against the calendar and today when planning. */
  date?: string;
  /** `--day N`. */
  day?: number;
  /** `--create-tags`: write stub tag files for tags that match nothing. */
  createTags: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run new -- "<title>" --tags <tag>[,<tag>…] [options]

Creates content/days/<NNN>-<slug>.mdx with the next day number and today's date.

Options:
  --tags <list>    comma-separated tag ids or aliases (repeatable), e.g. --tags sagas,2pc
  --create-tags    create a stub content/tags/<id>.md for each tag that matches nothing
  --date <date>    the entry's date, YYYY-MM-DD (default: today in the journal's
                   time zone, timeZone in daybook.config.ts); an earlier date back-fills
                   a missed day, and a date may have several entries
  --day <n>        the day number, if free (default: the highest day in the journal + 1);
                   day numbers are permanent ids in writing order, never renumbered
  -h, --help       show this help

Run without arguments in a terminal to be asked for the title and tags.
Example: npm run new -- "Sagas versus 2PC" --tags saga,two-phase-commit`;

/** Parses the command line (without `node` and the script). Pure. */
export function parseNewEntryArgs(argv: readonly string[]): NewEntryArgs | Refusal {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        tags: { type: "string", short: "t", multiple: true },
        date: { type: "string" },
        day: { type: "string" },
        "create-tags": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return refuse(`the command line could not be read: ${detail}`, `see the usage below, and put \`--\` after \`npm run new\` so npm passes the options on\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const args: NewEntryArgs = {
    tags: splitTags(values.tags ?? []),
    createTags: values["create-tags"] ?? false,
    help: values.help ?? false,
  };
  // `npm run new -- Sagas versus 2PC` (no quotes) arrives as three words: they are one title.
  const title = positionals.join(" ");
  if (title.trim()) args.title = title;
  if (values.date !== undefined) args.date = values.date.trim();
  if (values.day !== undefined) {
    const day = values.day.trim();
    if (!/^[1-9][0-9]{0,5}$/.test(day)) {
      return refuse(`--day is "${values.day}", which is not a whole number from 1`, "write it as digits only, e.g. --day 21, or leave it out to use the next free day");
    }
    args.day = Number(day);
  }
  return args;
}

/** `["saga, 2pc", "queues"]` → `["saga", "2pc", "queues"]`: commas separate, blanks are dropped. */
export function splitTags(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(",")).map((t) => t.trim()).filter((t) => t !== "");
}
