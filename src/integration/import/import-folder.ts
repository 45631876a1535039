import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { TagIndex } from "../../lib/tag-index.ts";
import { firstCommitDates, type FirstCommit } from "./git-first-dates.ts";
import { convertNotes, type ConvertedEntry } from "./import-convert.ts";
import { isJekyllSite } from "./import-layout.ts";
import { planImport } from "./import-plan.ts";
import { scanFolder, type Scan } from "./import-scan.ts";
import { DEFAULT_TAG, tagFileText, tagTitle } from "./import-tags.ts";
import type { ImportNote } from "./import-types.ts";
import type { StagedFile } from "./import-write.ts";

/** A folder read once: its notes, layout hints and git history, converted as often as needed. */
export interface ReadFolder {
  root: string;
  scan: Scan;
  jekyllSite: boolean;
  sitePermalink: string | undefined;
  /** An Obsidian vault (it has `.obsidian/`): never published, so its notes had no addresses. */
  obsidianVault: boolean;
  firstCommits: ReadonlyMap<string, FirstCommit>;
  files: ReadonlySet<string>;
}

export interface ConvertedFolder {
  entries: ConvertedEntry[];
  /** Tag ids given a new tag file. */
  tags: string[];
  /** Every file to write, relative to the content folder. */
  files: StagedFile[];
  notes: ImportNote[];
  skipped: ImportNote[];
}

export function readFolder(root: string): ReadFolder {
  const scan = scanFolder(root);
  const config = readJekyllConfig(root);
  return {
    root,
    scan,
    jekyllSite: isJekyllSite(scan.notes.map((n) => n.path), config !== undefined),
    sitePermalink: config?.permalink,
    obsidianVault: existsSync(path.join(root, ".obsidian")),
    firstCommits: firstCommitDates(root),
    files: new Set(scan.files),
  };
}

/** The folder as entries, tag files and images, numbered from `firstDay`, leaving out `exclude`. Writes nothing. */
export function convertFolder(folder: ReadFolder, options: { today: string; firstDay: number; keptTags: TagIndex; exclude?: ReadonlySet<string> }): ConvertedFolder {
  const plan = planImport({ notes: folder.scan.notes, jekyllSite: folder.jekyllSite, sitePermalink: folder.sitePermalink, obsidianVault: folder.obsidianVault, firstCommits: folder.firstCommits, ...options });
  const entries = convertNotes(plan.planned, { root: folder.root, files: folder.files });
  const tags = newTags(entries, options.keptTags);
  const files: StagedFile[] = [
    ...tags.map((t) => ({ path: `tags/${t.id}.md`, text: t.text })),
    ...entries.flatMap((e): StagedFile[] => [{ path: `days/${e.file}`, text: e.text }, ...e.images.map((image) => ({ path: `days/${e.note.stem}/${image.name}`, from: image.from }))]),
  ];
  return { entries, tags: tags.map((t) => t.id), files, notes: [...plan.notes, ...entries.flatMap((e) => e.notes)], skipped: [...folder.scan.skipped, ...plan.skipped] };
}

/** A tag file for each tag the entries use that the journal (a kept sample) does not already resolve. */
function newTags(entries: readonly ConvertedEntry[], kept: TagIndex): { id: string; text: string }[] {
  const tags = new Map<string, { id: string; text: string }>();
  for (const entry of entries) {
    for (const tag of entry.note.tags) {
      if (tags.has(tag.id) || kept.resolve(tag.id)) continue;
      const origin =
        tag.id === DEFAULT_TAG && tag.original === DEFAULT_TAG
          ? "Notes that came without a topic folder, category or tag."
          : entry.note.kind.layout === "til" && entry.note.kind.folders.includes(tag.original)
            ? `Notes imported from the topic folder \`${tag.original}/\`.`
            : `Notes imported with the tag or category "${tag.original}".`;
      tags.set(tag.id, { id: tag.id, text: tagFileText(tagTitle(tag.id, tag.original), origin) });
    }
  }
  return [...tags.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** `permalink` from a Jekyll site's `_config.yml`; undefined when there is no such file. */
function readJekyllConfig(root: string): { permalink?: string } | undefined {
  const file = path.join(root, "_config.yml");
  if (!existsSync(file)) return undefined;
  try {
    const data = parse(readFileSync(file, "utf8")) as Record<string, unknown> | null;
    return typeof data?.permalink === "string" ? { permalink: data.permalink } : {};
  } catch {
    return {};
  }
}
