// An .mdx entry's elements that no component replaces are written as HTML when the entry
// compiles (@astrojs/mdx's `optimize`, with Daybook's options: src/integration/markdown/mdx-options.ts).
// That HTML reaches the page as it is (`set:html`), so what an author writes must arrive there as
// text and attribute values, never as markup; and Daybook's own components must stay components.
import { satteri } from "@astrojs/markdown-satteri";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { ENTRY_COMPONENT_NAMES } from "../../src/components/entry-component-names.ts";
import { MDX_OPTIONS } from "../../src/integration/markdown/mdx-options.ts";
import { HAST_PLUGINS } from "../../src/integration/markdown/hast-plugins.ts";

/** The compiled module of `source`, as @astrojs/mdx compiles an entry with Daybook's hast plugins and options. */
async function compile(source: string): Promise<string> {
  const processor = satteri({ hastPlugins: HAST_PLUGINS, features: { gfm: true, math: true } });
  const renderer = await processor.createMdxRenderer!(
    { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true },
    { optimize: MDX_OPTIONS.optimize, srcDir: new URL("../../src/", import.meta.url), sourcemap: false },
  );
  const { code } = (await renderer.process(source, "/journal/days/001-test.mdx", {})) as { code: string };
  return code;
}

/** The HTML written ahead in a compiled module: each `set:html` string. */
function staticHtml(code: string): string[] {
  return [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
}

/** Every element and attribute of `html`, and its text, as a browser's parser reads them. */
function parse(html: string): { elements: string[]; attributes: string[]; text: string } {
  const found = { elements: [] as string[], attributes: [] as string[], text: "" };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        found.elements.push(name);
        found.attributes.push(...Object.keys(attributes));
      },
      ontext(text) {
        found.text += text;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe("MDX written as HTML ahead", () => {
  it("is on: a paragraph and a highlighted block become HTML, not a JSX call per element", async () => {
    const code = await compile("Some *text*.\n\n```ts\nconst a = 1;\n```\n");
    const html = staticHtml(code).join("");
    expect(html).toContain("<p>Some <em>text</em>.</p>");
    expect(html).toMatch(/<pre class="astro-code [^"]+" tabindex="0" data-language="ts"><code><span class="line">/);
    expect(code).not.toMatch(/_components\.span/);
  });

  it("keeps what an author writes as text and attribute values, never markup", async () => {
    const source = [
      "Escaped \\<script>alert(1)\\</script> and `<img src=x onerror=alert(1)>` in code.",
      "",
      '[a link](https://example.com/ "t\\" onmouseover=\\"alert(1)")',
      "",
      '```x"onmouseover="alert(1)',
      "</pre><script>alert(2)</script>",
      "```",
      "",
      "| a & b | `</td><script>alert(3)</script>` |",
      "| --- | --- |",
      '| "quoted" | \'single\' |',
      "",
    ].join("\n");
    const found = parse(staticHtml(await compile(source)).join(""));
    expect(found.elements).not.toContain("script");
    expect(found.elements).not.toContain("img");
    expect(found.attributes.filter((name) => name.startsWith("on"))).toEqual([]);
    expect(found.text).toContain("<script>alert(1)</script>");
    expect(found.text).toContain("<img src=x onerror=alert(1)>");
    expect(found.text).toContain("</pre><script>alert(2)</script>");
    expect(found.text).toContain("</td><script>alert(3)</script>");
    expect(found.text).toContain("a & b");
  });

  it.each(ENTRY_COMPONENT_NAMES)("leaves Daybook's %s a component the page renders", async (name) => {
    const code = await compile(`Before.\n\n<${name} type="range" name="load" />\n\nAfter.\n`);
    expect(code).toMatch(new RegExp(`_components\\.${name}\\b|\\b${name}\\b(?=[,}\\s])`));
    for (const html of staticHtml(code)) expect(html.toLowerCase()).not.toContain(name.toLowerCase());
  });
});
