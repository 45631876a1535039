// markdown/: the remark/hast plugins Daybook adds to Markdown and MDX, and code highlighting
// into classes with the stylesheet of its two themes. This file is the highlighter.

import { createHighlighter, type CodeToHastOptions, type Highlighter } from "shiki";
import type { Element } from "hast";
import type { HastPluginEntry } from "satteri";
import { CODE_THEMES } from "./code-themes.ts";
import { shikiTokenClasses } from "./shiki-token-classes.ts";
import { codeToHastOnce } from "./shiki-one-tokenization.ts";
import { shikiLanguage } from "../snippets/known-languages.ts";

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter per build process; each language is loaded the first time a fence uses it. */
async function highlighterFor(lang: string): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [] });
  const ready = await highlighter;
  if (lang !== "text" && !ready.getLoadedLanguages().includes(lang)) await ready.loadLanguage(lang as Parameters<Highlighter["loadLanguage"]>[0]);
  return ready;
}

/** What every block is highlighted with: both themes, as classes (`lang` is a Shiki language). */
export function highlightOptions(lang: string): CodeToHastOptions {
  return {
    lang,
    themes: CODE_THEMES,
    defaultColor: false,
    // No time limit per line: Shiki's default (500 ms) cut the first block of a language short
    // while its grammar compiled on a busy machine, so the same code got other colours on
    // another page (C++ in the real-journal fixture). The output must not depend on timing.
    tokenizeTimeLimit: 0,
    transformers: [shikiTokenClasses],
  };
}

/** Shiki's own names for its theme classes: the page styles `.astro-code` instead. */
const SHIKI_CLASSES = new Set(["shiki", "shiki-themes", ...Object.values(CODE_THEMES)]);

/**
 * Highlights every fenced code block with Shiki in both code themes, as classes rather than
 * inline styles (so pages keep a strict Content-Security-Policy). Replaces Astro's own Shiki
 * pass, which writes `style` attributes. A language Shiki does not know (`reason`, `groq`…) is
 * shown as plain text in the same code box, as GitHub shows it; `npm run check` notes it.
 * Maths fences (```` ```math ````) are the maths plugin's, which runs before this one. Each block
 * comes in a `<div class="code-block">`, where the page's script puts its Copy button.
 */
export const codeHighlight: HastPluginEntry = {
  name: "daybook-code-highlight",
  element: {
    filter: ["pre"],
    async visit(node, ctx) {
      const code = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!code) return;
      const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
      const data = code.data as { lang?: string; meta?: string } | undefined;
      const lang = (data?.lang ?? classes.find((c) => c.startsWith("language-"))?.slice("language-".length) ?? "").toLowerCase();
      const shikiLang = shikiLanguage(lang) ?? "text";
      const ready = await highlighterFor(shikiLang);
      // Both themes from one tokenization of the block (shiki-one-tokenization.ts): the same HTML.
      const root = codeToHastOnce(ready, ctx.textContent(code).replace(/\n$/, ""), highlightOptions(shikiLang));
      const pre = root.children[0] as Element;
      const themed = (pre.properties.className as string[]).filter((c) => !SHIKI_CLASSES.has(c));
      pre.properties.className = ["astro-code", ...themed];
      // The author's name for an unknown language, so the page (and a reader's tools) still say what it is.
      pre.properties.dataLanguage = shikiLanguage(lang) === "text" ? "text" : lang;
      // The box the page's Copy button sits in (client/copy-code.ts), made here rather than by the
      // script: wrapping every block at load restyled all the page's code while it loaded.
      const box: Element = { type: "element", tagName: "div", properties: { className: ["code-block"] }, children: [pre] };
      return box;
    },
  },
};
