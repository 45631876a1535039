import type { MdastPluginEntry } from "satteri";
import { lookupRun } from "./snippets/snippet-registry.ts";
import { DEFAULT_TIMEOUT } from "./snippets/snippet-extract.ts";

/**
 * Turns each ```` ```ts run ```` block into a `<daybook-snippet>`: the highlighted code, then the
 * output the build produced, as plain HTML a reader sees without JavaScript (and search indexes).
 * The ```` ```output ```` fence after it is dropped: the build has already checked it matches.
 */
export const snippetBlocks: MdastPluginEntry = {
  name: "daybook-snippets",
  code(node, ctx) {
    const [lang = ""] = (node.lang ?? "").split(/\s+/);
    if (lang === "output") {
      ctx.removeNode(node);
      return;
    }
    const meta = node.meta ?? "";
    if ((lang !== "ts" && lang !== "typescript") || !/(^|\s)run(\s|$)/.test(meta)) return;

    const run = lookupRun(node.value);
    const title = /title="([^"]*)"/.exec(meta)?.[1];
    const timeout = /timeout=(\d+)/.exec(meta)?.[1] ?? String(DEFAULT_TIMEOUT);
    const attributes = [
      `class="snippet"`,
      `data-timeout="${timeout}"`,
      run ? `data-js="${escapeHtml(run.js)}"` : "",
      title ? `aria-label="${escapeHtml(title)}"` : `aria-label="Runnable TypeScript snippet"`,
    ].filter(Boolean);
    const output = run ? run.result.output : "This snippet has not been run yet.";
    const titleHtml = title ? `<p class="snippet-title">${escapeHtml(title)}</p>` : "";
    const panel = `${titleHtml}<div class="snippet-output" aria-live="polite"><p class="snippet-output-label">Output</p><pre class="snippet-output-text"><code>${escapeHtml(output)}</code></pre></div>`;
    const open = `<daybook-snippet ${attributes.join(" ")}>`;
    if (ctx.sourceFormat === "markdown") {
      ctx.insertBefore(node, { type: "html", value: open });
      ctx.insertAfter(node, { type: "html", value: `${panel}</daybook-snippet>` });
    } else {
      ctx.wrapNode(node, { raw: `${open}${panel}</daybook-snippet>`, mdxExpressions: false });
    }
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
