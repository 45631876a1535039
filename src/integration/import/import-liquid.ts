import type { ImportNote } from "./import-types.ts";

export interface LiquidContext {
  file: string;
  /** File line of the body's first line. */
  firstLine: number;
  /** The entry file a `{% post_url 2020-01-02-slug %}` names (e.g. `./012-slug.md`), or undefined. */
  postUrl(name: string): string | undefined;
  /** The link a `{% link _posts/2020-01-02-slug.md %}` becomes, or undefined. */
  link(sitePath: string): string | undefined;
}

const RAW = /\{%-?\s*(end)?raw\s*-?%\}/g;
const HIGHLIGHT = /^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}(.*)$/;
const END_HIGHLIGHT = /^(.*?)\{%-?\s*endhighlight\s*-?%\}\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Jekyll's Liquid, which GitHub and Daybook show as text, turned into the Markdown it stood
 * for: `highlight` blocks become fences, `post_url` and `link` the new entry files,
 * `site.baseurl` and `relative_url` root-relative paths (the build adds the base path), and
 * `raw` markers go. Anything else is left as text and reported. Line numbers are kept, so
 * later notes still point at the right source line. Code and `raw` spans are not touched.
 */
export function convertLiquid(body: string, context: LiquidContext): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const out: string[] = [];
  let fence: string | undefined;
  let highlight = false;
  let raw = false;
  body.split("\n").forEach((line, i) => {
    const lineNo = context.firstLine + i;
    if (highlight) {
      const end = END_HIGHLIGHT.exec(line);
      if (end) {
        highlight = false;
        out.push(end[1]!.trim() ? `${end[1]}\n\`\`\`` : "```");
      } else out.push(line.replace(RAW, ""));
      return;
    }
    if (fence) {
      if (new RegExp(`^\\s{0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      out.push(line.replace(RAW, ""));
      return;
    }
    const open = FENCE.exec(line);
    if (open && !raw) {
      fence = open[1]!;
      out.push(line.replace(RAW, ""));
      return;
    }
    const start = raw ? undefined : HIGHLIGHT.exec(line);
    if (start) {
      highlight = true;
      out.push(`${start[1]}\`\`\`${start[2]!.toLowerCase()}${start[3]!.trim() ? `\n${start[3]!.trim()}` : ""}`);
      return;
    }
    // Split the line at raw markers: only the parts outside raw … endraw are Liquid.
    let result = "";
    let last = 0;
    for (const marker of line.matchAll(RAW)) {
      result += raw ? line.slice(last, marker.index) : convertSpan(line.slice(last, marker.index), lineNo, context, notes);
      raw = marker[1] === undefined;
      last = marker.index + marker[0].length;
    }
    result += raw ? line.slice(last) : convertSpan(line.slice(last), lineNo, context, notes);
    out.push(result);
  });
  if (highlight) notes.push({ file: context.file, message: "a {% highlight %} block is never closed with {% endhighlight %}; it was closed at the end of the note" });
  if (highlight) out.push("```");
  return { text: out.join("\n"), notes };
}

/** Liquid in one stretch of a line, skipping inline code spans. */
function convertSpan(span: string, line: number, context: LiquidContext, notes: ImportNote[]): string {
  return span
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : convertText(part, line, context, notes)))
    .join("");
}

function convertText(text: string, line: number, context: LiquidContext, notes: ImportNote[]): string {
  const note = (message: string) => notes.push({ file: context.file, line, message });
  return text
    .replace(/\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}/g, (whole, name: string) => {
      const target = context.postUrl(name.replace(/\.[a-z]+$/i, ""));
      if (target) return target;
      note(`${whole} names no post in the imported folder; it was left as text`);
      return whole;
    })
    .replace(/\{%-?\s*link\s+([^\s%]+)\s*-?%\}/g, (whole, sitePath: string) => {
      const target = context.link(sitePath);
      if (target) return target;
      note(`${whole} names no file in the imported folder; it was left as text`);
      return whole;
    })
    .replace(/\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g, "")
    .replace(/\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g, (_w, _q, target: string) => (target.startsWith("/") ? target : `/${target}`))
    // Whatever is left (post_url and link were reported above).
    .replace(/\{\{[\s\S]*?\}\}|\{%(?!-?\s*(?:post_url|link)\s)[\s\S]*?%\}/g, (whole) => {
      note(`the Liquid ${whole} has no Daybook equivalent; it was left as text`);
      return whole;
    });
}
