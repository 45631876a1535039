import { describe, expect, it } from "vitest";
import { feedHtml } from "../../src/lib/feed-html.ts";

describe("feedHtml", () => {
  it("turns highlighted code into plain code, keeping escaped text", () => {
    const html = '<pre class="astro-code github-light" style="color:#000" tabindex="0"><code><span class="line"><span style="color:red">if</span> (a &lt; b)</span></code></pre>';
    expect(feedHtml(html, "https://x.example")).toBe("<pre><code>if (a &lt; b)</code></pre>");
    expect(feedHtml(`<p>a</p><div class="code-block">${html}</div><div class="code-block"><p>kept</p></div>`, "https://x.example")).toBe('<p>a</p><pre><code>if (a &lt; b)</code></pre><div class="code-block"><p>kept</p></div>');
  });
  it("makes site links absolute and leaves other links alone", () => {
    const html = '<a href="/journal/day/7/">7</a> <a href="https://other.example/">o</a> <a href="//cdn.example/x">c</a> <img src="/journal/a.png">';
    expect(feedHtml(html, "https://me.example/")).toBe('<a href="https://me.example/journal/day/7/">7</a> <a href="https://other.example/">o</a> <a href="//cdn.example/x">c</a> <img src="https://me.example/journal/a.png">');
  });
  it("keeps a snippet's output but not its page-only parts", () => {
    const html = '<h2 id="x">X<a href="#x" class="heading-anchor" aria-label="Link"></a></h2><daybook-snippet class="snippet" data-js="console.log(1)"><div class="snippet-output"><pre class="snippet-output-text"><code>1</code></pre></div></daybook-snippet>';
    expect(feedHtml(html, "https://x.example")).toBe('<h2 id="x">X</h2><div class="snippet"><div class="snippet-output"><pre class="snippet-output-text"><code>1</code></pre></div></div>');
  });
});
