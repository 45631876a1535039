import { Parser } from "htmlparser2";

/** One attribute of a start tag, as a browser reads it. */
export interface HtmlAttribute {
  /** The element's name, lowercase. */
  tag: string;
  /** The attribute's name, lowercase. */
  name: string;
  /** The value with its character references decoded (`&amp;`, `&#x2F;`, `&colon;`…). */
  value: string;
  /** Offset in the HTML of the value as written (after its quote), or of the name when it has no value. */
  offset: number;
  /** Length of the value as written, before decoding. */
  length: number;
}

/**
 * Every attribute of every start tag in `html`, in order, read by htmlparser2's HTML tokenizer:
 * comments, doctypes and the text of `<script>`, `<style>`, `<textarea>`, `<title>` and the
 * other raw-text elements hold no tags, and a repeated attribute counts once (the first), as in
 * a browser. The offsets let a checker name a line and a rewriter change the value in place.
 */
export function htmlAttributes(html: string): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  let tag = "";
  let seen = new Set<string>();
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        tag = name;
        seen = new Set();
      },
      onattribute(name, value, quote) {
        if (seen.has(name)) return;
        seen.add(name);
        // The parser gives the attribute's start (its name) and end; the value starts after `=` and any quote.
        const start = parser.startIndex;
        const written = html.slice(start, parser.endIndex); // through the closing quote, or to the end of an unquoted value
        const lead = quote === undefined ? undefined : /^[^\s=]+\s*=\s*["']?/.exec(written)?.[0];
        const offset = start + (lead?.length ?? 0);
        attributes.push({ tag, name, value, offset, length: lead === undefined ? 0 : written.length - lead.length - (quote ? 1 : 0) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return attributes;
}
