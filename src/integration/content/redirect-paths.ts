import { isReservedPermalink, redirectFile } from "../../lib/old-permalinks.ts";
import type { ValidEntry } from "./journal-validate.ts";

type Report = (file: string, at: { line: number } | undefined, message: string, fix: string) => void;

/**
 * Each old address (`redirectFrom`) becomes one redirect page, so two entries may not claim the
 * same one, and none may land on a page the site writes itself (Astro would silently keep one
 * of the two). Syntax is the schema's job; this is the journal-wide part.
 */
export function checkRedirectPaths(entries: readonly ValidEntry[], report: Report): void {
  const owners = new Map<string, ValidEntry>();
  for (const entry of entries) {
    for (const permalink of entry.data.redirectFrom ?? []) {
      if (isReservedPermalink(permalink)) {
        report(entry.file, undefined, `\`redirectFrom\` path "${permalink}" would replace one of the site's own pages`, "remove it from redirectFrom; the site already has a page at that address");
        continue;
      }
      const file = redirectFile(permalink).toLowerCase(); // case-insensitive file systems would merge them
      const owner = owners.get(file);
      if (owner && owner !== entry) report(entry.file, undefined, `\`redirectFrom\` path "${permalink}" is also claimed by ${owner.file}`, "keep it in one entry only");
      else owners.set(file, entry);
    }
  }
}
