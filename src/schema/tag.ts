import { z } from "astro/zod";
import { nonBlankText } from "./fields.ts";

/**
 * Frontmatter of one tag, `content/tags/<id>.md`, where `<id>` is lowercase kebab-case.
 * The Markdown body is the short explanation shown on the tag's page.
 */
export const tagSchema = z.strictObject({
  /** Human name of the concept, e.g. "Two-phase commit". */
  title: nonBlankText("title", 80),
  /** Other spellings authors may use in an entry's `tags`, e.g. `2pc`; each resolves to this tag. */
  aliases: z
    .array(z.string({ error: "each alias must be text" }).trim().min(1, { error: "an alias is empty" }), {
      error: "`aliases` must be a list such as [2pc]",
    })
    .default([]),
  /** Ids of tags that are closely related even when no entry links them yet. */
  related: z
    .array(z.string({ error: "each related tag must be a tag id" }), {
      error: "`related` must be a list of tag ids such as [sagas]",
    })
    .default([]),
});

export type TagData = z.output<typeof tagSchema>;
