import path from "node:path";
import type { SourceFile } from "../content/journal-validate.ts";
import type { Problem } from "../content/problem.ts";
import { resolveEntryLink, type LinkTargets } from "./entry-link-resolve.ts";
import { closest } from "./link-suggest.ts";
import { writtenLinks } from "./written-links.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Links between files, checked before Astro runs: a relative link in an entry or tag file must
 * name an entry, a tag or a file that exists in the content folder, as it would on GitHub.
 * `files` are the files of days/ and tags/; `targets` their valid entries and tags (a link to a
 * file that failed validation is not reported again: the file exists).
 */
export function checkJournalLinks(files: readonly SourceFile[], targets: LinkTargets): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (!/\.mdx?$/i.test(file.path)) continue;
    let text: string;
    try {
      text = utf8.decode(file.bytes);
    } catch {
      continue; // reported by the journal's validation
    }
    if (!/\]\s*[(:]|href/i.test(text)) continue; // no link at all: skip the parse
    for (const link of writtenLinks(text, /\.mdx$/i.test(file.path))) {
      const target = resolveEntryLink(link.url, file.path, targets);
      if (target.kind === "rewrite" && target.file !== undefined) targets.linked?.add(target.file);
      if (target.kind === "missing") {
        problems.push({ file: file.path, line: link.line, column: link.column, ...missing(link.url, file.path, target.file, target.fragment, targets) });
      } else if (target.kind === "outside") {
        problems.push({
          file: file.path,
          line: link.line,
          column: link.column,
          message: `the link "${link.url}" leads out of the content folder ${targets.contentDir}/, where the site has no pages`,
          fix: `link to an entry or tag file inside ${targets.contentDir}/, to a page such as /day/1/, or to the file's address on the web (https://…)`,
        });
      }
    }
  }
  return problems;
}

function missing(url: string, from: string, file: string, fragment: string, targets: LinkTargets): Omit<Problem, "file"> {
  const folder = path.posix.dirname(from);
  const asWritten = (target: string) => {
    const relative = path.posix.relative(folder, target);
    return relative.startsWith("../") ? relative : `./${relative}`;
  };
  const entries = [...targets.pages.keys()];
  const byName = new Map(entries.map((e) => [path.posix.basename(e).replace(/\.mdx?$/i, ""), e]));
  const guess = closest(path.posix.basename(file).replace(/\.[^.]*$/, ""), byName.keys());
  const nearest = guess === undefined ? undefined : byName.get(guess)!;
  const example = nearest ?? entries.find((e) => e.includes("/days/")) ?? entries[0];
  return {
    message: `the link "${url}" leads to ${file}, which does not exist`,
    fix: nearest
      ? `did you mean ${asWritten(nearest)}${fragment}? A link to an entry's or tag's file becomes its page's URL`
      : `link to an existing entry or tag file${example ? ` (such as ${asWritten(example)})` : ""} or to a page such as /day/1/, or remove the link`,
  };
}
