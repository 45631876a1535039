// TypeScript's language service over one snippet, with the build's options, library files,
// `daybook/sim` sources and realm check (src/runtime/typecheck-options.ts): what the editor's
// worker (typecheck-worker.ts) answers with. No worker globals here, so a unit test can hold its
// answers against the build's (tests/unit/editor-typecheck-parity.test.ts).
import type TS from "typescript";
import { findNonErasableSyntax } from "../../runtime/erasable-syntax.ts";
import { ERASABLE_CODES, findRealmProblems, isDroppedDiagnostic, missingGlobal, snippetCompilerOptions } from "../../runtime/typecheck-options.ts";
import type { Completions, QuickInfo, SnippetDiagnostic, TypecheckFiles } from "./typecheck-protocol.ts";

const SNIPPET = "/snippet.ts";
const SIM_DIR = "/daybook/sim/";
// Beside SIM_DIR, as src/figures is beside src/sim: show.ts imports `../sim/…`.
const SHOW_DIR = "/daybook/figures/";

export interface SnippetService {
  /**
   * Builds the Program for an empty snippet: the library files parsed and bound and the
   * checker's globals merged, most of the first check's cost, and the same for any code.
   */
  prepare(): void;
  check(code: string): SnippetDiagnostic[];
  info(code: string, pos: number): QuickInfo | null;
  complete(code: string, pos: number): Completions | null;
}

export function createSnippetService(ts: typeof TS, files: TypecheckFiles): SnippetService {
  const virtual = new Map<string, string>([...Object.entries(files.libs).map(([name, text]) => [`/lib/${name}`, text] as const), ...Object.entries(files.sim).map(([name, text]) => [SIM_DIR + name, text] as const), ...Object.entries(files.show).map(([name, text]) => [SHOW_DIR + name, text] as const)]);
  const globals: ReadonlySet<string> = new Set(files.globals);
  const absent: ReadonlySet<string> = new Set(files.absent);
  const options = snippetCompilerOptions(ts, `${SIM_DIR}index.ts`, `${SHOW_DIR}show-module.ts`);
  let code = "";
  let version = 0;

  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [SNIPPET],
    getScriptVersion: (file) => (file === SNIPPET ? String(version) : "0"),
    getScriptSnapshot: (file) => {
      const text = file === SNIPPET ? code : virtual.get(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => "/",
    getDefaultLibFileName: () => "/lib/lib.d.ts",
    fileExists: (file) => file === SNIPPET || virtual.has(file),
    readFile: (file) => (file === SNIPPET ? code : virtual.get(file)),
    directoryExists: (dir) => dir === "/" || [...virtual.keys()].some((file) => file.startsWith(dir.endsWith("/") ? dir : `${dir}/`)),
    getDirectories: () => [],
  };
  const service = ts.createLanguageService(host, documentRegistry(ts));

  const use = (next: string): TS.Program => {
    if (next !== code) {
      code = next;
      version++;
    }
    return service.getProgram()!;
  };

  /** What the build reports for the snippet (snippet-typecheck.ts), in the same words, at the same lines. */
  function check(next: string): SnippetDiagnostic[] {
    const program = use(next);
    const file = program.getSourceFile(SNIPPET)!;
    const line = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
    const found = findNonErasableSyntax(next);
    const out: SnippetDiagnostic[] = found.map((f) => ({ from: f.start, to: f.end, line: f.line, message: f.message, code: 0, refused: true }));
    for (const d of [...service.getSyntacticDiagnostics(SNIPPET), ...service.getSemanticDiagnostics(SNIPPET)]) {
      const from = d.start ?? 0;
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
      // As at build, a missing DOM, Node or worker name is said plainly.
      const missing = missingGlobal(d.code, text, absent);
      if (isDroppedDiagnostic(ts, file, d.code, from, found, missing)) continue; // as at build
      // A worker global the web library leaves out is said as the realm check says it, with no code.
      const code = missing?.leftOut ? 0 : d.code;
      out.push({ from, to: from + (d.length ?? 0), line: line(from), message: missing ? `\`${missing.name}\` does not exist where snippets run` : text, code, refused: ERASABLE_CODES.has(code) });
    }
    // As at build, a global the worker's library declares but a snippet's realm lacks (`self`, `postMessage`…).
    for (const p of findRealmProblems(ts, file, program.getTypeChecker(), program, globals)) out.push({ from: p.start, to: p.end, line: line(p.start), message: p.message, code: 0, refused: false });
    return out.sort((a, b) => a.from - b.from);
  }

  function info(next: string, pos: number): QuickInfo | null {
    use(next);
    const found = service.getQuickInfoAtPosition(SNIPPET, pos);
    if (!found) return null;
    return { from: found.textSpan.start, to: found.textSpan.start + found.textSpan.length, text: ts.displayPartsToString(found.displayParts), documentation: ts.displayPartsToString(found.documentation) };
  }

  function complete(next: string, pos: number): Completions | null {
    use(next);
    const found = service.getCompletionsAtPosition(SNIPPET, pos, { includeCompletionsWithInsertText: true });
    if (!found) return null;
    let from = pos;
    while (from > 0 && /[\p{L}\p{N}_$]/u.test(next[from - 1]!)) from--;
    return { from: found.optionalReplacementSpan?.start ?? from, options: found.entries.slice(0, 500).map((e) => ({ label: e.name, type: completionType(e.kind) })) };
  }

  return { prepare: () => void use(""), check, info, complete };
}

/**
 * The library files are parsed without their doc comments (TypeScript's ParseForTypeErrors, what
 * `tsc` itself uses: the same diagnostics), which is ~10% of the first check; the snippet and
 * `daybook/sim` keep theirs for hover. They never change, so each is parsed once.
 */
function documentRegistry(ts: typeof TS): TS.DocumentRegistry {
  const registry = ts.createDocumentRegistry();
  const libs = new Map<string, TS.SourceFile>();
  type Acquire = TS.DocumentRegistry["acquireDocumentWithKey"];
  const acquire =
    (next: Acquire): Acquire =>
    (fileName, path, host, key, snapshot, version, kind, options) => {
      if (!fileName.startsWith("/lib/")) return next(fileName, path, host, key, snapshot, version, kind, options);
      let file = libs.get(fileName);
      if (!file) {
        const base = typeof options === "object" ? options : { languageVersion: options ?? ts.ScriptTarget.ES2025 };
        file = ts.createLanguageServiceSourceFile(fileName, snapshot, { ...base, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }, version, false, kind);
        libs.set(fileName, file);
      }
      return file;
    };
  return {
    ...registry,
    acquireDocumentWithKey: acquire(registry.acquireDocumentWithKey),
    updateDocumentWithKey: acquire(registry.updateDocumentWithKey),
    releaseDocumentWithKey: (path: TS.Path, key: TS.DocumentRegistryBucketKey, kind?: TS.ScriptKind, format?: TS.ResolutionMode) => (path.startsWith("/lib/") ? undefined : registry.releaseDocumentWithKey(path, key, kind!, format)),
  };
}

function completionType(kind: string): string {
  if (kind === "method" || kind === "function" || kind === "local function") return "function";
  if (kind === "property" || kind === "getter" || kind === "setter") return "property";
  if (kind === "class" || kind === "interface" || kind === "type" || kind === "enum") return kind === "type" ? "type" : kind;
  if (kind === "keyword") return "keyword";
  return "variable";
}
