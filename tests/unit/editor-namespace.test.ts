// The editor's `namespace` bug: a namespace TypeScript makes code for (so the build refuses it
// with TS1294) was read as types only by the scanner, so the editor's transpile dropped it and
// the code ran without it. Each body below is judged by TypeScript itself and by the scanner.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { findNonErasableSyntax } from "../../src/runtime/erasable-syntax.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";

const BODIES = [
  "declare function f(): void",
  "declare const x: 1",
  "declare let x: 1, y: 2",
  "export declare function f(): void",
  "declare class C {}",
  "export declare class C {}",
  "declare enum E { X }",
  "declare namespace B { const y: 1 }",
  "export declare namespace B { const y: 1 }",
  "export namespace B { export declare const z: 1 }",
  ";",
  "interface I {};",
  "type T = 1;\n;",
  "namespace B { ; }",
  // Types only: no code, nothing refused.
  "declare const enum E { X }",
  "declare module B { }",
  "declare global {}",
  "type T = 1;",
  "type T = { a: 1 };",
  "export type T = { a: 1 }\nexport interface I { b: T }",
  "declare type T = 1",
  "declare interface I {}",
  "export declare type T = 1",
  "declare namespace B { type T = 1 }",
];

/** Whether TypeScript reports TS1294 (erasableSyntaxOnly) for the namespace around each body: one Program for all. */
function typescriptRefuses(): boolean[] {
  const files = new Map(BODIES.map((body, i) => [`/probe-${i}.ts`, `namespace A {\n${body}\n}\nconsole.log(1)`]));
  const options: ts.CompilerOptions = { noEmit: true, noLib: true, erasableSyntaxOnly: true, moduleDetection: ts.ModuleDetectionKind.Force, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (file, language) => (files.has(file) ? ts.createSourceFile(file, files.get(file)!, language, true) : undefined);
  host.fileExists = (file) => files.has(file);
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].map((file) => program.getSemanticDiagnostics(program.getSourceFile(file)).some((d) => d.code === 1294 && d.start! < 12));
}

describe("namespaces in the editor", () => {
  const refuses = typescriptRefuses();
  it("the table has both kinds", () => expect(new Set(refuses)).toEqual(new Set([true, false])));

  it.each(BODIES.map((body, i) => [body, refuses[i]!] as const))("namespace A { %s }: refused as TypeScript refuses it (%s)", (body, refused) => {
    const code = `namespace A {\n${body}\n}\nconsole.log(1)`;
    const found = findNonErasableSyntax(code).filter((f) => f.line === 1);
    expect(found.length > 0).toBe(refused);
    // The editor's Run goes through transpileSnippet: it refuses the namespace, never drops it silently.
    if (refused) expect(() => transpileSnippet(code)).toThrow(/namespaces with values can't run in a snippet/);
  });
});
