import { readFileSync } from "node:fs";
import path from "node:path";
import type { Journal } from "../content/journal-validate.ts";

/** The file an author wrote a built page from, with its text. */
export interface PageSource {
  /** Path relative to the project root, as in every other Problem. */
  file: string;
  text: string;
}

/**
 * Which built pages come from which author file: each published entry's `day/<n>/index.html`
 * and each tag's `tags/<id>/index.html` (its description is the tag file's body).
 */
export function journalSources(journal: Journal, root: string): Map<string, PageSource> {
  const pages: [string, string][] = [
    ...journal.entries.filter((e) => !e.data.draft).map((e): [string, string] => [`day/${e.data.day}/index.html`, e.file]),
    ...journal.tags.map((t): [string, string] => [`tags/${t.id}/index.html`, t.file]),
  ];
  const sources = new Map<string, PageSource>();
  for (const [page, file] of pages) {
    try {
      sources.set(page, { file, text: readFileSync(path.join(root, file), "utf8") });
    } catch {
      // unreadable now: the problem is reported against the built page instead
    }
  }
  return sources;
}

/** Characters around a URL where an author writes it: `(…)`, `<…>`, `"…"`, `{…}`, `[id]: …`. */
const BEFORE = /[\s(<"'{=]/;
const AFTER = /[\s)>"'}]/;

/**
 * How the author may have written a link that the build published as `href`: as it is, without
 * the base path (`/journal/day/2/` was `/day/2/`), or as the file of the page it leads to, relative
 * to `from` (`./002-second.md#why`). `pageFiles` maps a built page (`day/2/index.html`) to its file.
 */
export function writtenForms(href: string, base: string, from: string, pageFiles: ReadonlyMap<string, string>): string[] {
  const forms = [href];
  if (base === "/" || !href.startsWith(base)) return forms;
  const rest = href.slice(base.length);
  forms.push(`/${rest}`);
  const [, page = "", after = ""] = /^([^?#]*)(.*)$/s.exec(rest) ?? [];
  const file = pageFiles.get(`${page}${page === "" || page.endsWith("/") ? "" : "/"}index.html`);
  if (file) {
    const relative = path.posix.relative(path.posix.dirname(from), file);
    forms.push(`${relative}${after}`, `./${relative}${after}`);
  }
  return forms;
}

/**
 * Where `href` (or any of its written forms) is written in an author's file: the
 * `occurrence`-th place it appears as a whole URL outside code fences (the last one if there
 * are fewer), else anywhere at all.
 */
export function locateInSource(text: string, hrefs: string | readonly string[], occurrence = 0): { line: number; column: number } | undefined {
  const forms = [...new Set([hrefs].flat().flatMap((href) => [href, safeDecode(href), encodeURI(safeDecode(href))]))].filter((f) => f !== "");
  const whole: { line: number; column: number }[] = [];
  let loose: { line: number; column: number } | undefined;
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const [, marker, info = ""] = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line) ?? [];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && info.trim() === ""))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence) return;
    for (const form of forms) {
      for (let at = line.indexOf(form); at !== -1; at = line.indexOf(form, at + 1)) {
        const position = { line: index + 1, column: at + 1 };
        loose ??= position;
        if ((at === 0 || BEFORE.test(line[at - 1]!)) && (at + form.length === line.length || AFTER.test(line[at + form.length]!))) whole.push(position);
      }
    }
  });
  return whole[Math.min(occurrence, whole.length - 1)] ?? loose;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
