import path from "node:path";
import ts from "typescript";
import type { Problem } from "../content/problem.ts";
import type { Snippet } from "./snippet-extract.ts";

/** The helper library snippets import as `daybook/sim`. */
export const SIM_ENTRY = "src/sim/index.ts";

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Without this every snippet that does not import or export shares one global scope.
  moduleDetection: ts.ModuleDetectionKind.Force,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: [],
};

/**
 * Type-checks every snippet in one Program over in-memory files (strict), and maps each
 * diagnostic back to the MDX file, line and column where the author wrote the code.
 */
export function typecheckSnippets(snippets: readonly Snippet[], root: string): Problem[] {
  if (snippets.length === 0) return [];
  const virtual = new Map(snippets.map((s, i) => [path.join(root, ".daybook-snippets", `snippet-${i}.ts`), s]));
  const options = { ...OPTIONS, paths: { "daybook/sim": [path.join(root, SIM_ENTRY)] } };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => virtual.get(file)?.code ?? readFile(file);
  host.getSourceFile = (file, language, onError, create) => {
    const snippet = virtual.get(file);
    return snippet ? ts.createSourceFile(file, snippet.code, language) : getSourceFile(file, language, onError, create);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems: Problem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const snippet = diagnostic.file && virtual.get(diagnostic.file.fileName);
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ");
    if (!snippet || diagnostic.start === undefined) {
      problems.push({ file: SIM_ENTRY, message: `TypeScript: ${text}`, fix: "fix the helper library or the compiler setup" });
      continue;
    }
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    problems.push({
      file: snippet.file,
      line: snippet.line + 1 + line,
      column: character + 1,
      message: `type error in a runnable snippet: ${text} (TS${diagnostic.code})`,
      fix: "fix the snippet so it type-checks under strict TypeScript",
    });
  }
  return problems;
}
