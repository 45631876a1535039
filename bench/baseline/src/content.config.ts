import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const content = process.env.BASELINE_CONTENT;
if (!content) throw new Error("BASELINE_CONTENT must name the synthetic journal's content folder (npm run bench sets it).");

export const collections = {
  days: defineCollection({
    loader: glob({ pattern: "*.mdx", base: `${content}/days` }),
    schema: z.object({ title: z.string(), day: z.number(), date: z.coerce.date(), tags: z.array(z.string()), summary: z.string() }),
  }),
};
