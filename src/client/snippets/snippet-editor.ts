// Loaded on a reader's first Edit: CodeMirror 6 with TypeScript highlighting, the site's theme,
// and TypeScript's own diagnostics, types and completions from a worker (editor-typescript.ts).
import { EditorView, basicSetup } from "codemirror";
import { type EditorState, type Extension, StateField } from "@codemirror/state";
import { keymap, showPanel, type Panel } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";
import { checkForRun, typescriptSupport } from "./editor-typescript.ts";
import { siteTheme } from "./editor-theme.ts";
import { skipWarmUp, warmTypechecker } from "./typecheck-client.ts";
import type { SnippetDiagnostic } from "./typecheck-protocol.ts";

const CHECK_TIMEOUT_MS = 1500;
/** Edits are kept this long after typing pauses. */
const SAVE_DELAY_MS = 400;

export interface EditorOptions {
  /** The code to open with, when not the author's (a kept edit, a shared link). */
  initial?: string | undefined;
  /** Called with the code after each pause in typing. */
  onChange?: (code: string) => void;
}

/** "Changed from the author's version" above the code, whenever it is. */
function changedMark(author: string): Extension {
  const changed = (state: EditorState) => state.doc.toString() !== author;
  const field = StateField.define<boolean>({ create: changed, update: (value, tr) => (tr.docChanged ? changed(tr.state) : value), provide: (f) => showPanel.from(f, (on) => (on ? changedPanel : null)) });
  return field;
}

function changedPanel(): Panel {
  const dom = document.createElement("div");
  dom.className = "cm-snippet-changed";
  dom.textContent = "Changed from the author's version";
  return { dom, top: true };
}

export interface SnippetEditor {
  code(): string;
  /** TypeScript's diagnostics for the code now (none for the author's code, which the build checked); undefined if the checker can't answer within a few seconds. */
  check(): Promise<SnippetDiagnostic[] | undefined>;
  focus(): void;
  destroy(): void;
}

/**
 * The editor lives in a shadow root: CodeMirror then adopts its generated stylesheet there
 * instead of inserting a `<style>` element, which the page's Content-Security-Policy refuses.
 */
export function createEditor(host: HTMLElement, code: string, onRun: () => void, options: EditorOptions = {}): SnippetEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const theme = siteTheme();
  warmTypechecker(code);
  let saving: ReturnType<typeof setTimeout> | undefined;
  const view = new EditorView({
    doc: options.initial ?? code,
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
      theme.extension,
      typescriptSupport(code),
      changedMark(code),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        skipWarmUp();
        if (!options.onChange) return;
        clearTimeout(saving);
        saving = setTimeout(() => options.onChange!(update.state.doc.toString()), SAVE_DELAY_MS);
      }),
    ],
  });
  const unfollow = theme.follow(view);
  return {
    code: () => view.state.doc.toString(),
    // Run waits for the checker (it refuses what the build refuses), but never for long: a checker that is slow to load or gone leaves Run working.
    check: () => Promise.race([checkForRun(view.state.doc.toString(), code).catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, CHECK_TIMEOUT_MS))]),
    focus: () => view.focus(),
    destroy: () => {
      clearTimeout(saving);
      unfollow();
      view.destroy();
    },
  };
}
