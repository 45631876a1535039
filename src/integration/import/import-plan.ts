import { slugify } from "../../lib/slug.ts";
import { noteDate, type NoteDate } from "./import-dates.ts";
import { readNoteFrontmatter, stringList, text, type NoteFrontmatter } from "./import-frontmatter.ts";
import { classifyNote, type NoteKind } from "./import-layout.ts";
import { jekyllPermalink, normalisePermalink } from "./import-permalinks.ts";
import { DEFAULT_TAG, MAX_TAGS, tagId } from "./import-tags.ts";
import { MAX_TITLE, firstHeading, shorten, titleFromSlug } from "./import-title.ts";
import type { FirstCommit } from "./git-first-dates.ts";
import type { ImportNote, SourceNote } from "./import-types.ts";
import { NOTE_EXTENSIONS } from "./import-scan.ts";

export interface PlannedNote {
  source: SourceNote;
  kind: NoteKind;
  front: NoteFrontmatter;
  title: string;
  /** The title is the note's first heading, which the entry's body then drops. */
  titleFromHeading: boolean;
  date: NoteDate;
  /** Tag ids with the spelling they were found in. */
  tags: { id: string; original: string }[];
  draft: boolean;
  /** Old addresses, for `redirectFrom`. */
  permalinks: string[];
  day: number;
  /** The entry file's name without extension, `012-using-git-bisect`. */
  stem: string;
}

export interface PlanInput {
  notes: readonly SourceNote[];
  jekyllSite: boolean;
  /** `permalink` from the Jekyll site's `_config.yml`. */
  sitePermalink: string | undefined;
  /** Notes of an Obsidian vault were never published, so they have no TIL-style old address. */
  obsidianVault: boolean;
  firstCommits: ReadonlyMap<string, FirstCommit>;
  today: string;
  /** The first day number to give (1, or after a kept sample's last day). */
  firstDay: number;
  /** Source paths left out on an earlier pass (their entries failed validation). */
  exclude?: ReadonlySet<string>;
}

/** Which notes become entries, with their titles, dates, tags, old addresses and day numbers (date order). */
export function planImport(input: PlanInput): { planned: PlannedNote[]; notes: ImportNote[]; skipped: ImportNote[] } {
  const notes: ImportNote[] = [];
  const skipped: ImportNote[] = [];
  const drafts: Omit<PlannedNote, "day" | "stem">[] = [];
  for (const source of input.notes) {
    if (input.exclude?.has(source.path)) continue;
    const kind = classifyNote(source.path, input.jekyllSite);
    if ("skip" in kind) {
      skipped.push({ file: source.path, message: `not imported: ${kind.skip}` });
      continue;
    }
    const front = readNoteFrontmatter(source);
    if (front.problem) notes.push(front.problem);
    const date = noteDate(front.data.date ?? front.data.created, kind.fileDate, input.firstCommits.get(source.path), source.mtime);
    if (date.source === "file time") notes.push({ file: source.path, message: `no date in the frontmatter, the file name or git; dated ${date.date} from the file's modification time` });
    if (date.date > input.today) {
      skipped.push({ file: source.path, message: `not imported: dated ${date.date}, after today (${input.today})` });
      continue;
    }
    const heading = text(front.data.title) ? undefined : firstHeading(front.body);
    const title = shorten(text(front.data.title) ?? heading ?? (kind.layout === "daily" ? `Notes of ${date.date}` : titleFromSlug(kind.slug)), MAX_TITLE);
    drafts.push({
      source,
      kind,
      front,
      title,
      titleFromHeading: heading !== undefined,
      date,
      tags: noteTags(source.path, kind, front.data, notes),
      draft: kind.draft || front.data.published === false || front.data.draft === true,
      permalinks: [],
    });
  }
  drafts.sort((a, b) => a.date.date.localeCompare(b.date.date) || a.date.time.localeCompare(b.date.time) || a.source.path.localeCompare(b.source.path));
  const width = Math.max(3, String(input.firstDay + drafts.length - 1).length);
  const claimed = new Map<string, string>();
  const planned = drafts.map((note, i) => {
    const day = input.firstDay + i;
    const stem = `${String(day).padStart(width, "0")}-${slugify(note.title) || slugify(note.kind.slug) || "note"}`;
    const permalinks = oldAddresses(note, input.sitePermalink, input.obsidianVault, notes).filter((p) => {
      const owner = claimed.get(p.toLowerCase());
      if (owner) notes.push({ file: note.source.path, message: `the old address ${p} is also ${owner}'s; only that note redirects from it` });
      else claimed.set(p.toLowerCase(), note.source.path);
      return !owner;
    });
    return { ...note, day, stem, permalinks };
  });
  return { planned, notes, skipped };
}

function noteTags(notePath: string, kind: NoteKind, data: Record<string, unknown>, notes: ImportNote[]): { id: string; original: string }[] {
  const jekyll = kind.layout === "jekyll";
  const names = [
    ...kind.folders,
    ...stringList(data.categories, jekyll),
    ...stringList(data.category, false),
    ...stringList(data.tags, jekyll),
  ];
  const tags: { id: string; original: string }[] = [];
  for (const name of names) {
    const id = tagId(name);
    if (!id) notes.push({ file: notePath, message: `the tag or folder "${name}" has no letters or digits usable in a tag id; it was left out` });
    else if (!tags.some((t) => t.id === id)) tags.push({ id, original: name });
  }
  if (tags.length > MAX_TAGS) notes.push({ file: notePath, message: `${tags.length} tags, over Daybook's ${MAX_TAGS}; kept the first ${MAX_TAGS} (${tags.slice(MAX_TAGS).map((t) => t.id).join(", ")} left out)` });
  return tags.length ? tags.slice(0, MAX_TAGS) : [{ id: DEFAULT_TAG, original: DEFAULT_TAG }];
}

/** The addresses the note had: its own permalink (Jekyll's, or the TIL path), and any `redirect_from`. */
function oldAddresses(note: Omit<PlannedNote, "day" | "stem">, sitePermalink: string | undefined, vault: boolean, notes: ImportNote[]): string[] {
  const data = note.front.data;
  const raw: string[] = [];
  if (note.kind.layout === "jekyll" && !note.draft) {
    const categories = [...note.kind.folders, ...stringList(data.categories, true), ...stringList(data.category, false)];
    const slug = text(data.slug) ?? note.kind.slug;
    raw.push(jekyllPermalink({ categories, date: note.date.date, time: note.date.time, slug }, text(data.permalink) ?? sitePermalink));
  } else if (text(data.permalink)) raw.push(text(data.permalink)!);
  else if (note.kind.layout === "til" && !vault) raw.push(`/${note.source.path.replace(NOTE_EXTENSIONS, "")}`);
  raw.push(...stringList(data.redirect_from, false));
  const paths: string[] = [];
  for (const address of raw) {
    const result = normalisePermalink(address);
    if ("problem" in result) notes.push({ file: note.source.path, message: result.problem });
    else if (!paths.includes(result.path)) paths.push(result.path);
  }
  return paths;
}
