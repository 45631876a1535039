import { describe, expect, it } from "vitest";
import { codeForIndex, codeWords, indexedPart, withAliases } from "../../src/integration/search/index-html.ts";

describe("what Pagefind reads of code and output", () => {
  it("keeps identifiers of three or more characters and drops the short ones", () => {
    expect(codeWords("for (let k = 0; k < n; k++) sim.createSim(42, x);")).toEqual(["for", "let", "sim", "createSim"]);
  });

  it("keeps hyphenated words that contain a word, and splits the rest", () => {
    expect(codeWords("tx-2 wants cache-aside a-b 100-200")).toEqual(["tx-2", "wants", "cache-aside", "100", "200"]);
  });

  it("rewrites every pre block's text, decoding entities and dropping the highlighter's spans", () => {
    const html = `<p>a b</p><pre class="astro-code" data-language="ts"><code><span class="l">const</span> <span>ok</span> = &quot;commit&quot; &amp;&amp; x;</code></pre><pre>if (a &lt; b) print(&quot;&lt;done&gt;&quot;)</pre>`;
    expect(codeForIndex(html)).toBe(`<p>a b</p><pre class="astro-code" data-language="ts">const commit</pre><pre>print done</pre>`);
  });

  it("gives a page its tags' aliases as searchable metadata, escaped", () => {
    const html = `<main><article class="entry" data-pagefind-body><h1>T</h1></article></main>`;
    expect(withAliases(html, ["2pc", "a<b"])).toBe(`<main><article class="entry" data-pagefind-body><span data-pagefind-meta="aliases:2pc, a&lt;b"></span><h1>T</h1></article></main>`);
    expect(withAliases(html, [])).toBe(html);
  });
});

describe("the part of a page Pagefind reads", () => {
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Day 1 · J</title><link rel="stylesheet" href="/a.css"></head>` +
    `<body><header><h2>Search</h2></header><main>${body}<section class="local-graph"><svg><text>Queues</text></svg></section></main><footer>f</footer></body></html>`;

  it("is the data-pagefind-body element whole, nested elements of its own kind included, with the page's language and title", () => {
    const html = page(`<div data-pagefind-body data-pagefind-filter="tag:q"><div><p>one</p></div><div>two</div></div><ol><li>an entry list</li></ol>`);
    expect(indexedPart(html)).toBe(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Day 1 · J</title></head><body><div data-pagefind-body data-pagefind-filter="tag:q"><div><p>one</p></div><div>two</div></div></body></html>`,
    );
  });

  it("is not fooled by markup-like text inside the element or a closing tag inside a comment", () => {
    const html = page(`<article data-pagefind-body><p>&lt;/article&gt; in code: <code>&lt;/article&gt;</code></p><!-- </article> --><p>end</p></article><p>after</p>`);
    const part = indexedPart(html);
    expect(part).toContain("<p>end</p></article></body>");
    expect(part).not.toContain("after");
  });

  it("finds the element by its attribute, not by text that names it in another attribute's value", () => {
    const html = page(`<div title="<p data-pagefind-body>"><p>before</p></div><main data-pagefind-body><p>body</p></main><p>after</p>`);
    expect(indexedPart(html)).toContain("<body><main data-pagefind-body><p>body</p></main></body>");
  });

  it("ends an element left open where the page ends", () => {
    const html = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main data-pagefind-body><p>body`;
    expect(indexedPart(html)).toBe(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><main data-pagefind-body><p>body</body></html>`);
  });

  it("is the whole page when no element is marked", () => {
    const html = page("<article><p>text</p></article>");
    expect(indexedPart(html)).toBe(html);
  });
});
