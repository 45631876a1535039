import { z } from "astro/zod";
import { isoDate, nonBlankText } from "./fields.ts";
import { permalinkProblem } from "../lib/old-permalinks.ts";

/**
 * Frontmatter of one journal entry, `content/days/<NNN>-<slug>.mdx`.
 * Unknown keys are errors, so a typo such as `tag:` never silently drops data.
 */
export const entrySchema = z.strictObject({
  /** Headline of the day. Changing it never changes the entry's URL (`/day/<n>/`). */
  title: nonBlankText("title", 160),
  /** The entry's number: an integer from 1, unique across the journal; it is the URL. */
  day: z
    .number({ error: "`day` must be a whole number such as 16" })
    .int({ error: "`day` must be a whole number such as 16" })
    .min(1, { error: "`day` must be 1 or more" }),
  /** The day the entry was written, `YYYY-MM-DD`; never after the build date. */
  date: isoDate,
  /** 1 to 10 tag ids or aliases; each must resolve to a file in `content/tags/`. */
  tags: z
    .array(z.string({ error: "each tag must be text, e.g. two-phase-commit" }), {
      error: "`tags` must be a list such as [two-phase-commit, sagas]",
    })
    .min(1, { error: "`tags` is empty; give the entry at least one tag" })
    .max(10, { error: "`tags` has more than 10 tags; keep the ones that matter most" }),
  /** One or two sentences shown on the home page, in search results and in the feed. */
  summary: nonBlankText("summary", 300),
  /** `true` keeps the entry out of production builds; it still shows in `npm run dev`. */
  draft: z.boolean({ error: "`draft` must be true or false" }).default(false),
  /** When the entry was last meaningfully revised, `YYYY-MM-DD`. */
  updated: isoDate.optional(),
  /**
   * Old addresses of this entry on a previous site (written by `npm run import`), e.g.
   * `[/2020/01/02/my-post.html, /git/bisect]`: the build writes a redirect page to `/day/<n>/`
   * at each, under the base path. Paths start with `/`; no query, fragment or `..`.
   */
  redirectFrom: z
    .array(
      z.string({ error: "each entry of `redirectFrom` must be a path such as /2020/01/02/my-post.html" }).superRefine((value, ctx) => {
        const problem = permalinkProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: `\`redirectFrom\` path "${value}" ${problem}` });
      }),
      { error: "`redirectFrom` must be a list of paths such as [/2020/01/02/my-post.html]" },
    )
    .max(20, { error: "`redirectFrom` has more than 20 paths; keep the ones still linked from elsewhere" })
    .optional(),
});

export type EntryData = z.output<typeof entrySchema>;
export const ENTRY_KEYS = Object.keys(entrySchema.shape);
