import { decodeHTMLAttribute as decodeEntities } from "entities";

export interface HtmlAttribute {
  /** As written; the browser reads it lowercased. */
  name: string;
  /** Offsets of the attribute's text (name to the end of its value) in the scanned string. */
  start: number;
  end: number;
  /** Offset of the value (after a quote), or of the name when it has none. */
  valueStart: number;
  /** The value with character references decoded; `null` when written without `=`. */
  value: string | null;
}

export interface HtmlTag {
  /** As written; the browser reads it lowercased. */
  name: string;
  /** Offsets of the whole tag, `<` to just after `>`. */
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
  attributes: HtmlAttribute[];
}

export interface HtmlScan {
  tags: HtmlTag[];
  /** Offset of a tag or comment that the string ends inside, which would swallow the page's markup after it. */
  unclosed?: number;
}

const SPACE = /[\t\n\f\r ]/;

/**
 * The start and end tags in a piece of raw HTML, read with the HTML tokenizer's rules for tags,
 * attributes and comments (attribute names end at whitespace, `/`, `>` or `=`; `/` separates
 * attributes; `--!>` ends a comment), so every tag a browser would see is here. It does not
 * switch to text inside `<textarea>` or `<style>` and the like: it reads more tags than a
 * browser would, never fewer.
 */
export function scanHtml(html: string): HtmlScan {
  const tags: HtmlTag[] = [];
  let i = 0;
  while ((i = html.indexOf("<", i)) >= 0) {
    const next = html[i + 1] ?? "";
    if (html.startsWith("<!--", i)) {
      const end = commentEnd(html, i + 4);
      if (end < 0) return { tags, unclosed: i };
      i = end;
    } else if (next === "!" || next === "?" || (next === "/" && !/[A-Za-z>]/.test(html[i + 2] ?? ""))) {
      const end = html.indexOf(">", i + 2); // doctype, CDATA and bogus comments end at the first `>`
      if (end < 0) return { tags, unclosed: i };
      i = end + 1;
    } else if (next === "/" && html[i + 2] === ">") {
      i += 3;
    } else if (/[A-Za-z]/.test(next) || (next === "/" && /[A-Za-z]/.test(html[i + 2] ?? ""))) {
      const tag = readTag(html, i);
      if (!tag) return { tags, unclosed: i };
      tags.push(tag);
      i = tag.end;
    } else {
      i++;
    }
  }
  return { tags };
}

function commentEnd(html: string, from: number): number {
  if (html[from] === ">") return from + 1; // <!-->
  if (html.startsWith("->", from)) return from + 2; // <!--->
  const m = /--!?>/.exec(html.slice(from));
  return m ? from + m.index + m[0].length : -1;
}

function readTag(html: string, start: number): HtmlTag | undefined {
  const closing = html[start + 1] === "/";
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  while (i < html.length && !SPACE.test(html[i]!) && html[i] !== "/" && html[i] !== ">") i++;
  const name = html.slice(nameStart, i);
  const attributes: HtmlAttribute[] = [];
  for (;;) {
    while (i < html.length && (SPACE.test(html[i]!) || (html[i] === "/" && html[i + 1] !== ">"))) i++;
    if (i >= html.length) return undefined;
    if (html[i] === ">" || html.startsWith("/>", i)) {
      const selfClosing = html[i] === "/";
      return { name, start, end: i + (selfClosing ? 2 : 1), closing, selfClosing, attributes };
    }
    const attrStart = i++; // the first character is part of the name, even `=`
    while (i < html.length && !SPACE.test(html[i]!) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") i++;
    const attrName = html.slice(attrStart, i);
    let j = i;
    while (j < html.length && SPACE.test(html[j]!)) j++;
    if (html[j] !== "=") {
      attributes.push({ name: attrName, start: attrStart, end: i, valueStart: attrStart, value: null });
      continue;
    }
    j++;
    while (j < html.length && SPACE.test(html[j]!)) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close < 0) return undefined;
      attributes.push({ name: attrName, start: attrStart, end: close + 1, valueStart: j + 1, value: decodeEntities(html.slice(j + 1, close)) });
      i = close + 1;
    } else {
      let k = j;
      while (k < html.length && !SPACE.test(html[k]!) && html[k] !== ">") k++;
      attributes.push({ name: attrName, start: attrStart, end: k, valueStart: j, value: decodeEntities(html.slice(j, k)) });
      i = k;
    }
  }
}
