import { parseArgs } from "node:util";

export interface ImportArgs {
  /** The folder of notes, as typed. */
  folder?: string | undefined;
  /** Keep the sample journal and number the imported entries after it. */
  keepSample: boolean;
  /** Convert and validate, print the report, write nothing. */
  dryRun: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run import -- <folder> [--keep-sample] [--dry-run]

Turns a folder of Markdown notes (.md .markdown .mkd .mkdn .mdown) into Daybook entries in
content/days/ and tags in content/tags/. It recognises:
  TIL topic folders      <topic>/<note>.md           the topic becomes a tag
  Jekyll posts           _posts/YYYY-MM-DD-slug.md   categories and tags become tags
  daily notes (Obsidian) YYYY-MM-DD.md
Dates come from the frontmatter, the file name or the note's first git commit; day numbers
follow date order. Old addresses (permalinks) get redirect pages. content/ must be empty or
hold the unchanged sample journal, which is removed (after saying so) unless --keep-sample.

Options:
  --keep-sample   keep the sample journal; imported entries are numbered after it
  --dry-run       convert and check everything, print the report, write nothing
  -h, --help      show this help

Example: npm run import -- ../my-til`;

/** Parses the command line (without `node` and the script). Pure. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { "keep-sample": { type: "boolean", default: false }, "dry-run": { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
    if (positionals.length > 1) return { error: `give one folder, not ${positionals.length} (${positionals.join(", ")})` };
    return { folder: positionals[0], keepSample: values["keep-sample"], dryRun: values["dry-run"], help: values.help };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0]! };
  }
}
