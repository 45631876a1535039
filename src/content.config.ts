import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { entrySchema } from "./schema/entry.ts";
import { tagSchema } from "./schema/tag.ts";
import { entryIdFromPath } from "./lib/slug.ts";

// Resolved here rather than imported from build code: this file is bundled into the site.
const contentDir = process.env.DAYBOOK_CONTENT || "content";

/** Journal entries: one file per day. The schema is documented in src/schema/entry.ts. */
const days = defineCollection({
  loader: glob({ pattern: "**/*.{md,mdx}", base: `${contentDir}/days`, generateId: ({ entry }) => entryIdFromPath(entry) }),
  schema: entrySchema,
});

/** Concepts the journal covers: `content/tags/<id>.md`. The schema is documented in src/schema/tag.ts. */
const tags = defineCollection({
  loader: glob({ pattern: "*.md", base: `${contentDir}/tags` }),
  schema: tagSchema,
});

export const collections = { days, tags };
