import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type ts from "typescript";
import { typescript } from "./typescript-lazy.ts";
import { SNIPPET_GLOBALS } from "../../runtime/realm.ts";
import { cacheKey } from "../cache-key.ts";
import { daybookCacheDir } from "../daybook-cache.ts";
import { writeFileWhole } from "../write-whole.ts";

const require = createRequire(import.meta.url);
const TS_LIB = path.dirname(require.resolve("typescript"));

/** TypeScript's web library for a worker, which the snippets' one is cut from. */
export const WEB_LIB_SOURCES = ["lib.webworker.d.ts", "lib.webworker.iterable.d.ts", "lib.webworker.asynciterable.d.ts"] as const;

export interface SnippetWebLib {
  /** The text of the library file SNIPPET_WEB_LIB (src/runtime/typecheck-options.ts): TypeScript's declarations, word for word, of the Web APIs a snippet's realm has and of every type they mention. */
  text: string;
  /** Every other name the worker library declares (`self`, `WebSocket`, `indexedDB`…): a snippet that uses one is told it does not exist where snippets run. */
  absent: string[];
}

/**
 * Platform objects a snippet's realm can neither make nor receive, which the realm's types still
 * name (in `Transferable`, `MessageEvent.source`…): declared by name only, as types nothing can be
 * assigned to, instead of pulling in what they mention (WebGL, WebGPU, media, 60% of the library).
 */
const OPAQUE: ReadonlySet<string> = new Set(["OffscreenCanvas", "ImageBitmap", "MediaSourceHandle", "AudioData", "VideoFrame", "RTCDataChannel", "ServiceWorker"]);

let made: SnippetWebLib | undefined;
let absentSet: ReadonlySet<string> | undefined;

/**
 * The snippets' web library, made once per process from the installed TypeScript. A snippet's
 * realm has about thirty of the worker library's ~1,300 names (src/runtime/realm.ts), so the
 * build and the editor's worker read ~15% of its 790 KB instead of parsing and binding all of it
 * for every Program: on a reader's first edit that was most of the time before the first
 * diagnostics. Declarations are copied whole, with their doc comments, in TypeScript's order:
 * the types, hover text and diagnostics of everything a snippet can use are TypeScript's own.
 */
export function snippetWebLib(root = process.cwd()): SnippetWebLib {
  return (made ??= keptWebLib(root, () => cutWebLib(WEB_LIB_SOURCES.map((name) => ({ name, text: readFileSync(path.join(TS_LIB, name), "utf8") })), SNIPPET_GLOBALS, typescript().version)));
}

/**
 * The library as the last build in this cache folder made it, when nothing it is made from changed:
 * the key covers the lock file (TypeScript's version), Daybook's source (this cutter, the realm's
 * globals) and Node (src/integration/cache-key.ts). A warm build then loads no TypeScript at all to
 * serve the editor's files (cutting parses 790 KB of declarations: about 0.2 s, plus TypeScript's
 * own start).
 */
export function keptWebLib(root: string, make: () => SnippetWebLib): SnippetWebLib {
  let file: string;
  try {
    file = path.join(daybookCacheDir(root), "daybook-web-lib", `${cacheKey(root).key}.json`);
  } catch {
    return make(); // Not in a Daybook checkout (no lock file here): nothing to key a kept copy by.
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SnippetWebLib;
  } catch {
    // Not made yet, or unreadable: make it below.
  }
  const lib = make();
  // Parallel builds may race here: each puts a whole file in place.
  writeFileWhole(file, JSON.stringify(lib));
  return lib;
}

/** `snippetWebLib().absent`, as a set: what a type-check looks each missing name up in. */
export function absentWebNames(): ReadonlySet<string> {
  return (absentSet ??= new Set(snippetWebLib().absent));
}

/**
 * Keeps the top-level declarations of `roots` (the realm's globals that the library declares)
 * and, transitively, of every name a kept declaration mentions in a type (`Response` for
 * `fetch`, `BufferSource` for `TextDecoder`…). All declarations of a kept name are kept, so an
 * interface merged across the three files stays whole.
 */
export function cutWebLib(sources: readonly { name: string; text: string }[], roots: Iterable<string>, version: string, opaque: ReadonlySet<string> = OPAQUE): SnippetWebLib {
  const ts = typescript();
  const files = sources.map(({ name, text }) => ts.createSourceFile(name, text, ts.ScriptTarget.ES2025));
  const byName = new Map<string, ts.Statement[]>();
  for (const file of files) for (const statement of file.statements) for (const name of declaredNames(statement)) {
    const declarations = byName.get(name);
    if (declarations) declarations.push(statement);
    else byName.set(name, [statement]);
  }

  const kept = new Set<ts.Statement>();
  const names = new Set<string>();
  const queue = [...roots].filter((name) => byName.has(name));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (names.has(name) || opaque.has(name)) continue;
    names.add(name);
    for (const statement of byName.get(name)!) {
      if (kept.has(statement)) continue;
      kept.add(statement);
      for (const mentioned of typeNamesIn(statement)) if (byName.has(mentioned) && !names.has(mentioned)) queue.push(mentioned);
    }
  }

  const stubs = [...opaque].filter((name) => byName.has(name)).map((name) => `\n/** Not in a snippet's realm: no snippet can make or receive one, so only its name is declared (TypeScript's library declares it in full). */\ninterface ${name} {\n    readonly "not in a snippet's realm": never;\n}\n`);
  const header = `/// <reference no-default-lib="true"/>\n\n// Made by Daybook (src/integration/snippets/snippet-web-lib.ts) from TypeScript ${version}'s ${sources.map((s) => s.name).join(", ")}:\n// the declarations of the Web APIs a snippet's realm has, and of every type they mention, word for word.\n`;
  const body = files.map((file) => file.statements.filter((s) => kept.has(s)).map((s) => file.text.slice(s.getFullStart(), s.end).replace(/^\s*\n/, "\n")).join("")).join("\n");
  return { text: `${header}${body}\n${stubs.join("")}`, absent: [...byName.keys()].filter((name) => !names.has(name)).sort() };
}

function declaredNames(statement: ts.Statement): string[] {
  const ts = typescript();
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) {
    return statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  }
  return [];
}

/** The leftmost name of every type reference, heritage clause and `typeof` in a declaration. */
function typeNamesIn(statement: ts.Statement): Set<string> {
  const ts = typescript();
  const found = new Set<string>();
  const leftmost = (name: ts.EntityName | ts.Expression): void => {
    if (ts.isIdentifier(name)) found.add(name.text);
    else if (ts.isQualifiedName(name)) leftmost(name.left);
    else if (ts.isPropertyAccessExpression(name)) leftmost(name.expression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) leftmost(node.typeName);
    else if (ts.isExpressionWithTypeArguments(node)) leftmost(node.expression);
    else if (ts.isTypeQueryNode(node)) leftmost(node.exprName);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}
