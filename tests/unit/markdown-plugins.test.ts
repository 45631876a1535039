import { markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { mayHoldMaths } from "../../src/integration/markdown/hast-maths.ts";
import { HAST_PLUGINS } from "../../src/integration/markdown/hast-plugins.ts";
import { proseDollars } from "../../src/integration/markdown/mdast-prose-dollars.ts";

/** The processor's Markdown plugins and features, as astro.config.mjs wires them. */
const OPTIONS = {
  mdastPlugins: [proseDollars],
  hastPlugins: HAST_PLUGINS,
  features: { gfm: true, math: true },
};

async function md(source: string): Promise<string> {
  return (await markdownToHtml(source, OPTIONS)).html;
}

/** The MDX module's element props, as HTML-ish text: `pre class="…" data-language="…"` per element. */
async function mdx(source: string): Promise<string> {
  return (await mdxToJs(source, { ...OPTIONS, jsxImportSource: "astro", elementAttributeNameCase: "html" })).code;
}

describe("code fences", () => {
  it("colour the first block of a language as later ones (Shiki's per-line time limit cut the first short while its grammar compiled)", async () => {
    const source = "```c++\nint main() { return 0; }\n```\n";
    const first = await md(source);
    expect(first).toContain('<span class="l-cf222e d-ff7b72">return</span>');
    expect(await md(source)).toBe(first);
  });

  it("give <pre> one class attribute in .md (Shiki's own `class` and Daybook's classes used to be two)", async () => {
    const html = await md("```ts\nconst a = 1;\n```\n");
    const pre = /<pre[^>]*>/.exec(html)![0];
    expect(pre.match(/ class=/g)).toHaveLength(1);
    expect(pre).toMatch(/^<pre class="astro-code l-1f2328 d-e6edf3 lb-ffffff db-0d1117" tabindex="0" data-language="ts">$/);
    expect(html).not.toMatch(/shiki/);
  });

  it("come in the box the page's Copy button goes in, made at build (a script wrapping each block at load restyled all the code)", async () => {
    const html = await md("Text.\n\n```ts\nconst a = 1;\n```\n");
    expect(html).toMatch(/^<p>Text\.<\/p>\n<div class="code-block"><pre class="astro-code [^"]+" tabindex="0" data-language="ts"><code>[^]*<\/code><\/pre><\/div>\n$/);
    const code = await mdx("```ts\nconst a = 1;\n```\n");
    expect(code).toMatch(/_components\.div, \{\s*class: "code-block",\s*children: _jsx\(_components\.pre, \{\s*class: "astro-code /);
  });

  it("give <pre> one class key in .mdx (a duplicate key in a JS object hid the bug there)", async () => {
    const code = await mdx("```ts\nconst a = 1;\n```\n");
    const pre = /_components\.pre, \{([\s\S]*?)children/.exec(code)![1]!;
    expect(pre.match(/\bclass:/g)).toHaveLength(1);
    expect(pre).toMatch(/class: "astro-code l-1f2328 d-e6edf3 lb-ffffff db-0d1117"/);
  });

  it.each(["reason", "groq", "vimrc", "postgresql", "mysql", "Reason", "made-up-lang"])("show the unknown language %s as plain code in the code box", async (lang) => {
    const html = await md(`\`\`\`${lang}\nlet x = <b>1</b>;\n\`\`\`\n`);
    expect(html).toMatch(new RegExp(`^<div class="code-block"><pre class="astro-code [^"]+" tabindex="0" data-language="${lang.toLowerCase()}"><code><span class="line"><span>let x = &lt;b&gt;1&lt;/b&gt;;</span></span></code></pre></div>`));
  });

  it.each([
    ["Dockerfile", "dockerfile"],
    ["DOCKERFILE", "dockerfile"],
    ["c++", "c++"],
    ["JSON", "json"],
    ["Shell", "shell"],
  ])("highlight %s, a name (or alias) Shiki knows in another case", async (lang, shown) => {
    const html = await md(`\`\`\`${lang}\nFROM node # x\n\`\`\`\n`);
    expect(html).toContain(`data-language="${shown}"`);
    expect(html).toMatch(/<span class="[ld]-[0-9a-f]{6} /);
  });

  it("keep the author's fence info out of the markup (no attribute injection through the language)", async () => {
    const html = await md('```x"onmouseover="alert(1)\ncode\n```\n');
    expect(html).not.toMatch(/onmouseover="/);
    expect(html.match(/<pre[^>]*>/)![0]).toMatch(/data-language="x&#x22;onmouseover=&#x22;alert\(1\)"|data-language="x&quot;onmouseover=&quot;alert\(1\)"/);
  });
});

describe("tables", () => {
  const table = "| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n";

  it("carry column alignment as classes, with no style attribute, in .md and .mdx", async () => {
    const html = await md(table);
    expect(html).not.toMatch(/style=/);
    expect(html.match(/<t[hd](?: [^>]*)?>/g)).toEqual(['<th class="align-left">', '<th class="align-center">', '<th class="align-right">', "<th>", '<td class="align-left">', '<td class="align-center">', '<td class="align-right">', "<td>"]);
    const code = await mdx(table);
    expect(code).not.toMatch(/style|textAlign/);
    expect(code.match(/class: "align-\w+"/g)).toHaveLength(6);
  });
});

describe("GitHub alerts", () => {
  it.each(["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", "note", "Warning"])("turn > [!%s] into a callout with a visible title", async (kind) => {
    const html = await md(`> [!${kind}]\n> Mind the **gap**.\n>\n> Second.\n`);
    const lower = kind.toLowerCase();
    expect(html).toBe(`<div class="callout callout-${lower}" role="note"><p class="callout-title">${lower[0]!.toUpperCase()}${lower.slice(1)}</p>\n<p>Mind the <strong>gap</strong>.</p>\n<p>Second.</p>\n</div>\n`);
  });

  it.each([
    ["an ordinary quote", "> Just a quote.\n"],
    ["a marker with text on its line (GitHub needs it alone)", "> [!NOTE] inline text\n"],
    ["a marker and nothing else", "> [!NOTE]\n"],
    ["an unknown kind", "> [!DANGER]\n> x\n"],
    ["a marker that is not first", "> Before\n> [!NOTE]\n> x\n"],
  ])("leave %s a blockquote", async (_name, source) => {
    const html = await md(source);
    expect(html).toMatch(/^<blockquote>/);
    expect(html).not.toMatch(/callout/);
  });

  it("work in .mdx too", async () => {
    const code = await mdx("> [!TIP]\n> Use the index.\n");
    expect(code).toMatch(/class: "callout callout-tip",\s*role: "note"/);
    expect(code).toMatch(/class: "callout-title",\s*children: "Tip"/);
    expect(code).not.toMatch(/\[!TIP\]/);
  });
});

describe("GFM extras render as GitHub renders them", () => {
  it("task lists, footnotes, strikethrough and autolinks", async () => {
    const html = await md("- [x] done\n- [ ] to do\n\nA claim[^1], ~~gone~~, www.example.com and https://example.org/x.\n\n[^1]: The source.\n");
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toContain('<a href="https://example.org/x">https://example.org/x</a>');
  });

  it("give the hidden footnotes heading no self-link (an invisible tab stop), other headings keep theirs", async () => {
    const html = await md("## Section\n\nA claim[^1].\n\n[^1]: The source.\n");
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    expect(html.match(/heading-anchor/g)).toHaveLength(1);
  });
});

describe("maths", () => {
  it("renders $…$, $$…$$ and ```math as MathML with no style attribute", async () => {
    const html = await md("Inline $a^2$ here.\n\n$$\n\\frac{a}{b}\n$$\n\n```math\n\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}\n```\n");
    expect(html).toContain("<p>Inline <math><msup><mi>a</mi><mn>2</mn></msup></math> here.</p>");
    expect(html.match(/<div class="math-display"><math display="block" class="tml-display">/g)).toHaveLength(2);
    expect(html).toContain('<mtd class="tml-padding-left_0em tml-padding-right_5_9776pt">');
    expect(html).not.toMatch(/style=|<pre|<code/);
  });

  it("renders a math block in an entry with no dollar sign, and skips entries with neither", async () => {
    expect(await md("~~~math\nx^2\n~~~\n")).toMatch(/^<div class="math-display"><math display="block" class="tml-display">/);
    expect(mayHoldMaths("A paragraph and `code`.\n\n```ts\nconst x = 1;\n```\n")).toBe(false);
    expect(mayHoldMaths("Costs $5.")).toBe(true);
  });

  it("renders maths in .mdx too, braces and all", async () => {
    const code = await mdx("Inline $\\frac{a}{b}$ and\n\n$$\n\\left\\{ x \\right\\}\n$$\n");
    expect(code).toMatch(/_components\.mfrac/);
    expect(code).toMatch(/display: "block"/);
    expect(code).not.toMatch(/style|language-math/);
  });

  it("gives colour as MathML's mathcolor attribute", async () => {
    expect(await md("$\\color{red}{x}$\n")).toContain('<mi mathcolor="#ff0000">x</mi>');
  });

  it("keeps prose with two dollar signs as text, as GitHub does", async () => {
    expect(await md("Costs $5 and $10 today.\n")).toBe("<p>Costs $5 and $10 today.</p>\n");
    expect(await md("A $ spaced $ pair.\n")).toBe("<p>A $ spaced $ pair.</p>\n");
  });

  it("shows TeX that does not parse as its source, inline as code and a block in the code box", async () => {
    expect(await md("Bad $\\frac{1}{$ here.\n")).toBe('<p>Bad <code class="math-error">$\\frac{1}{$</code> here.</p>\n');
    const block = await md("$$\n\\nosuchmacro\n$$\n");
    expect(block).toMatch(/^<div class="code-block"><pre class="astro-code [^"]+" tabindex="0" data-language="latex">/);
    expect(block).toContain("nosuchmacro");
  });

  it.each([
    ["a link", "$\\href{javascript:alert(1)}{x}$"],
    ["a URL", "$\\url{javascript:alert(1)}$"],
    ["an image", "$\\includegraphics{https://evil.example/x.png}$"],
    ["an HTML class", "$\\htmlClass{x}{y}$"],
    ["an inline style", "$\\htmlStyle{color:red}{y}$"],
  ])("refuses %s from TeX (shown as source, never markup)", async (_name, tex) => {
    const html = await md(`${tex}\n`);
    expect(html).toMatch(/^<p><code class="math-error">/);
    expect(html).not.toMatch(/<a |<img |href=|src=/);
  });

  it("escapes markup inside TeX text", async () => {
    const html = await md("$\\text{<script>alert(1)</script>}$\n");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
