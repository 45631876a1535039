// The snippets' web library (src/integration/snippets/snippet-web-lib.ts): cut from TypeScript's
// worker library to what a snippet's realm has, it must declare every Web API a snippet can use,
// in TypeScript's own words, refer to nothing it leaves out, and be a small part of the whole.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SNIPPET_GLOBALS } from "../../src/runtime/realm.ts";
import { SNIPPET_LIBS, SNIPPET_WEB_LIB, snippetCompilerOptions } from "../../src/runtime/typecheck-options.ts";
import { WEB_LIB_SOURCES, cutWebLib, keptWebLib, snippetWebLib } from "../../src/integration/snippets/snippet-web-lib.ts";

const TS_LIB = path.dirname(createRequire(import.meta.url).resolve("typescript"));
const sources = WEB_LIB_SOURCES.map((name) => readFileSync(path.join(TS_LIB, name), "utf8"));

/** Top-level names a library file declares, with how: "value" (var, function, namespace) or "type". */
function declared(text: string): Map<string, Set<"value" | "type">> {
  const found = new Map<string, Set<"value" | "type">>();
  const add = (name: string, kind: "value" | "type") => found.set(name, new Set([...(found.get(name) ?? []), kind]));
  for (const statement of ts.createSourceFile("lib.d.ts", text, ts.ScriptTarget.ES2025, true).statements) {
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) add(d.name.getText(statement.getSourceFile()), "value");
    else if (ts.isFunctionDeclaration(statement) || ts.isModuleDeclaration(statement)) add(statement.name!.getText(statement.getSourceFile()), "value");
    else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) add(statement.name.text, "type");
  }
  return found;
}

describe("the snippets' web library", () => {
  const lib = snippetWebLib();
  const full = new Map(sources.flatMap((text) => [...declared(text)]));
  const cut = declared(lib.text);

  it("declares every global of a snippet's realm that TypeScript's worker library declares, as a value", () => {
    const realmWeb = [...SNIPPET_GLOBALS].filter((name) => full.get(name)?.has("value"));
    expect(realmWeb).toEqual(expect.arrayContaining(["URL", "TextEncoder", "fetch", "console", "setTimeout", "performance", "crypto", "structuredClone", "ReadableStream", "AbortController"]));
    for (const name of realmWeb) expect(cut.get(name)?.has("value"), name).toBe(true);
  });

  it("leaves out a worker's own globals and every other API a snippet lacks, and says which", () => {
    for (const name of ["self", "postMessage", "importScripts", "WebSocket", "indexedDB", "location", "navigator", "XMLHttpRequest", "WebGL2RenderingContext"]) {
      expect(cut.has(name), name).toBe(false);
      expect(lib.absent, name).toContain(name);
    }
    for (const name of SNIPPET_GLOBALS) expect(lib.absent).not.toContain(name);
    // Everything the full library declares is either in the cut one or said to be absent.
    for (const name of full.keys()) expect(cut.has(name) || lib.absent.includes(name), name).toBe(true);
  });

  it("copies TypeScript's declarations word for word, doc comments included", () => {
    const file = ts.createSourceFile(SNIPPET_WEB_LIB, lib.text, ts.ScriptTarget.ES2025, true);
    const stubs = file.statements.filter((s) => s.getText(file).includes(`"not in a snippet's realm"`));
    expect(stubs.map((s) => (s as ts.InterfaceDeclaration).name.text).sort()).toEqual(["AudioData", "ImageBitmap", "MediaSourceHandle", "OffscreenCanvas", "RTCDataChannel", "ServiceWorker", "VideoFrame"]);
    for (const statement of file.statements) {
      if (stubs.includes(statement)) continue;
      const text = statement.getText(file);
      expect(sources.some((source) => source.includes(text)), text.slice(0, 120)).toBe(true);
    }
    expect(lib.text).toContain("The **`URL.parse()`** static method of the URL interface");
  });

  it("refers to nothing it leaves out: a Program that checks the library files reports nothing in it", () => {
    const options = { ...snippetCompilerOptions(ts, "/none/index.ts"), skipLibCheck: false };
    const host = ts.createCompilerHost(options);
    const webLib = path.join(path.dirname(ts.getDefaultLibFilePath(options)), SNIPPET_WEB_LIB);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === webLib || name === "/snippet.ts" || fileExists(name);
    host.getSourceFile = (name, language, ...rest) => (name === webLib ? ts.createSourceFile(name, lib.text, language) : name === "/snippet.ts" ? ts.createSourceFile(name, "export {};", language) : getSourceFile(name, language, ...rest));
    const program = ts.createProgram(["/snippet.ts"], options, host);
    const file = program.getSourceFile(webLib);
    expect(file, "the web library is part of the Program").toBeDefined();
    // A default library file, as TypeScript's own are: the realm check relies on it.
    expect(SNIPPET_LIBS).toContain(SNIPPET_WEB_LIB);
    expect(program.isSourceFileDefaultLibrary(file!)).toBe(true);
    const problems = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    expect(problems).toEqual([]);
  });

  it("a cut that missed a mentioned type would be caught: the closure follows types, not only the roots", () => {
    const { text } = cutWebLib([{ name: "lib.test.d.ts", text: "interface A { b: B }\ninterface B { c: C[] }\ninterface C {}\ninterface Unused {}\ndeclare var a: A;\ndeclare var other: Unused;\n" }], ["a"], "test", new Set());
    expect(declared(text)).toEqual(declared("interface A {}\ninterface B {}\ninterface C {}\ndeclare var a: A;\n"));
  });

  it("is a small part of TypeScript's worker library, which is why it exists", () => {
    expect(lib.text.length).toBeLessThan(0.25 * sources[0]!.length);
  });
});

describe("the web library kept between builds", () => {
  it("is made once per cache folder and key, and read back equal to a fresh cut", () => {
    const fresh = cutWebLib(WEB_LIB_SOURCES.map((name, i) => ({ name, text: sources[i]! })), SNIPPET_GLOBALS, ts.version);
    const before = process.env["DAYBOOK_CACHE"];
    process.env["DAYBOOK_CACHE"] = mkdtempSync(path.join(tmpdir(), "daybook-web-lib-"));
    try {
      let made = 0;
      const make = () => (made++, fresh);
      expect(keptWebLib(process.cwd(), make)).toEqual(fresh);
      expect(keptWebLib(process.cwd(), make)).toEqual(fresh);
      expect(made, "the second build reads the first one's copy").toBe(1);
      // Its name is the build's cache key: a new TypeScript (lock file) or a change to Daybook's source makes a new one.
      expect(readdirSync(path.join(process.env["DAYBOOK_CACHE"], "daybook-web-lib"))).toEqual([expect.stringMatching(/^daybook-node-.+-lock-[0-9a-f]+-src-[0-9a-f]+\.json$/)]);
      // What the build uses is that same library.
      expect(snippetWebLib()).toEqual(fresh);
    } finally {
      if (before === undefined) delete process.env["DAYBOOK_CACHE"];
      else process.env["DAYBOOK_CACHE"] = before;
    }
  });
});
