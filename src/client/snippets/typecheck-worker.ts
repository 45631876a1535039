// The editor's type-check worker: TypeScript's language service over one snippet, with the
// build's compiler (loaded from /editor/typescript.js, the same `typescript` package), options,
// library files and `daybook/sim` sources (src/runtime/typecheck-options.ts, editor-bundle.ts).
// It never runs the code; it only reads it and answers with text.
import type TS from "typescript";
import files from "daybook:typecheck-files";
import { findNonErasableSyntax } from "../../runtime/erasable-syntax.ts";
import { ERASABLE_CODES, NOT_IN_SNIPPETS, isDroppedDiagnostic, snippetCompilerOptions } from "../../runtime/typecheck-options.ts";
import type { Completions, QuickInfo, SnippetDiagnostic, TypecheckRequest, TypecheckResponse } from "./typecheck-protocol.ts";

declare const self: { postMessage(message: unknown): void; onmessage: ((event: { data: TypecheckRequest }) => void) | null; location: { href: string } };
declare function importScripts(...urls: string[]): void;
declare const ts: typeof TS;

importScripts(new URL("typescript.js", self.location.href).href);

const SNIPPET = "/snippet.ts";
const SIM_DIR = "/daybook/sim/";
const virtual = new Map<string, string>([...Object.entries(files.libs).map(([name, text]) => [`/lib/${name}`, text] as const), ...Object.entries(files.sim).map(([name, text]) => [SIM_DIR + name, text] as const)]);
const options = snippetCompilerOptions(ts, `${SIM_DIR}index.ts`);
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
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

function use(next: string): TS.SourceFile {
  if (next !== code) {
    code = next;
    version++;
  }
  return service.getProgram()!.getSourceFile(SNIPPET)!;
}

/** The build's diagnostics for the snippet (snippet-typecheck.ts), with refusals of non-erasable syntax marked. */
function check(next: string): SnippetDiagnostic[] {
  const file = use(next);
  const line = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
  const found = findNonErasableSyntax(next);
  const out: SnippetDiagnostic[] = found.map((f) => ({ from: f.start, to: f.end, line: f.line, message: f.message, code: 0, refused: true }));
  for (const d of [...service.getSyntacticDiagnostics(SNIPPET), ...service.getSemanticDiagnostics(SNIPPET)]) {
    const from = d.start ?? 0;
    const erasable = ERASABLE_CODES.has(d.code);
    if (isDroppedDiagnostic(ts, file, d.code, from, found)) continue; // as at build
    // As at build, a missing DOM or Node name is said plainly.
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const missing = NOT_IN_SNIPPETS.has(d.code) && /Cannot find name '([^']+)'/.exec(text)?.[1];
    out.push({ from, to: from + (d.length ?? 0), line: line(from), message: missing ? `\`${missing}\` does not exist where snippets run` : text, code: d.code, refused: erasable });
  }
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

function completionType(kind: string): string {
  if (kind === "method" || kind === "function" || kind === "local function") return "function";
  if (kind === "property" || kind === "getter" || kind === "setter") return "property";
  if (kind === "class" || kind === "interface" || kind === "type" || kind === "enum") return kind === "type" ? "type" : kind;
  if (kind === "keyword") return "keyword";
  return "variable";
}


// Warm up while the reader reads their first line: parsing the library files and `daybook/sim`,
// and the checker's first pass over the globals, is most of the first check's time.
check('import * as sim from "daybook/sim";\nconst warm: number = [1].map((n) => n * 2)[0]!;\nconsole.log(sim, warm);');

self.onmessage = ({ data }) => {
  let response: TypecheckResponse;
  try {
    if (data.kind === "check") response = { id: data.id, kind: "check", diagnostics: check(data.code) };
    else if (data.kind === "info") response = { id: data.id, kind: "info", info: info(data.code, data.pos) };
    else response = { id: data.id, kind: "complete", completions: complete(data.code, data.pos) };
  } catch (error) {
    response = { id: data.id, kind: "failed", message: String((error as Error)?.message ?? error) };
  }
  self.postMessage(response);
};
