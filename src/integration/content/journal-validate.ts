// content/: reading and validating the journal (frontmatter, tags, content rules) and the
// Problem type every Daybook check reports with file:line and a fix. This file is its entry point.

import { isScalar } from "yaml";
import type { ZodError } from "astro/zod";
import { entrySchema, ENTRY_KEYS, type EntryData } from "../../schema/entry.ts";
import { tagSchema, type TagData } from "../../schema/tag.ts";
import { KEBAB_ID } from "../../schema/fields.ts";
import { nearest } from "../../lib/nearest.ts";
import { entryIdFromPath, slugify } from "../../lib/slug.ts";
import { TagIndex } from "../../lib/tag-index.ts";
import { inReadingOrder } from "../../lib/entry-order.ts";
import { isLocated, readFrontmatter, type FrontmatterDoc } from "./frontmatter-read.ts";
import { checkContentSafety } from "./content-safety.ts";
import { checkRedirectPaths } from "./redirect-paths.ts";
import type { Problem } from "./problem.ts";
import { isImageFile } from "../images/image-files.ts";
import { checkEntryImages } from "../images/image-check.ts";
import { contentFilesFrom, type ContentListing } from "../images/content-files.ts";
import { lastResultPerFile } from "./last-result-per-file.ts";
import type { ContentRulesInput, ContentRulesMemo } from "./content-rules-cache.ts";

export interface SourceFile {
  /** Path relative to the project root, forward slashes, e.g. `content/days/016-2pc.mdx`. */
  path: string;
  /** Path relative to its collection folder, e.g. `016-2pc.mdx`. */
  relative: string;
  bytes: Uint8Array;
  /** A symbolic link: reported, never read. */
  symlink?: true;
}

export interface ValidateOptions {
  /** The build date, `YYYY-MM-DD`, in the journal's time zone; entries dated after it are errors. */
  today: string;
  /** The journal's time zone (`timeZone` in daybook.config.ts), named when an entry is dated after `today`. */
  timeZone?: string;
  maxEntryBytes: number;
  /** Every file in the content folder, for the images entries show; by default the files in days/ only. */
  contentFiles?: ContentListing;
  /** `remoteImages` in daybook.config.ts (default true): whether entries may show https: images. */
  remoteImages?: boolean;
  /** Content rules' results kept from the last build (content-rules-cache.ts), asked before checking. */
  contentRules?: ContentRulesMemo;
}

export interface ValidEntry {
  file: string;
  id: string;
  data: EntryData;
  /** Tag ids the entry's `tags` resolve to, in the author's order, without duplicates. */
  tagIds: string[];
}

export interface ValidTag {
  file: string;
  id: string;
  data: TagData;
}

export interface Journal {
  entries: ValidEntry[];
  tags: ValidTag[];
  problems: Problem[];
  /** What the build removes from entries (markup GitHub's Markdown drops too): shown by `npm run check`, never a failure. */
  notes: Problem[];
}

const ENTRY_EXTENSIONS = /\.(md|mdx)$/i;
const utf8 = new TextDecoder("utf-8", { fatal: true });

// The two costly per-file steps (YAML and the Markdown parse of the safety rules), remembered per
// file so that `npm run dev`, which validates the journal on every save, re-parses only what changed.
const frontmatterOf = lastResultPerFile((_file, text: string) => readFrontmatter(text), (a, b) => a === b);
const contentSafetyOf = lastResultPerFile(
  (file, input: { body: string; firstLine: number; mdx: boolean }) => checkContentSafety(file, input.body, input),
  (a, b) => a.body === b.body && a.firstLine === b.firstLine && a.mdx === b.mdx,
);

/** Every rule Daybook enforces on `content/`, beyond what Astro checks. Pure: files in, problems out. */
export function validateJournal(days: readonly SourceFile[], tagFiles: readonly SourceFile[], options: ValidateOptions): Journal {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const report = (file: string, at: { line: number; column?: number | undefined } | undefined, message: string, fix: string) =>
    problems.push({ file, ...(at ?? {}), message, fix });

  const contentRules = (file: string, input: ContentRulesInput) => {
    const known = options.contentRules?.get(file, input);
    if (known) return known;
    const checked = contentSafetyOf(file, input);
    options.contentRules?.set(file, input, checked);
    return checked;
  };
  const contentFiles = contentFilesFrom(options.contentFiles ?? { files: days.map((d) => `days/${d.relative}`) });
  const images = (file: SourceFile, folder: string, body: string, firstLine: number) =>
    checkEntryImages(file.path, body, { firstLine, mdx: /\.mdx$/i.test(file.relative), entryPath: `${folder}/${file.relative}`, files: contentFiles, remoteImages: options.remoteImages ?? true });

  for (const file of [...tagFiles, ...days].filter((f) => f.symlink)) {
    report(file.path, undefined, "this is a symbolic link, and Daybook reads only real files inside the content folder (a link could lead the build to any file of the machine)", "replace the link with the file or folder itself");
  }
  const tags: ValidTag[] = [];
  for (const file of tagFiles.filter((f) => !f.symlink)) {
    const id = file.relative.replace(/\.md$/i, "");
    if (!/\.md$/i.test(file.relative)) {
      report(file.path, undefined, `tag files must end in .md, so this file is not read`, `rename it to ${slugFix(id.replace(/\.[^.]+$/, ""))}.md or delete it`);
      continue;
    }
    if (!KEBAB_ID.test(id)) {
      report(file.path, undefined, `the tag id "${id}" (taken from the file name) is not lowercase kebab-case`, `rename the file to ${slugFix(id)}.md`);
      continue;
    }
    const fm = parseFile(file, report);
    if (!fm) continue;
    const content = contentRules(file.path, { body: fm.body, firstLine: fm.bodyLine, mdx: false }); // a tag's page shows its body
    problems.push(...content.problems, ...images(file, "tags", fm.body, fm.bodyLine));
    notes.push(...content.notes);
    const parsed = tagSchema.safeParse(fm.data);
    if (!parsed.success) {
      reportSchema(file.path, fm, parsed.error, Object.keys(tagSchema.shape), report);
      continue;
    }
    tags.push({ file: file.path, id, data: parsed.data });
  }
  checkTagGraph(tags, report);

  const index = new TagIndex(tags.map((t) => ({ id: t.id, aliases: t.data.aliases })));
  const entries: ValidEntry[] = [];
  for (const file of days.filter((f) => !f.symlink)) {
    if (isImageFile(file.relative)) continue; // an entry's images live beside it (checked with the entry that shows them)
    if (!ENTRY_EXTENSIONS.test(file.relative)) {
      const ext = /\.[^.]+$/.exec(file.relative)?.[0] ?? "(none)";
      report(file.path, undefined, `entries must be .mdx or .md files, and this one is "${ext}", so it would be skipped`, `rename it to ${file.relative.replace(/\.[^.]*$/, "")}.mdx`);
      continue;
    }
    if (file.bytes.length > options.maxEntryBytes) {
      report(file.path, undefined, `the entry is ${file.bytes.length} bytes, over the ${options.maxEntryBytes}-byte limit`, `split it into several days or move large data out of the entry (the limit is maxEntryBytes in daybook.config.ts)`);
      continue;
    }
    const fm = parseFile(file, report);
    if (!fm) continue;
    const content = contentRules(file.path, { body: fm.body, firstLine: fm.bodyLine, mdx: /\.mdx$/i.test(file.relative) });
    problems.push(...content.problems);
    notes.push(...content.notes);
    problems.push(...images(file, "days", fm.body, fm.bodyLine));
    const parsed = entrySchema.safeParse(fm.data);
    if (!parsed.success) {
      reportSchema(file.path, fm, parsed.error, ENTRY_KEYS, report);
      continue;
    }
    if (!checkRawScalars(file.path, fm, options, report)) continue;
    const tagIds: string[] = [];
    parsed.data.tags.forEach((tag, i) => {
      const id = index.resolve(tag);
      if (id) {
        if (!tagIds.includes(id)) tagIds.push(id);
        return;
      }
      const suggestions = index.suggest(tag);
      report(file.path, fm.locate(["tags", i]), `the tag "${printable(tag)}" matches no tag id or alias in content/tags/`,
        suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}? Otherwise create content/tags/${slugFix(tag)}.md` : `create content/tags/${slugFix(tag)}.md or use an existing tag id`);
    });
    entries.push({ file: file.path, id: entryIdFromPath(file.relative), data: parsed.data, tagIds });
  }
  checkUniqueness(entries, report);
  checkRedirectPaths(entries, report);
  return { entries: inReadingOrder(entries), tags: tags.sort((a, b) => a.id.localeCompare(b.id)), problems, notes };
}

type Report = (file: string, at: { line: number; column?: number | undefined } | undefined, message: string, fix: string) => void;

function parseFile(file: SourceFile, report: Report): (FrontmatterDoc & { bodyLine: number }) | undefined {
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    report(file.path, undefined, "the file is not valid UTF-8 text (binary data or another encoding)", "re-save it as UTF-8, or remove it if it was added by mistake");
    return undefined;
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    report(file.path, { line: text.slice(0, nul).split("\n").length }, "the file contains binary data (a NUL byte)", "remove the binary content; entries are text");
    return undefined;
  }
  const fm = frontmatterOf(file.path, text);
  if (isLocated(fm)) {
    report(file.path, { line: fm.line, column: fm.column }, fm.message, fm.fix);
    return undefined;
  }
  // The body is the file's last lines, so its first line is the file's line count minus its own, plus one.
  const bodyLine = text.replace(/^\uFEFF/, "").split(/\r?\n/).length - fm.body.split("\n").length + 1;
  return { ...fm, bodyLine };
}

function reportSchema(file: string, fm: FrontmatterDoc, error: ZodError, allowed: readonly string[], report: Report): void {
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const guess = nearest(key, allowed, 1)[0];
        report(file, fm.locate([key]), `unknown frontmatter key \`${key}\``, guess ? `did you mean \`${guess}\`? Allowed keys: ${allowed.join(", ")}` : `remove it; allowed keys: ${allowed.join(", ")}`);
      }
      continue;
    }
    const key = String(issue.path[0] ?? "");
    if (issue.path.length === 1 && !(key in fm.data)) {
      report(file, { line: 1 }, `the required field \`${key}\` is missing`, `add a line \`${key}: …\` to the frontmatter (see README, 'Writing an entry')`);
      continue;
    }
    const at = fm.locate(issue.path as (string | number)[]) ?? fm.locate([key]);
    const message = issue.message.startsWith("`") || issue.message.startsWith("each") || issue.message.startsWith("an ") ? issue.message : `\`${key}\` ${issue.message}`;
    report(file, at, message, fixFor(key));
  }
}

function fixFor(key: string): string {
  const examples: Record<string, string> = {
    title: 'write e.g. title: "Two-phase commit"',
    day: "write e.g. day: 16 (a whole number from 1, no quotes)",
    date: "write e.g. date: 2026-11-18",
    updated: "write e.g. updated: 2026-11-20",
    tags: "write e.g. tags: [two-phase-commit, sagas]",
    summary: 'write e.g. summary: "What the coordinator log is for."',
    draft: "write draft: true or draft: false",
    aliases: "write e.g. aliases: [2pc]",
    related: "write e.g. related: [sagas]",
  };
  return examples[key] ?? "correct the value";
}

/** Checks that need the YAML source text: hex or float days, dates after the build date. */
function checkRawScalars(file: string, fm: FrontmatterDoc, options: ValidateOptions, report: Report): boolean {
  let ok = true;
  const dayNode = fm.doc.get("day", true);
  const raw = isScalar(dayNode) ? (dayNode.source ?? String(dayNode.value)) : "";
  if (!/^[1-9][0-9]*$/.test(raw.trim())) {
    report(file, fm.locate(["day"]), `\`day\` is written "${raw}", which is not a plain whole number`, "write it as digits only, e.g. day: 16");
    ok = false;
  }
  for (const key of ["date", "updated"] as const) {
    const value = fm.data[key];
    if (typeof value === "string" && value > options.today) {
      const zone = options.timeZone ? ` in ${options.timeZone}, the journal's time zone` : "";
      report(file, fm.locate([key]), `\`${key}\` is ${value}, after the build date ${options.today}${zone}`, `use a date on or before ${options.today}, or mark the entry draft: true until then${zone ? " (if you write in another zone, set timeZone in daybook.config.ts)" : ""}`);
      ok = false;
    }
  }
  return ok;
}

function checkTagGraph(tags: readonly ValidTag[], report: Report): void {
  const ids = new Set(tags.map((t) => t.id));
  const owners = new Map<string, string>();
  for (const tag of tags) {
    for (const alias of tag.data.aliases) {
      const key = alias.trim().toLowerCase();
      if (ids.has(key)) report(tag.file, undefined, `the alias "${alias}" is already the id of another tag`, `remove "${alias}" from aliases`);
      const owner = owners.get(key);
      if (owner && owner !== tag.id) report(tag.file, undefined, `the alias "${alias}" is also an alias of "${owner}"`, `keep it on one tag only`);
      owners.set(key, tag.id);
    }
    for (const related of tag.data.related) {
      if (related === tag.id) report(tag.file, undefined, `the tag lists itself in \`related\``, `remove "${related}" from related`);
      else if (!ids.has(related)) {
        const guess = nearest(related, ids, 1)[0];
        report(tag.file, undefined, `\`related\` names "${related}", which is not a tag id`, guess ? `did you mean "${guess}"?` : `create content/tags/${slugFix(related)}.md or remove it`);
      }
    }
  }
}

function checkUniqueness(entries: readonly ValidEntry[], report: Report): void {
  const byId = new Map<string, ValidEntry>();
  const byDay = new Map<number, ValidEntry>();
  for (const entry of entries) {
    const sameId = byId.get(entry.id);
    if (sameId) report(entry.file, undefined, `this file and ${sameId.file} map to the same entry id "${entry.id}", so one would silently replace the other`, `rename or delete one of the two files`);
    else byId.set(entry.id, entry);
    const sameDay = byDay.get(entry.data.day);
    if (sameDay) report(entry.file, undefined, `day ${entry.data.day} is already used by ${sameDay.file}`, `give this entry the next free day number, ${Math.max(...entries.map((e) => e.data.day)) + 1}`);
    else byDay.set(entry.data.day, entry);
  }
}

function slugFix(text: string): string {
  return slugify(text) || "tag-name";
}

/** Shows invisible and direction-changing characters so the author can find them. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
