// What Pagefind reads of a page, which is not quite what the reader gets: only the element it
// indexes, code and output blocks with only their words of three or more characters, and entries
// with their tags' aliases as searchable metadata. The served page is unchanged.

import { Parser } from "htmlparser2";

/** Identifiers, numbers and hyphenated words (`tx-2`, `cache-aside`) of code and output. */
const TOKEN = /[\p{L}\p{N}_$]+(?:-[\p{L}\p{N}_$]+)*/gu;

/** Shorter words in code are loop variables and operators' neighbours (`i`, `k`, `x`, `ok`), not what readers search for. */
export const MIN_CODE_WORD = 3;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A hyphenated token is kept whole when one of its parts is a word (`tx-2`); `a-b` is two short tokens. */
function keep(token: string): boolean {
  if (token.length < MIN_CODE_WORD) return false;
  return !token.includes("-") || token.split("-").some((part) => /\p{L}{2,}/u.test(part));
}

/** The searchable words of a code or output block's text, in order. */
export function codeWords(text: string): string[] {
  const words: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    if (keep(token)) words.push(token);
    else if (token.includes("-")) words.push(...token.split("-").filter((part) => part.length >= MIN_CODE_WORD));
  }
  return words;
}

/**
 * Replaces the content of every `<pre>` (highlighted code, snippet code, baked output) with its
 * words of three or more characters. Daybook's own HTML never nests `<pre>`, so a non-greedy match
 * finds each block whole.
 */
export function codeForIndex(html: string): string {
  return html.replace(/(<pre\b[^>]*>)([\s\S]*?)(<\/pre>)/g, (_whole, open: string, inner: string, close: string) => {
    const text = decodeEntities(inner.replace(/<[^>]*>/g, ""));
    return `${open}${escapeText(codeWords(text).join(" "))}${close}`;
  });
}

/**
 * Adds `aliases` metadata (searchable, not shown) just inside the page's `data-pagefind-body`
 * element, so "2pc" finds the days tagged Two-phase commit.
 */
export function withAliases(html: string, aliases: string[]): string {
  if (aliases.length === 0) return html;
  const value = escapeText(aliases.join(", "));
  return html.replace(/(<[a-z]+\b[^>]*\bdata-pagefind-body\b[^>]*>)/, `$1<span data-pagefind-meta="aliases:${value}"></span>`);
}

/**
 * The page reduced to what Pagefind reads of it: its language, its title and the one
 * `data-pagefind-body` element (Daybook marks one per page), without the header, the local graph,
 * the footer or, on a tag page, the list of its entries. Pagefind ignores everything outside that
 * element, so the index is byte for byte the same (tests/build/search-indexed-part.test.ts builds both), and
 * it parses a third of the text: a tag page of a long journal is mostly its entry list. A page
 * without such an element is returned whole.
 */
export function indexedPart(html: string): string {
  let start = -1;
  let end = -1;
  let name = "";
  let depth = 0;
  let tag = "";
  let tagStart = -1;
  // Tag names and attribute names only: with no `onopentag` handler the parser builds no object
  // of attributes for each tag, which was most of its time on pages of highlighted code and graphs.
  const parser: Parser = new Parser(
    {
      onopentagname(opened) {
        [tag, tagStart] = [opened, parser.startIndex];
        if (start >= 0 && opened === name) depth++;
      },
      onattribute(attribute) {
        if (start < 0 && attribute === "data-pagefind-body") [start, name, depth] = [tagStart, tag, 1];
      },
      onclosetag(closed) {
        if (start >= 0 && end < 0 && closed === name && --depth === 0) {
          end = parser.endIndex + 1;
          // The rest of the page (footer, graph, scripts) is not read.
          parser.pause();
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  // An element left open is closed by the end of the page, as before.
  if (end < 0) parser.end();
  if (start < 0 || end < 0) return html;
  const open = /<html\b[^>]*>/i.exec(html)?.[0] ?? "<html>";
  const title = /<title>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? "";
  return `<!DOCTYPE html>${open}<head><meta charset="utf-8">${title}</head><body>${html.slice(start, end)}</body></html>`;
}
