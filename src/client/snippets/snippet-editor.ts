// Loaded on a reader's first Edit: CodeMirror 6 with TypeScript highlighting.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";

export interface SnippetEditor {
  code(): string;
  focus(): void;
  destroy(): void;
}

/**
 * The editor lives in a shadow root: CodeMirror then adopts its generated stylesheet there
 * instead of inserting a `<style>` element, which the page's Content-Security-Policy refuses.
 */
export function createEditor(host: HTMLElement, code: string, onRun: () => void): SnippetEditor {
  const root = host.attachShadow({ mode: "open" });
  const view = new EditorView({
    doc: code,
    parent: root,
    root,
    extensions: [
      keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }]),
      basicSetup,
      javascript({ typescript: true }),
      EditorView.contentAttributes.of({ "aria-label": "Edit the snippet's TypeScript; Ctrl+Enter or Cmd+Enter runs it" }),
      EditorView.domEventHandlers({
        // Typing over a selection is applied by the editor, not the browser: Chromium would carry
        // the replaced text's colour into the new text as a style attribute, which the CSP refuses.
        beforeinput(event, view) {
          if (event.inputType !== "insertText" || !event.data || view.state.selection.main.empty) return false;
          event.preventDefault();
          view.dispatch(view.state.replaceSelection(event.data), { userEvent: "input.type", scrollIntoView: true });
          return true;
        },
      }),
      EditorView.theme({ "&": { fontSize: "0.9em" }, ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" } }),
    ],
  });
  return {
    code: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
