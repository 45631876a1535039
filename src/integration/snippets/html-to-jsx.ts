import { Parser } from "htmlparser2";

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/**
 * Daybook's own markup (a figure's SVG and data table) as MDX JSX that the Markdown re-parse
 * cannot misread: every attribute value and every run of text becomes a JS string expression
 * (`literal`: mdast-snippets.ts's inertString), so braces, `*`, `_` or `<` in a figure's title stay text and whitespace is kept.
 * Names are checked too (the markup is the renderer's, but a name here is written as code).
 * Elements are always written open and closed, which SVG and a table both allow.
 */
export function htmlToJsx(html: string, literal: (text: string) => string): string {
  let jsx = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!NAME.test(name)) throw new Error(`html-to-jsx: element name ${JSON.stringify(name)}`);
        jsx += `<${name}`;
        for (const [key, value] of Object.entries(attributes)) {
          if (!NAME.test(key)) throw new Error(`html-to-jsx: attribute name ${JSON.stringify(key)}`);
          jsx += ` ${key}={${literal(value)}}`;
        }
        jsx += ">";
      },
      ontext(text) {
        jsx += `{${literal(text)}}`;
      },
      onclosetag(name) {
        jsx += `</${name}>`;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(html);
  return jsx;
}
