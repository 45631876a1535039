import { describe, expect, it } from "vitest";
import { codeForIndex, codeWords, withAliases } from "../../src/integration/search/index-html.ts";

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
