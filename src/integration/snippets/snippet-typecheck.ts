import path from "node:path";
import type ts from "typescript";
import { typescript } from "./typescript-lazy.ts";
import type { Problem } from "../content/problem.ts";
import { findNonErasableSyntax, type NonErasableSyntax } from "../../runtime/erasable-syntax.ts";
import { REALM_GLOBALS, SNIPPET_GLOBALS } from "../../runtime/realm.ts";
import { inSnippet, type Snippet } from "./snippet-extract.ts";
import { SNIPPET_WEB_LIB, findRealmProblems, isDroppedDiagnostic, missingGlobal, snippetCompilerOptions } from "../../runtime/typecheck-options.ts";
import { absentWebNames, snippetWebLib } from "./snippet-web-lib.ts";

/** The helper library snippets import as `daybook/sim`. */
export const SIM_ENTRY = "src/sim/index.ts";
/** What the type checker resolves `daybook/show` to (the runtime gives each run its own `show`). */
export const SHOW_ENTRY = "src/figures/show-module.ts";

/**
 * TypeScript's library files, parsed once per process: they never change while it runs, and
 * parsing them was most of a dev server's re-check of one saved entry (a Program may share
 * SourceFiles with earlier ones, as TypeScript's language service does).
 */
const LIB_FILES = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks every snippet in one Program over in-memory files (strict), and maps each
 * diagnostic back to the MDX file, line and column where the author wrote the code.
 */
export function typecheckSnippets(snippets: readonly Snippet[], root: string, options: { helpers?: "checked" | "trusted" } = {}): Problem[] {
  const ts = typescript();
  if (snippets.length === 0) return [];
  const check = snippetProgram(snippets, root);
  const { program, virtual } = check;
  const problems = check.problems();
  // "trusted": the snippets' own diagnostics only, not those of the helper library's source (about
  // two thirds of a one-snippet check); the build checks the library with every type-check.
  const diagnostics =
    options.helpers === "trusted"
      ? ts.sortAndDeduplicateDiagnostics([
          ...program.getOptionsDiagnostics(),
          ...program.getGlobalDiagnostics(),
          ...[...virtual.keys()].flatMap((name) => {
            const file = program.getSourceFile(name)!;
            return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
          }),
        ])
      : ts.getPreEmitDiagnostics(program);
  return [...problems, ...diagnostics.flatMap(check.problemOf)];
}

/**
 * `typecheckSnippets` with the helper library (as a build checks), giving the event loop a turn
 * after each snippet's file and saying, as soon as that file is checked, which problems lie in
 * the snippet (`checked(index, problems)`): a build runs each snippet that has none while the
 * next ones are checked, instead of after the whole check. The problems it resolves to are
 * `typecheckSnippets`'s, in the same order: the same diagnostics, gathered file by file as
 * TypeScript's `getPreEmitDiagnostics` gathers them for the whole program.
 */
export async function typecheckSnippetsInTurn(snippets: readonly Snippet[], root: string, checked: (index: number, problems: Problem[]) => void): Promise<Problem[]> {
  const ts = typescript();
  if (snippets.length === 0) return [];
  const check = snippetProgram(snippets, root);
  const { program, virtual } = check;
  const names = [...virtual.keys()];
  const indexOf = new Map(names.map((name, i) => [program.getSourceFile(name)!, i]));
  const early = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics()];
  const semantic: ts.Diagnostic[] = [];
  for (const file of program.getSourceFiles()) {
    const index = indexOf.get(file);
    // A snippet's realm problems are found just before its file is checked (as the whole check
    // finds them all before it checks any file), not every snippet's before the first is told.
    const own = index === undefined ? [] : check.problemsIn(names[index]!).filter((p) => inSnippet(p, snippets[index]!));
    const found = program.getSemanticDiagnostics(file);
    semantic.push(...found);
    if (index === undefined) continue;
    const mine = ts.sortAndDeduplicateDiagnostics([...early, ...found].filter((d) => d.file === file));
    checked(index, [...own, ...mine.flatMap(check.problemOf)]);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const options = program.getCompilerOptions();
  const declarations = options.declaration || options.composite ? program.getDeclarationDiagnostics() : [];
  const diagnostics = ts.sortAndDeduplicateDiagnostics([...early, ...semantic, ...declarations]);
  return [...check.problems(), ...diagnostics.flatMap(check.problemOf)];
}

interface SnippetProgram {
  program: ts.Program;
  /** Each snippet's in-memory file, by its name. */
  virtual: Map<string, Snippet>;
  /**
   * The problems found before TypeScript's diagnostics in one snippet's file: syntax snippets
   * cannot run, and globals they cannot have. Worked out when first asked for, once per file.
   */
  problemsIn: (name: string) => Problem[];
  /** problemsIn for every snippet, in their order. */
  problems: () => Problem[];
  /** The problem a diagnostic makes, if any (some are dropped: snippet-typecheck's rules). */
  problemOf: (diagnostic: ts.Diagnostic) => Problem[];
}

/** One Program over every snippet (strict), the problems of syntax and realm, and how a diagnostic maps back to the MDX file, line and column where the author wrote the code. */
function snippetProgram(snippets: readonly Snippet[], root: string): SnippetProgram {
  const ts = typescript();
  const virtual = new Map(snippets.map((s, i) => [path.join(root, ".daybook-snippets", `snippet-${i}.ts`), s]));
  const compilerOptions = snippetCompilerOptions(ts, path.join(root, SIM_ENTRY), path.join(root, SHOW_ENTRY));
  const host = ts.createCompilerHost(compilerOptions);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const libDir = path.dirname(ts.getDefaultLibFilePath(compilerOptions));
  // The snippets' web library is made in memory and read as if it were beside TypeScript's own.
  const webLib = path.join(libDir, SNIPPET_WEB_LIB);
  host.fileExists = (file) => virtual.has(file) || file === webLib || ts.sys.fileExists(file);
  host.readFile = (file) => virtual.get(file)?.code ?? (file === webLib ? snippetWebLib().text : readFile(file));
  host.getSourceFile = (file, language, onError, create) => {
    const snippet = virtual.get(file);
    if (snippet) return ts.createSourceFile(file, snippet.code, language);
    if (path.dirname(file) !== libDir) return getSourceFile(file, language, onError, create);
    const key = `${JSON.stringify(language)}\0${file}`;
    if (!LIB_FILES.has(key)) LIB_FILES.set(key, file === webLib ? ts.createSourceFile(file, snippetWebLib().text, language) : getSourceFile(file, language, onError, create));
    return LIB_FILES.get(key);
  };
  const program = ts.createProgram([...virtual.keys()], compilerOptions, host);
  const checker = program.getTypeChecker();
  const at = (snippet: Snippet, file: ts.SourceFile, start: number) => {
    const { line, character } = file.getLineAndCharacterOfPosition(start);
    return { file: snippet.file, line: snippet.line + 1 + line, column: character + 1 };
  };
  const refused = new Map<ts.SourceFile, NonErasableSyntax[]>();
  const refusedIn = (file: ts.SourceFile, snippet: Snippet): NonErasableSyntax[] => {
    let found = refused.get(file);
    if (!found) refused.set(file, (found = findNonErasableSyntax(snippet.code)));
    return found;
  };
  const problemsByName = new Map<string, Problem[]>();
  const problemsIn = (name: string): Problem[] => {
    let problems = problemsByName.get(name);
    if (problems) return problems;
    const snippet = virtual.get(name)!;
    const file = program.getSourceFile(name)!;
    problems = refusedIn(file, snippet).map((f) => ({ file: snippet.file, line: snippet.line + f.line, column: f.column, message: f.message, fix: "snippets run with their types removed, in the build and in the browser, so only TypeScript that is JavaScript plus types can run" }));
    problems.push(...realmProblems(file, checker, program).map((p) => ({ ...at(snippet, file, p.start), message: p.message, fix: p.fix })));
    problemsByName.set(name, problems);
    return problems;
  };
  const problemOf = (diagnostic: ts.Diagnostic): Problem[] => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ");
    const snippet = diagnostic.file && virtual.get(diagnostic.file.fileName);
    if (!snippet || diagnostic.start === undefined) return [outsideSnippets(diagnostic, text, root)];
    const start = diagnostic.start;
    // "Cannot find name 'document'/'process'/'WebSocket'": TypeScript suggests the DOM or Node's types, but a snippet has neither, nor a worker's own globals.
    const missing = missingGlobal(diagnostic.code, text, absentWebNames());
    if (isDroppedDiagnostic(ts, diagnostic.file!, diagnostic.code, start, refusedIn(diagnostic.file!, snippet), missing)) return [];
    if (missing) return [{ ...at(snippet, diagnostic.file!, start), message: `\`${missing.name}\` does not exist where snippets run`, fix: realmFix() }];
    return [{ ...at(snippet, diagnostic.file!, start), message: `type error in a runnable snippet: ${text} (TS${diagnostic.code})`, fix: "fix the snippet so it type-checks under strict TypeScript" }];
  };
  return { program, virtual, problemsIn, problems: () => [...virtual.keys()].flatMap(problemsIn), problemOf };
}

/** A diagnostic in no snippet: in daybook/sim (its file and line), or about the compiler setup, never blamed on a snippet or the library. */
function outsideSnippets(diagnostic: ts.Diagnostic, text: string, root: string): Problem {
  const file = diagnostic.file && path.relative(root, diagnostic.file.fileName).split(path.sep).join("/");
  if (file && diagnostic.start !== undefined && !/(^|\/)node_modules\/typescript\/lib\//.test(file) && !file.startsWith("..")) {
    const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    return { file, line, message: `type error in ${file.startsWith("src/sim/") ? "daybook/sim" : file.startsWith("src/figures/") ? "daybook/show" : "a module snippets import"}: ${text} (TS${diagnostic.code})`, fix: "fix the helper library: snippets import it" };
  }
  return { file: "src/integration/snippets/snippet-typecheck.ts", message: `TypeScript could not set up the snippets' type-check: ${text} (TS${diagnostic.code})`, fix: "this is a bug in Daybook's compiler setup (src/runtime/typecheck-options.ts), not in the journal" };
}


function realmFix(): string {
  return `a snippet has ECMAScript's built-ins, console, timers, performance.now() and these Web APIs: ${Object.keys(REALM_GLOBALS).join(", ")}`;
}

/** The build's realm check (src/runtime/typecheck-options.ts, shared with the editor's worker), with what to do. */
function realmProblems(file: ts.SourceFile, checker: ts.TypeChecker, program: ts.Program): { start: number; message: string; fix: string }[] {
  const ts = typescript();
  const fix = realmFix();
  return findRealmProblems(ts, file, checker, program, SNIPPET_GLOBALS).map((p) => ({ ...p, fix }));
}
