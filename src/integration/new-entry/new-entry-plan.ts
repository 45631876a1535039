import { slugify } from "../../lib/slug.ts";
import type { TagIndex } from "../../lib/tag-index.ts";
import type { SourceFile } from "../content/journal-validate.ts";
import { checkEntryDate } from "./new-entry-date.ts";
import { dayPrefix, entryWithDay, inventory, nextDayNumber } from "./new-entry-inventory.ts";
import { placeEntry, type Placement } from "./new-entry-placement.ts";
import { isRefusal, refuse, type Refusal } from "./new-entry-refusal.ts";
import { renderEntry, renderTagStub } from "./new-entry-render.ts";
import { resolveTags } from "./new-entry-tags.ts";

export interface PlanRequest {
  title: string;
  tags: readonly string[];
  date?: string | undefined;
  day?: number | undefined;
  createTags: boolean;
}

export interface PlanContext {
  /** Today in the journal's time zone, `YYYY-MM-DD`. */
  today: string;
  /** The journal's time zone, named when a date is refused as being in the future. */
  timeZone: string;
  /** Every file in the days and tags folders, as `readSourceFiles` returns them. */
  days: readonly SourceFile[];
  tagFiles: readonly SourceFile[];
  /** Ids and aliases of the journal's valid tags. */
  index: TagIndex;
  /** The folders as problems print them (relative to the project root, forward slashes). */
  daysDir: string;
  tagsDir: string;
}

/** One file the command will create; `path` is relative to the project root, as printed. */
export interface PlannedFile {
  path: string;
  /** Path inside its folder (`021-sagas.mdx`, `sagas.md`). */
  relative: string;
  text: string;
}

export interface EntryPlan {
  title: string;
  day: number;
  date: string;
  slug: string;
  tagIds: string[];
  entry: PlannedFile;
  /** Stub tag files, written before the entry (empty without `--create-tags`). */
  tags: PlannedFile[];
  /** The existing entries it will be listed between (by date, then day number). */
  placement: Placement;
}

/**
 * Decides everything about the new entry without touching the disk. Pure. Back-filling is
 * allowed: an earlier `--date` takes the next free day number (or a free `--day`), and a date
 * may already have entries; nothing existing is renumbered, since day numbers are permanent ids
 * in writing order and the date decides where an entry is listed.
 */
export function planEntry(request: PlanRequest, context: PlanContext): EntryPlan | Refusal {
  const title = tidyTitle(request.title);
  if (!title) return refuse("the title is empty", 'give the entry a title, e.g. npm run new -- "Sagas versus 2PC" --tags sagas');

  const existing = inventory(context.days);
  const next = nextDayNumber(existing);
  const day = request.day ?? next;
  const sameDay = entryWithDay(existing, day);
  if (sameDay) return refuse(`day ${day} is already used by ${sameDay.file}`, `leave out --day to use the next free day, ${next}`);

  const date = request.date ?? context.today;
  const badDate = checkEntryDate(date, context.today, context.timeZone);
  if (badDate) return badDate;

  if (request.tags.length === 0) {
    const known = context.index.ids.length ? `one or more of: ${context.index.ids.join(", ")}` : "a tag name, with --create-tags to create it";
    return refuse("an entry needs at least one tag", `add --tags with ${known}`);
  }
  const tags = resolveTags(request.tags, context.index, {
    createTags: request.createTags,
    tagFiles: new Set(context.tagFiles.map((f) => f.relative)),
    tagsDir: context.tagsDir,
  });
  if (isRefusal(tags)) return tags;

  const slug = slugify(title) || "entry";
  const relative = `${dayPrefix(day)}-${slug}.mdx`;
  const clash = existing.find((e) => e.relative.toLowerCase() === relative);
  if (clash) return refuse(`${clash.file} already exists`, "choose another title or day; existing files are never overwritten");

  return {
    title,
    day,
    date,
    slug,
    tagIds: tags.ids,
    entry: { path: `${context.daysDir}/${relative}`, relative, text: renderEntry({ title, day, date, tagIds: tags.ids }) },
    tags: tags.stubs.map((stub) => ({ path: `${context.tagsDir}/${stub.id}.md`, relative: `${stub.id}.md`, text: renderTagStub(stub) })),
    placement: placeEntry(existing, { day, date }),
  };
}

/** One line of text: runs of whitespace and control characters become one space. */
export function tidyTitle(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
}
