/**
 * The compiler setup snippets are type-checked with, in one place for both sides: the build's
 * Program (src/integration/snippets/snippet-typecheck.ts) and the editor's worker in a reader's
 * tab (src/client/snippets/typecheck-worker.ts). Both pass in the same `typescript` package, so a
 * snippet gets the same diagnostics at build and while a reader edits it. No Node APIs here.
 */
import type ts from "typescript";

/** How snippets import the helper library. */
export const SIM_SPECIFIER = "daybook/sim";
/** How snippets import figures (the runtime's own module; its types are src/figures/show-module.ts). */
export const SHOW_SPECIFIER = "daybook/show";

/**
 * The Web APIs' declarations, cut by the build from TypeScript's worker library
 * (src/integration/snippets/snippet-web-lib.ts): those of the globals a snippet's realm has and of
 * every type they mention. Both sides read it as a library file beside TypeScript's own.
 */
export const SNIPPET_WEB_LIB = "lib.daybook.web.d.ts";

/**
 * What snippets may use: ECMAScript up to ES2025, the ESNext pieces both snippet runtimes run
 * (Node 26 at build, Chromium in a reader's tab; each is run by tests/unit/snippet-runner.test.ts):
 * `using` and DisposableStack, Map#getOrInsert, Array.fromAsync, Error.isError, Uint8Array's
 * base64 and hex, Atomics.pause, Temporal. Not esnext.decorators: no engine runs decorators, so
 * they are refused (src/runtime/erasable-syntax.ts). The Web APIs are SNIPPET_WEB_LIB.
 */
export const SNIPPET_LIBS = [
  "lib.es2025.d.ts",
  "lib.esnext.array.d.ts",
  "lib.esnext.collection.d.ts",
  "lib.esnext.date.d.ts",
  "lib.esnext.disposable.d.ts",
  "lib.esnext.error.d.ts",
  "lib.esnext.intl.d.ts",
  "lib.esnext.sharedmemory.d.ts",
  "lib.esnext.temporal.d.ts",
  "lib.esnext.typedarrays.d.ts",
  SNIPPET_WEB_LIB,
];

/** Diagnostics about syntax erasable-syntax.ts reports in its own words (TS1294 and its companions). */
export const ERASABLE_CODES: ReadonlySet<number> = new Set([1294, 1202, 1203, 1540]);

/** "Cannot find name …; do you need the DOM library / Node's types?": a snippet has neither, so both sides say the name does not exist where snippets run. */
export const NOT_IN_SNIPPETS: ReadonlySet<number> = new Set([2584, 2591, 2580, 2592, 2582, 2593]);

/** The options, given the compiler package and where `daybook/sim`'s index.ts (and `daybook/show`'s show-module.ts) is on that side. */
export function snippetCompilerOptions(typescript: typeof ts, simEntry: string, showEntry?: string): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: typescript.ScriptTarget.ES2025,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: typescript.ModuleResolutionKind.Bundler,
    // Without this every snippet that does not import or export shares one global scope.
    moduleDetection: typescript.ModuleDetectionKind.Force,
    erasableSyntaxOnly: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    lib: SNIPPET_LIBS,
    types: [],
    // No baseUrl: TypeScript 6 refuses it; `paths` alone resolves the helper module.
    paths: { [SIM_SPECIFIER]: [simEntry], ...(showEntry === undefined ? {} : { [SHOW_SPECIFIER]: [showEntry] }) },
  };
}

/** A global a snippet does not have, that a diagnostic is about. */
export interface MissingGlobal {
  name: string;
  /** TypeScript's worker library declares it and SNIPPET_WEB_LIB leaves it out (not the DOM's or Node's). */
  leftOut: boolean;
}

/**
 * The global a "Cannot find name 'X'" diagnostic (or "'X' only refers to a type") is about, when
 * X is one a snippet does not have: the DOM's or Node's (NOT_IN_SNIPPETS), or one TypeScript's
 * worker library declares that SNIPPET_WEB_LIB leaves out (`absent`: `self`, `WebSocket`…). Both
 * sides say it in the same words: "`X` does not exist where snippets run".
 */
export function missingGlobal(code: number, text: string, absent: ReadonlySet<string>): MissingGlobal | undefined {
  const found = /^Cannot find name '([^']+)'|^'([^']+)' only refers to a type/.exec(text);
  const name = found?.[1] ?? found?.[2];
  if (name === undefined) return undefined;
  if (NOT_IN_SNIPPETS.has(code)) return { name, leftOut: false };
  return (code === 2304 || code === 2552 || code === 2693) && absent.has(name) ? { name, leftOut: true } : undefined;
}

/**
 * Diagnostics the build and the editor both drop, so the two always agree: an erasable-syntax
 * error inside syntax erasable-syntax.ts already refused (`refused`), or on a `<T>x` cast, which
 * is JavaScript once `<T>` is removed; and a missing name under `typeof` (`typeof document` runs
 * anywhere: it is how code tests for a global; `missing` is missingGlobal's answer). `tsApi` is the
 * `typescript` package each side loaded.
 */
export function isDroppedDiagnostic(tsApi: typeof ts, file: ts.SourceFile, code: number, start: number, refused: readonly { start: number; end: number }[], missing?: MissingGlobal): boolean {
  if (ERASABLE_CODES.has(code) && (refused.some((f) => start >= f.start && start < f.end) || tsApi.isTypeAssertionExpression(nodeAt(tsApi, file, start)))) return true;
  if ((code === 2304 || missing !== undefined) && tsApi.isTypeOfExpression(nodeAt(tsApi, file, start).parent)) return true;
  // A Web type SNIPPET_WEB_LIB leaves out, named as a type (`event as CustomEvent`): types are
  // erased before a snippet runs, so this runs; TypeScript's full library declared it, so it was
  // never an error, and it is not one now (the type is unknown to the checker, so anything goes).
  return missing?.leftOut === true && isTypePosition(tsApi, nodeAt(tsApi, file, start));
}

/** Whether an identifier names a type (a type reference, `typeof X` in a type, `implements`, an interface's `extends`), not a value (`class … extends X` is a value). */
function isTypePosition(tsApi: typeof ts, node: ts.Node): boolean {
  let at = node;
  while (tsApi.isQualifiedName(at.parent) || tsApi.isPropertyAccessExpression(at.parent)) at = at.parent;
  const parent = at.parent;
  if (tsApi.isTypeReferenceNode(parent) || tsApi.isTypeQueryNode(parent)) return true;
  if (!tsApi.isExpressionWithTypeArguments(parent) || !tsApi.isHeritageClause(parent.parent)) return false;
  return parent.parent.token === tsApi.SyntaxKind.ImplementsKeyword || tsApi.isInterfaceDeclaration(parent.parent.parent);
}

/** Globals the runtime defines only in part: the members a snippet may use. */
const PARTIAL_GLOBALS: Record<string, ReadonlySet<string>> = { performance: new Set(["now"]) };

/**
 * Uses of a global that a default library declares but a snippet's realm does not have (a
 * worker's `self`, `postMessage`, `importScripts`, `WebSocket`, `indexedDB`…, or a member of
 * `performance` other than `now`): type-checking code that cannot run helps nobody. `typeof x`
 * stays allowed, since it is how code checks for a global. `snippetGlobals` is realm.ts's
 * SNIPPET_GLOBALS (the editor's worker gets the names from the build, not the realm's code).
 */
export function findRealmProblems(tsApi: typeof ts, file: ts.SourceFile, checker: ts.TypeChecker, program: ts.Program, snippetGlobals: ReadonlySet<string>): { start: number; end: number; message: string }[] {
  const found: { start: number; end: number; message: string }[] = [];
  const globalName = (symbol: ts.Symbol | undefined): string | undefined => {
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || !program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return undefined;
    const topLevel = tsApi.isVariableDeclaration(declaration) ? declaration.parent.parent.parent : declaration.parent;
    if (!tsApi.isSourceFile(topLevel) || !(tsApi.isVariableDeclaration(declaration) || tsApi.isFunctionDeclaration(declaration) || tsApi.isModuleDeclaration(declaration) || tsApi.isClassDeclaration(declaration))) return undefined;
    return symbol.name;
  };
  const visit = (node: ts.Node): void => {
    if (tsApi.isInterfaceDeclaration(node) || tsApi.isTypeAliasDeclaration(node) || tsApi.isTypeOfExpression(node)) return;
    if (tsApi.isExpressionWithTypeArguments(node)) {
      const clause = node.parent;
      if (tsApi.isHeritageClause(clause) && clause.token === tsApi.SyntaxKind.ExtendsKeyword && tsApi.isClassLike(clause.parent)) visit(node.expression);
      return;
    }
    if (tsApi.isTypeNode(node)) return;
    if (tsApi.isIdentifier(node)) {
      const symbol = tsApi.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
      const global = globalName(symbol);
      if (global && !snippetGlobals.has(global)) found.push({ start: node.getStart(file), end: node.getEnd(), message: `\`${global}\` does not exist where snippets run` });
    }
    if (tsApi.isPropertyAccessExpression(node)) {
      const global = globalName(checker.getSymbolAtLocation(node.expression));
      const members = global && PARTIAL_GLOBALS[global];
      if (members && !members.has(node.name.text)) found.push({ start: node.name.getStart(file), end: node.name.getEnd(), message: `\`${global}.${node.name.text}\` does not exist where snippets run (of \`${global}\`, snippets have ${[...members].map((m) => `\`${m}\``).join(", ")})` });
    }
    tsApi.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The innermost node that starts at `start`. */
function nodeAt(tsApi: typeof ts, file: ts.SourceFile, start: number): ts.Node {
  let found: ts.Node = file;
  const visit = (node: ts.Node): void => {
    if (start < node.getStart(file) || start >= node.getEnd()) return;
    if (node.getStart(file) === start) found = node;
    tsApi.forEachChild(node, visit);
  };
  tsApi.forEachChild(file, visit);
  return found;
}
