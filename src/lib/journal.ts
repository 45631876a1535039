import { getCollection, type CollectionEntry } from "astro:content";
import { TagIndex, inTitleOrder } from "./tag-index.ts";
import { inReadingOrder } from "./entry-order.ts";

export type Entry = CollectionEntry<"days">;
export type Tag = CollectionEntry<"tags">;

/**
 * Published entries, oldest first: by date, then day number (src/lib/entry-order.ts), so every
 * list, the pager and the feed agree. Drafts are included only by `npm run dev`.
 */
export async function getEntries(): Promise<Entry[]> {
  return inReadingOrder(await getCollection("days", (e) => import.meta.env.DEV || !e.data.draft));
}

export async function getTags(): Promise<Tag[]> {
  return inTitleOrder(await getCollection("tags"));
}

export interface Journal {
  entries: Entry[];
  tags: Tag[];
  tagById: Map<string, Tag>;
  /** Tag ids each entry's `tags` resolve to (aliases resolved), keyed by entry id. */
  tagIdsOf: (entry: Entry) => string[];
  /** The tags themselves, in the same order. */
  tagsOf: (entry: Entry) => Tag[];
  /** Entries carrying a tag, oldest first (by date, then day number). */
  entriesWith: (tagId: string) => Entry[];
}

let built: Promise<Journal> | undefined;

/**
 * Entries and tags with aliases resolved; the validator has already proven every tag resolves.
 * A production build computes it once for all its pages (every page used to rebuild the same
 * indexes); the dev server recomputes it so edits show up.
 */
export function loadJournal(): Promise<Journal> {
  if (import.meta.env.DEV) return buildJournal();
  built ??= buildJournal();
  return built;
}

async function buildJournal(): Promise<Journal> {
  const [entries, tags] = await Promise.all([getEntries(), getTags()]);
  const index = new TagIndex(tags.map((t) => ({ id: t.id, aliases: t.data.aliases })));
  const tagIdsOf = (entry: Entry) => [...new Set(entry.data.tags.map((t) => index.resolve(t)).filter((t): t is string => !!t))];
  const byTag = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const id of tagIdsOf(entry)) {
      const list = byTag.get(id);
      if (list) list.push(entry);
      else byTag.set(id, [entry]);
    }
  }
  const tagById = new Map(tags.map((t) => [t.id, t]));
  return {
    entries,
    tags,
    tagById,
    tagIdsOf,
    tagsOf: (entry) => tagIdsOf(entry).map((id) => tagById.get(id)!),
    entriesWith: (tagId) => byTag.get(tagId) ?? [],
  };
}
