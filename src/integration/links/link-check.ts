// links/: the link checker of `npm run check`: every internal link and #anchor of a built site
// resolves, and a broken one is reported at its source file:line with the nearest page.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { scanHtml, type HtmlLink, type HtmlScan } from "./html-scan.ts";
import { locateInSource, writtenForms, type PageSource } from "./link-source.ts";
import { closest, nearestPage } from "./link-suggest.ts";
import { candidateFiles, fragmentMatches, pageUrlOf, resolveLink } from "./link-target.ts";
import type { Problem } from "../content/problem.ts";

export { journalSources, type PageSource } from "./link-source.ts";

export interface LinkCheckOptions {
  /** The site's base path: `/`, or e.g. `/journal/` (`daybookSettings().base`). */
  base: string;
  /** Built page (e.g. `day/1/index.html`) → the file its author wrote, so a problem names that file and line. */
  sources?: ReadonlyMap<string, PageSource>;
  /** How a built file is named in a Problem; by default its path relative to the working directory. */
  label?: (htmlFile: string) => string;
}

export interface LinkCheckReport {
  pages: number;
  links: number;
  problems: Problem[];
}

type Broken = { message: string; fix: string };

/**
 * Checks every `href` and `src` of every HTML file under `outDir`: internal URLs must lead to a
 * file of the output (a directory URL to its index.html) and a `#fragment` to an `id` (or an
 * `a name`) on the target page. Other sites, mailto:, tel:, data: and blob: are not checked;
 * `javascript:` is reported.
 */
export function checkLinks(outDir: string, options: LinkCheckOptions): LinkCheckReport {
  const root = path.resolve(outDir);
  const label = options.label ?? ((file: string) => path.relative(process.cwd(), path.join(root, file)) || file);
  const pages = htmlFiles(root);
  const scans = new Map<string, { html: string; scan: HtmlScan }>();
  const read = (file: string) => {
    let page = scans.get(file);
    if (!page) {
      const html = readFileSync(path.join(root, file), "utf8");
      page = { html, scan: scanHtml(html) };
      scans.set(file, page);
    }
    return page;
  };
  const isFile = (file: string) => {
    const absolute = path.join(root, file);
    return absolute.startsWith(root + path.sep) && statSync(absolute, { throwIfNoEntry: false })?.isFile() === true;
  };
  const pageUrls = pages.map((p) => pageUrlOf(p, options.base));
  const pageFiles = new Map([...(options.sources ?? [])].map(([page, source]) => [page, source.file]));

  const problems = new Map<string, Problem>();
  let links = 0;
  for (const page of pages) {
    const { html, scan } = read(page);
    const pageUrl = pageUrlOf(page, options.base);
    const occurrences = new Map<string, number>();
    for (const link of scan.links) {
      links++;
      const occurrence = occurrences.get(link.value) ?? 0;
      occurrences.set(link.value, occurrence + 1);
      const broken = check(link);
      if (!broken) continue;
      // The author's file and line when the link is in their text; otherwise the built page (a layout link).
      const source = options.sources?.get(page);
      const at = source ? locateInSource(source.text, writtenForms(link.value, options.base, source.file, pageFiles), occurrence) : undefined;
      const problem: Problem =
        source && at
          ? { file: source.file, ...at, ...broken }
          : { file: label(page), ...lineAndColumn(html, link.offset), message: `on the page ${pageUrl}, ${broken.message}`, fix: broken.fix };
      problems.set(`${problem.file}:${problem.line}:${problem.column}:${problem.message}`, problem);
    }

    function check(link: HtmlLink): Broken | undefined {
      const target = resolveLink(link.value, pageUrl, options.base, scan.baseHref);
      const quoted = `the ${link.attribute === "src" ? `<${link.tag}> source` : "link"} "${link.value}"`;
      switch (target.kind) {
        case "external":
          return undefined;
        case "script":
          return { message: `${quoted} is a javascript: URL, which does nothing without JavaScript and is blocked by a strict Content Security Policy`, fix: "link to a page or an #anchor, or use a <button> for an action" };
        case "invalid":
          return { message: `${quoted} is broken: ${target.reason}`, fix: "correct the URL, or remove the link" };
        case "outside-base": {
          const within = options.base + target.pathname.replace(/^\/+/, "");
          const served = `the site is served under ${options.base}, so ${target.pathname} does not exist there`;
          const fix = candidateFiles(within.slice(options.base.length)).some(isFile) ? `${served}; write ${within}, or remove the link` : `${served}, nor does ${within}; ${whatToDo(link, within).advice}`;
          return { message: `${quoted} points outside the site's base path ${options.base}`, fix };
        }
        case "internal": {
          const file = candidateFiles(target.rest).find(isFile);
          if (!file) return missingFile(quoted, link, target.pathname);
          if (target.fragment === undefined || !file.endsWith(".html")) return undefined;
          const anchors = read(file).scan.anchors;
          if (fragmentMatches(target.fragment, anchors)) return undefined;
          const fragment = `#${target.fragment}`;
          const suggestion = closest(target.fragment, anchors);
          const instead = `link to an existing heading or id${suggestion ? ` (did you mean #${suggestion}?)` : ""} or remove the link`;
          return file === page
            ? { message: `${quoted} points to ${fragment}, which is on no element of this page`, fix: `no heading or element here has the id "${target.fragment}"; ${instead}` }
            : { message: `${quoted} points to ${fragment}, which is on no element of ${target.pathname}`, fix: `no heading or element on ${target.pathname} has the id "${target.fragment}"; ${instead}` };
        }
      }
    }
  }

  function missingFile(quoted: string, link: HtmlLink, pathname: string): Broken {
    const { kind, advice } = whatToDo(link, pathname);
    return { message: `${quoted} leads nowhere: ${pathname} is not in the built site`, fix: `the ${kind} ${pathname} does not exist; ${advice}` };
  }

  /** What a missing target is (a page or a file) and what to link to instead. */
  function whatToDo(link: HtmlLink, pathname: string): { kind: "page" | "file"; advice: string } {
    if (link.attribute === "src" || (!pathname.endsWith(".html") && /\.[a-z0-9]+$/i.test(pathname))) {
      return { kind: "file", advice: `put it in public/ (served from ${options.base}) or correct the path` };
    }
    const rest = pathname.slice(options.base.length);
    const what = /^day\/[^/]*\/?$/.test(rest) ? "day" : /^tags\/[^/]*\/?$/.test(rest) ? "tag" : "page";
    const suggestion = what === "day" ? undefined : nearestPage(pathname, pageUrls, options.base);
    return { kind: "page", advice: `link to an existing ${what}${suggestion ? ` (did you mean ${suggestion}?)` : ""} or remove the link` };
  }

  return { pages: pages.length, links, problems: [...problems.values()] };
}

/** Every HTML file under `dir`, relative to it with forward slashes, sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
