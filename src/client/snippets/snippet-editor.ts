// Loaded on a reader's first Edit: CodeMirror 6 with TypeScript highlighting.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";

export interface SnippetEditor {
  code(): string;
  focus(): void;
  destroy(): void;
}

export function createEditor(parent: HTMLElement, code: string, onRun: () => void): SnippetEditor {
  const view = new EditorView({
    doc: code,
    parent,
    extensions: [
      keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }]),
      basicSetup,
      javascript({ typescript: true }),
      EditorView.contentAttributes.of({ "aria-label": "Edit the snippet's TypeScript; Ctrl+Enter or Cmd+Enter runs it" }),
      EditorView.theme({ "&": { fontSize: "0.9em" }, ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" } }),
    ],
  });
  return {
    code: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
