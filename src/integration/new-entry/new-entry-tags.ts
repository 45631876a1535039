import { KEBAB_ID } from "../../schema/fields.ts";
import { slugify } from "../../lib/slug.ts";
import type { TagIndex } from "../../lib/tag-index.ts";
import { isRefusal, refuse, type Refusal } from "./new-entry-refusal.ts";

/** A tag file `npm run new --create-tags` will write: `<tags folder>/<id>.md`. */
export interface TagStub {
  id: string;
  title: string;
}

export interface ResolvedTags {
  /** Tag ids for the entry's `tags:`, in the author's order, without duplicates. */
  ids: string[];
  /** New tags to create (only with `createTags`). */
  stubs: TagStub[];
}

export interface ResolveTagOptions {
  createTags: boolean;
  /** File names already in the tags folder (`sagas.md`), valid or not. */
  tagFiles: ReadonlySet<string>;
  /** The tags folder as printed, e.g. `content/tags`. */
  tagsDir: string;
}

/**
 * Turns what the author typed into tag ids: ids and aliases resolve as the build resolves them
 * (and so does their slug, so "Saga!" finds the alias `saga`); unknown tags are refused with the
 * nearest ids, or become stubs with `createTags`. Pure.
 */
export function resolveTags(texts: readonly string[], index: TagIndex, options: ResolveTagOptions): ResolvedTags | Refusal {
  const ids: string[] = [];
  const stubs: TagStub[] = [];
  const unknown: string[] = [];
  for (const text of texts) {
    let id = index.resolve(text) ?? index.resolve(slugify(text));
    if (!id && options.createTags) {
      const stub = stubFor(text, options);
      if (isRefusal(stub)) return stub;
      if (!stubs.some((s) => s.id === stub.id)) stubs.push(stub);
      id = stub.id;
    }
    if (!id) unknown.push(text);
    else if (!ids.includes(id)) ids.push(id);
  }
  return unknown.length ? unknownTags(unknown, index, options.tagsDir) : { ids, stubs };
}

function stubFor(text: string, options: ResolveTagOptions): TagStub | Refusal {
  const id = slugify(text);
  if (!id || !KEBAB_ID.test(id)) {
    return refuse(`the tag "${text}" has no letters or digits to make a tag id from`, "name the tag in plain words or kebab-case, e.g. two-phase-commit");
  }
  if (options.tagFiles.has(`${id}.md`)) {
    return refuse(`${options.tagsDir}/${id}.md already exists but is not a valid tag, so "${text}" cannot use it`, "fix that file first (`npm run build` lists its problems), then run the command again");
  }
  return { id, title: tagTitle(text) };
}

/** The refusal for tags that match nothing: the nearest ids for each, and the `--create-tags` way out. */
function unknownTags(unknown: readonly string[], index: TagIndex, tagsDir: string): Refusal {
  let suggested = false;
  const described = unknown.map((text) => {
    const suggestions = index.suggest(text);
    suggested ||= suggestions.length > 0;
    return suggestions.length ? `"${text}" (did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?)` : `"${text}"`;
  });
  const files = unknown.map((text) => `${tagsDir}/${slugify(text) || "tag-name"}.md`);
  const known = !suggested && index.ids.length ? ` The existing tags are ${index.ids.join(", ")}.` : "";
  return refuse(
    `${unknown.length === 1 ? "the tag" : "the tags"} ${described.join(", ")} ${unknown.length === 1 ? "matches" : "match"} no tag id or alias in ${tagsDir}/.${known}`,
    `use an existing tag id or alias, or run the command again with --create-tags to create ${files.join(" and ")}`,
  );
}

/** A readable tag title from what the author typed: `event-sourcing` → "Event sourcing"; other text stays as typed. */
export function tagTitle(text: string): string {
  const tidy = text.trim().replace(/\s+/g, " ");
  const title = KEBAB_ID.test(tidy) ? tidy.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()) : tidy;
  return title.length <= 80 ? title : title.slice(0, 80).replace(/\s+\S*$/, "") || title.slice(0, 80);
}
