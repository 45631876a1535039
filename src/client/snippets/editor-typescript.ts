// TypeScript in the editor, answered by the type-check worker (typecheck-client.ts): errors
// underlined (CodeMirror lint, message on hover) and listed under the code with their lines,
// the type of a name on hover, and completions (members, `daybook/sim`'s exports).
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { linter, type Diagnostic } from "@codemirror/lint";
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import { type EditorView, hoverTooltip, showPanel, type Panel } from "@codemirror/view";
import { ask } from "./typecheck-client.ts";
import type { SnippetDiagnostic } from "./typecheck-protocol.ts";

/** How long typing pauses before the code is checked. */
export const CHECK_DELAY_MS = 300;

const setDiagnostics = StateEffect.define<SnippetDiagnostic[] | string>();
/** The latest diagnostics, or why there are none (the checker failed). */
const diagnosticsField = StateField.define<SnippetDiagnostic[] | string>({
  create: () => [],
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setDiagnostics) ? e.value : v), value),
  provide: (field) => showPanel.from(field, () => diagnosticsPanel),
});

/** TypeScript for a snippet whose author wrote `original`: that code, unedited, shows no errors (the build checked it). */
export function typescriptSupport(original: string): Extension {
  return [
    diagnosticsField,
    linter(
      async (view) => {
        const code = view.state.doc.toString();
        let found: SnippetDiagnostic[] | string;
        try {
          found = code === original ? [] : await ask({ kind: "check", code });
        } catch (error) {
          found = `Types can't be checked here: ${(error as Error).message}`;
        }
        if (view.state.doc.toString() !== code) return [];
        queueMicrotask(() => view.dispatch({ effects: setDiagnostics.of(found) }));
        return typeof found === "string" ? [] : found.map(toLint);
      },
      { delay: CHECK_DELAY_MS },
    ),
    hoverTooltip(async (view, pos) => {
      const info = await ask({ kind: "info", code: view.state.doc.toString(), pos }).catch(() => null);
      if (!info) return null;
      return {
        pos: info.from,
        end: info.to,
        above: true,
        create: () => {
          const dom = document.createElement("div");
          dom.className = "cm-quickinfo";
          const type = dom.appendChild(document.createElement("code"));
          type.textContent = info.text;
          if (info.documentation) dom.appendChild(document.createElement("p")).textContent = info.documentation;
          return { dom };
        },
      };
    }),
    autocompletion({ override: [completions], activateOnTyping: true }),
  ];
}

function toLint(d: SnippetDiagnostic): Diagnostic {
  return { from: d.from, to: Math.max(d.to, d.from), severity: "error", message: d.code ? `${d.message} (TS${d.code})` : d.message, source: "TypeScript" };
}

async function completions(context: CompletionContext): Promise<CompletionResult | null> {
  const word = context.matchBefore(/[\p{L}\p{N}_$]*/u);
  const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
  if (!context.explicit && word?.from === word?.to && !/[.{,]/.test(before)) return null;
  const found = await ask({ kind: "complete", code: context.state.doc.toString(), pos: context.pos }).catch(() => null);
  if (!found || context.aborted) return null;
  return { from: found.from, options: found.options, validFor: /^[\p{L}\p{N}_$]*$/u };
}

/** The errors as a list under the code: "Line 3: …", always as text. */
function diagnosticsPanel(view: EditorView): Panel {
  const dom = document.createElement("div");
  dom.className = "cm-snippet-diagnostics";
  const summary = dom.appendChild(document.createElement("p"));
  summary.setAttribute("aria-live", "polite");
  const list = dom.appendChild(document.createElement("ul"));
  const render = (value: SnippetDiagnostic[] | string) => {
    list.replaceChildren(
      ...(typeof value === "string" ? [] : value).map((d) => {
        const item = document.createElement("li");
        item.textContent = `Line ${d.line}: ${d.message}${d.code ? ` (TS${d.code})` : ""}`;
        return item;
      }),
    );
    summary.textContent = typeof value === "string" ? value : value.length === 0 ? "No type errors" : `${value.length} type error${value.length === 1 ? "" : "s"}`;
    dom.dataset.count = typeof value === "string" ? "" : String(value.length);
  };
  render(view.state.field(diagnosticsField));
  return {
    dom,
    top: false,
    update: (update) => {
      if (update.state.field(diagnosticsField) !== update.startState.field(diagnosticsField)) render(update.state.field(diagnosticsField));
    },
  };
}

/** The diagnostics for `code` now, for Run: refused syntax stops it, type errors are counted. */
export function checkForRun(code: string, original: string): Promise<SnippetDiagnostic[]> {
  return code === original ? Promise.resolve([]) : ask({ kind: "check", code });
}

