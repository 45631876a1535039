// The editor's colours: GitHub's light and dark palettes, the ones the page's code blocks use
// (src/integration/markdown/code-themes.ts), following the site's theme and its toggle.
// tests/unit/editor-theme.test.ts holds every token colour to WCAG AA (4.5:1) on its background.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Compartment, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

export type EditorMode = "light" | "dark";

export interface EditorPalette {
  background: string;
  text: string;
  /** Line numbers, on `gutter`. */
  gutterText: string;
  gutter: string;
  selection: string;
  activeLine: string;
  focus: string;
  /** Token colours, all read on `background` (and on `activeLine`). */
  tokens: { keyword: string; string: string; comment: string; number: string; function: string; type: string; property: string; regexp: string; invalid: string; operator: string };
}

export const EDITOR_PALETTES: Record<EditorMode, EditorPalette> = {
  light: {
    background: "#ffffff",
    text: "#1f2328",
    gutterText: "#59636e",
    gutter: "#f6f8fa",
    selection: "#b6d7ff",
    activeLine: "#f6f8fa",
    focus: "#b45309",
    tokens: { keyword: "#cf222e", string: "#0a3069", comment: "#59636e", number: "#0550ae", function: "#6639ba", type: "#953800", property: "#0550ae", regexp: "#116329", invalid: "#82071e", operator: "#cf222e" },
  },
  dark: {
    background: "#0d1117",
    text: "#e6edf3",
    gutterText: "#9da7b3",
    gutter: "#161b22",
    selection: "#264f78",
    activeLine: "#161b22",
    focus: "#f0b429",
    tokens: { keyword: "#ff7b72", string: "#a5d6ff", comment: "#8b949e", number: "#79c0ff", function: "#d2a8ff", type: "#ffa657", property: "#79c0ff", regexp: "#7ee787", invalid: "#ffa198", operator: "#ff7b72" },
  },
};

function themeFor(mode: EditorMode): Extension {
  const p = EDITOR_PALETTES[mode];
  const c = p.tokens;
  return [
    EditorView.theme(
      {
        "&": { color: p.text, backgroundColor: p.background, fontSize: "0.9em", maxWidth: "100%" },
        ".cm-content": { caretColor: p.text, fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
        ".cm-cursor, .cm-dropCursor": { borderLeftColor: p.text },
        "&.cm-focused": { outline: `3px solid ${p.focus}`, outlineOffset: "-3px" },
        "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: p.selection },
        ".cm-activeLine": { backgroundColor: p.activeLine },
        ".cm-gutters": { backgroundColor: p.gutter, color: p.gutterText, borderRight: `1px solid ${mode === "dark" ? "#30363d" : "#d0d7de"}` },
        ".cm-activeLineGutter": { backgroundColor: p.gutter, color: p.text },
        ".cm-tooltip": { backgroundColor: p.gutter, color: p.text, border: `1px solid ${mode === "dark" ? "#30363d" : "#d0d7de"}`, maxWidth: "min(90vw, 36rem)", overflowWrap: "anywhere" },
        ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: p.selection, color: p.text },
        ".cm-quickinfo": { padding: "0.25rem 0.5rem", whiteSpace: "pre-wrap", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
        ".cm-quickinfo p": { margin: "0.25rem 0 0", fontFamily: "system-ui, sans-serif" },
        // CodeMirror lifts its panels above the page (z-index 200): the code block's Copy button, placed over the code's corner, must stay clickable.
        ".cm-panels": { backgroundColor: p.gutter, color: p.text, zIndex: "auto" },
        ".cm-panels-bottom": { borderTop: `1px solid ${mode === "dark" ? "#30363d" : "#d0d7de"}` },
        ".cm-panels-top": { borderBottom: `1px solid ${mode === "dark" ? "#30363d" : "#d0d7de"}` },
        ".cm-snippet-changed": { padding: "0.2rem 0.75rem", fontSize: "0.8rem", color: p.gutterText },
        ".cm-snippet-diagnostics": { padding: "0.3rem 0.75rem", fontSize: "0.85rem" },
        ".cm-snippet-diagnostics p": { margin: "0", color: p.gutterText },
        ".cm-snippet-diagnostics ul": { margin: "0.2rem 0 0", paddingLeft: "1.2rem", color: c.invalid, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
        ".cm-snippet-diagnostics ul:empty": { display: "none" },
        ".cm-matchingBracket": { outline: `1px solid ${p.gutterText}`, backgroundColor: "transparent" },
      },
      { dark: mode === "dark" },
    ),
    syntaxHighlighting(
      HighlightStyle.define([
        { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword, t.definitionKeyword, t.moduleKeyword], color: c.keyword },
        { tag: [t.operator, t.compareOperator, t.arithmeticOperator, t.logicOperator, t.bitwiseOperator, t.updateOperator], color: c.operator },
        { tag: [t.string, t.special(t.string), t.character], color: c.string },
        { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: c.comment, fontStyle: "italic" },
        { tag: [t.number, t.bool, t.null, t.atom, t.self, t.unit], color: c.number },
        { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: c.function },
        { tag: [t.typeName, t.className, t.namespace, t.definition(t.typeName)], color: c.type },
        { tag: [t.propertyName, t.definition(t.propertyName)], color: c.property },
        { tag: [t.regexp, t.escape], color: c.regexp },
        { tag: t.invalid, color: c.invalid },
      ]),
    ),
  ];
}

function pageMode(): EditorMode {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** The theme matching the page now, and kept matching when the reader toggles it. */
export function siteTheme(): { extension: Extension; follow: (view: EditorView) => () => void } {
  const compartment = new Compartment();
  return {
    extension: compartment.of(themeFor(pageMode())),
    follow(view) {
      const observer = new MutationObserver(() => view.dispatch({ effects: compartment.reconfigure(themeFor(pageMode())) }));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      return () => observer.disconnect();
    },
  };
}
