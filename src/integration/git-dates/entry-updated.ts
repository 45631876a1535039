/**
 * The "Updated" date an entry shows. Pure.
 *
 * 1. `updated` in the frontmatter wins, always. Setting it to the entry's own `date` is how
 *    an author says "not revised" and hides a git date (pages show "Updated" only when it
 *    differs from `date`).
 * 2. Otherwise the date of the last commit that changed the file (src/integration/git-dates/git-dates.ts),
 *    but only when it is after `date`: writing and committing on the same day, or
 *    back-dating an entry, is not a revision.
 * 3. Otherwise undefined: nothing to show.
 *
 * All three are `YYYY-MM-DD`, so string comparison is date comparison.
 */
export interface UpdatedDateInput {
  /** The entry's `date`. */
  date: string;
  /** The entry's `updated` frontmatter, if any. */
  updated?: string | undefined;
  /** Last commit date of the entry's file, if git knows one. */
  gitDate?: string | undefined;
}

export function updatedDate({ date, updated, gitDate }: UpdatedDateInput): string | undefined {
  if (updated !== undefined) return updated;
  if (gitDate !== undefined && gitDate > date) return gitDate;
  return undefined;
}
