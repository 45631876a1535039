import { nearest } from "./nearest.ts";

export interface TagLike {
  id: string;
  aliases: readonly string[];
}

/** Normal form used to compare what authors type in `tags:` with ids and aliases. */
export function normaliseTag(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

/** Resolves ids and aliases (case-insensitively) to tag ids. */
export class TagIndex {
  readonly #lookup = new Map<string, string>();
  readonly #ids: string[];

  constructor(tags: readonly TagLike[]) {
    this.#ids = tags.map((t) => t.id).sort();
    for (const tag of tags) this.#lookup.set(normaliseTag(tag.id), tag.id);
    for (const tag of tags) {
      for (const alias of tag.aliases) {
        const key = normaliseTag(alias);
        if (!this.#lookup.has(key)) this.#lookup.set(key, tag.id);
      }
    }
  }

  /** The tag id `text` names, or undefined. */
  resolve(text: string): string | undefined {
    return this.#lookup.get(normaliseTag(text));
  }

  /** Nearest existing ids for an unknown tag (aliases point back to their id). */
  suggest(text: string, limit = 3): string[] {
    const key = normaliseTag(text);
    const hits = nearest(key, this.#lookup.keys(), limit * 2).map((k) => this.#lookup.get(k)!);
    return [...new Set(hits)].slice(0, limit);
  }

  get ids(): readonly string[] {
    return this.#ids;
  }
}

/** Tags in the order the site lists them, by title: the pages' and the build's readings of the journal sort alike. */
export function inTitleOrder<T extends { data: { title: string } }>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => a.data.title.localeCompare(b.data.title));
}
