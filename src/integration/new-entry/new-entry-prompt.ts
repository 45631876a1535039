import { createInterface } from "node:readline/promises";
import { splitTags } from "./new-entry-args.ts";

export interface Answers {
  title: string;
  tags: string[];
}

/**
 * Asks for what the command line left out, in an interactive terminal: the title (unless
 * given) and the tags (unless given), listing the tag ids the journal has.
 */
export async function askForMissing(
  given: { title?: string | undefined; tags: readonly string[] },
  knownTags: readonly string[],
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<Answers> {
  const rl = createInterface({ input, output, terminal: true });
  try {
    const title = given.title ?? (await rl.question("Title of the new entry: "));
    let tags = [...given.tags];
    if (tags.length === 0) {
      if (knownTags.length) output.write(`Tags in this journal: ${knownTags.join(", ")}\n`);
      tags = splitTags([await rl.question("Tags (comma-separated ids or aliases): ")]);
    }
    return { title, tags };
  } finally {
    rl.close();
  }
}
