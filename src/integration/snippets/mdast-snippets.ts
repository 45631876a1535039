import type { MdastPluginEntry } from "satteri";
import { lookupRun } from "./snippet-registry.ts";
import { DEFAULT_TIMEOUT, isRunnable } from "./snippet-extract.ts";
import { escapeXml } from "../../lib/escape-xml.ts";
import { placeFigures, outputParts } from "../../figures/run-figures.ts";
import { figureBlockHtml, figureErrorHtml } from "../../figures/figure-block.ts";
import { htmlToJsx } from "./html-to-jsx.ts";
import { controlsHtml } from "./controls-html.ts";
import { validateControls } from "../../figures/input-controls.ts";

/**
 * Turns each ```` ```ts run ```` block into a `<daybook-snippet>`: the highlighted code, then the
 * output the build produced, as plain HTML a reader sees without JavaScript (and search indexes),
 * with each figure the snippet showed (its SVG and data table) after its line in the output.
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
    if (!isRunnable(`${node.lang ?? ""} ${meta}`)) return;

    const run = lookupRun(node.value);
    const title = /title="([^"]*)"/.exec(meta)?.[1];
    const parts = {
      timeout: /timeout=(\d+)/.exec(meta)?.[1] ?? String(DEFAULT_TIMEOUT),
      label: title ?? "Runnable TypeScript snippet",
      js: run?.js,
      output: run ? run.result.output : "This snippet has not been run yet.",
      figures: run?.result.figures ?? [],
      controls: run?.result.controls,
      title,
    };
    if (ctx.sourceFormat === "markdown") {
      // Raw HTML: newlines are escaped because a blank line would end the HTML block.
      const escape = (text: string) => escapeXml(text).replace(/\r?\n/g, "&#10;");
      const [open, close] = snippetHtml(parts, escape, (text) => `"${escape(text)}"`, (html) => html.replace(/\r?\n/g, "&#10;"));
      ctx.insertBefore(node, { type: "html", value: open });
      ctx.insertAfter(node, { type: "html", value: close });
    } else {
      // MDX: text goes in as JS string expressions, which keep every space and newline (JSX text would trim them).
      const [open, close] = snippetHtml(parts, (text) => `{${inertString(text)}}`, (text) => `{${inertString(text)}}`, (html) => htmlToJsx(html, inertString), true);
      ctx.wrapNode(node, { raw: `${open}${close}`, mdxExpressions: true });
    }
  },
};

/**
 * A JS string literal that the Markdown re-parse of `raw` content cannot see into. Sätteri reads
 * inline constructs across expressions (a backtick in the code and one in the output made a code
 * span that swallowed a `{`, so the output's `{x}` became live JSX), so every character that
 * starts or ends Markdown, MDX or JSX syntax is written as a \u escape.
 */
export function inertString(text: string): string {
  return JSON.stringify(text).replace(/[`{}<>[\]*_~&!$|:\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

interface SnippetParts {
  timeout: string;
  label: string;
  js: string | undefined;
  output: string;
  /** The run's figure texts, checked again here (run-figures.ts) before anything is drawn. */
  figures: readonly string[];
  /** The run's declared controls' JSON text, checked again here (input-controls.ts; a refused one is a build problem, snippet-check.ts). */
  controls: string | undefined;
  title: string | undefined;
}

/**
 * The element's opening tag, and what follows the code: title, output panel, closing tag. `markup`
 * writes Daybook's own figure HTML for the format (as is, or as MDX JSX).
 */
function snippetHtml(parts: SnippetParts, text: (t: string) => string, attribute: (t: string) => string, markup: (html: string) => string, xml = false): [string, string] {
  const attributes = [`class="snippet"`, `data-timeout="${parts.timeout}"`, `aria-label=${attribute(parts.label)}`, parts.js === undefined ? "" : `data-js=${attribute(parts.js)}`];
  const open = `<daybook-snippet ${attributes.filter(Boolean).join(" ")}>`;
  const title = parts.title ? `<p class="snippet-title">${text(parts.title)}</p>` : "";
  const placed = placeFigures(parts.output, parts.figures).map((p) => ({ line: p.line, item: "figure" in p ? figureBlockHtml(p.figure) : figureErrorHtml(p.error) }));
  const body = outputParts(parts.output, placed)
    .map((part) => ("text" in part ? `<pre class="snippet-output-text" tabindex="0"><code>${text(part.text)}</code></pre>` : markup(part.figure)))
    .join("");
  const panel = `<div class="snippet-output" aria-live="polite"><p class="snippet-output-label">Output</p>${body}</div>`;
  const checked = parts.controls === undefined ? undefined : validateControls(parts.controls);
  const inputs = checked?.ok ? controlsHtml(checked.controls, xml) : "";
  return [open, `${title}${inputs ? markup(inputs) : ""}${panel}</daybook-snippet>`];
}
