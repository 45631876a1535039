import path from "node:path";
import { slug } from "github-slugger";
import { stringify } from "yaml";
import { convertBody } from "./import-body.ts";
import { text } from "./import-frontmatter.ts";
import { EntryImages, type ImageCopy } from "./import-images.ts";
import type { LinkContext } from "./import-links.ts";
import { convertLiquid } from "./import-liquid.ts";
import { convertKramdownMaths } from "./import-maths.ts";
import type { PlannedNote } from "./import-plan.ts";
import { MAX_SUMMARY, firstParagraph, shorten } from "./import-title.ts";
import type { ImportNote } from "./import-types.ts";

export interface ConvertedEntry {
  note: PlannedNote;
  /** `012-using-git-bisect.md`. */
  file: string;
  text: string;
  images: ImageCopy[];
  notes: ImportNote[];
  altFilled: ImportNote[];
}

export interface FolderIndex {
  /** The imported folder's real path. */
  root: string;
  /** Every file in the folder (notes and others), relative paths. */
  files: ReadonlySet<string>;
}

/** Every planned note as a Daybook entry: frontmatter, converted body, images to copy. */
export function convertNotes(planned: readonly PlannedNote[], folder: FolderIndex): ConvertedEntry[] {
  const entryBySource = new Map(planned.map((n) => [n.source.path, `${n.stem}.md`]));
  const entryFiles = new Set(entryBySource.values());
  const titleAnchors = new Map(planned.filter((n) => n.titleFromHeading).map((n) => [n.source.path, slug(n.title)]));
  const entryByPost = new Map(planned.filter((n) => n.kind.layout === "jekyll").map((n) => [`${n.kind.fileDate}-${n.kind.slug}`, `${n.stem}.md`]));
  const entryByPermalink = new Map(planned.flatMap((n) => n.permalinks.map((p) => [p.toLowerCase(), `${n.stem}.md`] as const)));
  const tagByFolder = new Map(planned.flatMap((n) => (n.kind.layout === "til" && n.kind.folders.length ? [[n.kind.folders.join("/"), n.tags[n.kind.folders.length - 1]?.id ?? n.tags[0]!.id] as const] : [])));
  const byName = new Map<string, string>();
  for (const file of [...folder.files].sort()) {
    for (const name of [path.posix.basename(file), path.posix.basename(file).replace(/\.[^.]+$/, "")]) {
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), file);
    }
  }
  return planned.map((note) => {
    const links: LinkContext = {
      notePath: note.source.path,
      entryForNote: (p) => entryBySource.get(p),
      entryForPermalink: (p) => entryByPermalink.get(p.toLowerCase()),
      tagForFolder: (f) => tagByFolder.get(f),
      isFile: (p) => folder.files.has(p),
      isEntryFile: (name) => entryFiles.has(name),
      titleAnchor: (p) => titleAnchors.get(p),
    };
    const notes: ImportNote[] = [];
    let body = note.front.body;
    if (note.kind.layout === "jekyll") {
      const liquid = convertLiquid(body, {
        file: note.source.path,
        firstLine: note.front.bodyLine,
        postUrl: (name) => (entryByPost.has(name) ? `./${entryByPost.get(name)}` : undefined),
        link: (sitePath) => {
          const entry = entryBySource.get(sitePath.replace(/^\//, ""));
          return entry ? `./${entry}` : undefined;
        },
      });
      notes.push(...liquid.notes);
      body = convertKramdownMaths(liquid.text);
    }
    const images = new EntryImages(folder.root, note.source.path, note.stem);
    const converted = convertBody(body, {
      file: note.source.path,
      firstLine: note.front.bodyLine,
      removeTitle: note.titleFromHeading,
      links,
      images,
      findByName: (name) => byName.get(name.toLowerCase()) ?? byName.get(`${name.toLowerCase()}.md`),
    });
    notes.push(...converted.notes);
    const data = note.front.data;
    const summary = shorten(text(data.summary) ?? text(data.description) ?? text(data.excerpt) ?? firstParagraph(converted.text) ?? note.title, MAX_SUMMARY);
    const frontmatter = {
      title: note.title,
      day: note.day,
      date: note.date.date,
      tags: note.tags.map((t) => t.id),
      summary,
      ...(note.draft && { draft: true }),
      ...(note.permalinks.length && { redirectFrom: note.permalinks.slice(0, 20) }),
    };
    // Every string quoted: Astro reads frontmatter as YAML 1.1, where a plain 2024-05-01, yes or 1e3 is no text.
    const yaml = stringify(frontmatter, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
    return {
      note,
      file: `${note.stem}.md`,
      text: `---\n${yaml}---\n\n${converted.text.replace(/\s*$/, "\n")}`,
      images: images.copies,
      notes,
      altFilled: converted.altFilled,
    };
  });
}
