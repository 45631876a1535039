// Messages between the page and the editor's type-check worker (typecheck-worker.ts). Offsets are
// UTF-16 positions in the snippet's code, as CodeMirror and TypeScript both count them.

/**
 * The page's first message (typecheck-start.ts): typecheck-files.json, already parsed by the page
 * while the worker compiles TypeScript (a structured copy of its strings is far cheaper for the
 * worker than parsing 1.5 MB of JSON once it has the compiler), or why it could not fetch it.
 */
export type TypecheckFilesMessage = { kind: "files"; files: TypecheckFiles } | { kind: "files"; error: string };

export type TypecheckRequest =
  | { id: number; kind: "check"; code: string }
  | { id: number; kind: "info"; code: string; pos: number }
  | { id: number; kind: "complete"; code: string; pos: number };

export interface SnippetDiagnostic {
  from: number;
  to: number;
  /** 1-based line of `from`. */
  line: number;
  message: string;
  /** TypeScript's error code, or 0 for a refusal by src/runtime/erasable-syntax.ts. */
  code: number;
  /** Syntax the build refuses to run (non-erasable TypeScript): Run refuses it too. */
  refused: boolean;
}

export interface QuickInfo {
  from: number;
  to: number;
  /** The type, as TypeScript prints it (`const n: number`). */
  text: string;
  documentation: string;
}

export interface Completions {
  from: number;
  options: { label: string; type: string; detail?: string }[];
}

/** What the worker fetches beside the compiler (src/pages/editor/typecheck-files.json.ts). */
export interface TypecheckFiles {
  /** TypeScript's library files the build's Program reads, by file name. */
  libs: Record<string, string>;
  /** `daybook/sim`'s sources, by file name. */
  sim: Record<string, string>;
  /** The src/figures sources `daybook/show`'s types come from (show-module.ts and what it imports), by file name. */
  show: Record<string, string>;
  /** Every global a snippet's realm has (src/runtime/realm.ts's SNIPPET_GLOBALS). */
  globals: string[];
  /** The names TypeScript's worker library declares and the snippets' web library leaves out (src/integration/snippets/snippet-web-lib.ts). */
  absent: string[];
}

export type TypecheckResponse =
  /** Sent once, when the service has built its Program (library files parsed and bound): requests go out from then on. */
  | { kind: "ready" }
  /** Sent instead of "ready" when the worker could not set up. */
  | { kind: "unavailable"; message: string }
  | { id: number; kind: "check"; diagnostics: SnippetDiagnostic[] }
  | { id: number; kind: "info"; info: QuickInfo | null }
  | { id: number; kind: "complete"; completions: Completions | null }
  | { id: number; kind: "failed"; message: string };
