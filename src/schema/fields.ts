import { z } from "astro/zod";
import { isRealIsoDate } from "../lib/dates.ts";

/** Text that must contain something other than whitespace; surrounding whitespace is trimmed. */
export function nonBlankText(field: string, max: number) {
  return z
    .string({ error: `\`${field}\` must be text` })
    .trim()
    .min(1, { error: `\`${field}\` is empty; write a short ${field}` })
    .max(max, { error: `\`${field}\` is longer than ${max} characters; shorten it` });
}

/**
 * A calendar date written `YYYY-MM-DD`. YAML loaders turn unquoted dates into `Date`
 * objects (and roll `2026-02-30` over to March), so the raw text is checked separately
 * by the journal validator; here both forms are normalised to the ISO string.
 */
export const isoDate = z
  .union([z.string(), z.date()], { error: "must be a date written YYYY-MM-DD" })
  .transform((value) => (typeof value === "string" ? value.trim() : value.toISOString().slice(0, 10)))
  .refine(isRealIsoDate, { error: "must be a real calendar date written YYYY-MM-DD, e.g. 2026-11-18" });

/** Lowercase ASCII kebab-case, the form of tag ids and file names. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
