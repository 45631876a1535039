import { Parser } from "htmlparser2";

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
/** Attribute values that mean the same as a quoted JSX literal: no quote, brace, `<`, `&` or anything Markdown reads. */
const PLAIN_VALUE = /^[A-Za-z0-9 .,:/#%+-]*$/;

/**
 * Daybook's own markup (a figure's SVG and data table) as MDX JSX that the Markdown re-parse
 * cannot misread: every attribute value and every run of text becomes a JS string expression
 * (`literal`: mdast-snippets.ts's inertString), so braces, `*`, `_` or `<` in a figure's title stay text and whitespace is kept.
 * Names are checked too (the markup is the renderer's, but a name here is written as code).
 * Elements are always written open and closed, which SVG and a table both allow.
 */
export function htmlToJsx(html: string, literal: (text: string) => string): string {
  let jsx = "";
  // The parser hands text over in pieces (around each character reference): one expression per run of text.
  let text = "";
  const flush = () => {
    if (text) jsx += `{${literal(text)}}`;
    text = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!NAME.test(name)) throw new Error(`html-to-jsx: element name ${JSON.stringify(name)}`);
        flush();
        jsx += `<${name}`;
        for (const [key, value] of Object.entries(attributes)) {
          if (!NAME.test(key)) throw new Error(`html-to-jsx: attribute name ${JSON.stringify(key)}`);
          // A plain value (coordinates, class names, path data) is written as a quoted literal: MDX
          // parses each `{…}` as JavaScript, which made a 5,000-dot figure take seconds to compile.
          jsx += PLAIN_VALUE.test(value) ? ` ${key}="${value}"` : ` ${key}={${literal(value)}}`;
        }
        jsx += ">";
      },
      ontext(piece) {
        text += piece;
      },
      onclosetag(name) {
        flush();
        jsx += `</${name}>`;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(html);
  flush();
  return jsx;
}
