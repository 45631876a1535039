import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { findNonErasableSyntax, NonErasableSyntaxError } from "../../src/runtime/erasable-syntax.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import { typecheckSnippets } from "../../src/integration/snippets/snippet-typecheck.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENUM = "enums can't run in a snippet: use a union of string literals or a const object";
const NAMESPACE = "namespaces with values can't run in a snippet: use a plain object or top-level declarations";
const PARAMETER = "parameter properties can't run in a snippet: declare the field in the class and assign it in the constructor";
const DECORATOR = "decorators can't run in a snippet: JavaScript engines don't run them yet; call the function on the class or method instead";
const REQUIRE = "`import … = require()` can't run in a snippet: use `import … from \"…\"`";
const ALIAS = "`import … =` aliases can't run in a snippet: use `const … =`";
const EXPORT = "`export =` can't run in a snippet: use `export default`";

/** Code, and the [line, message] of each construct that can't run. */
const CASES: [string, string, [number, string][]][] = [
  ["an enum", "const a = 1;\nenum Colour { Red, Green }\nconsole.log(Colour.Red);", [[2, ENUM]]],
  ["an exported const enum", "export const enum Size {\n  S = 's',\n}", [[1, ENUM]]],
  ["a namespace with a value", "namespace Config {\n  export const retries = 3;\n}\nconsole.log(Config.retries);", [[1, NAMESPACE]]],
  ["a dotted namespace with a statement", "console.log(1)\nnamespace A.B { console.log(2) }", [[2, NAMESPACE]]],
  ["the module keyword for a namespace", "module Legacy { export function f() {} }", [[1, NAMESPACE]]],
  ["a namespace whose nested namespace has a value", "namespace Outer {\n  export type T = 1\n  export namespace Inner { export const x = 1 }\n}", [[1, NAMESPACE], [3, NAMESPACE]]],
  ["an enum in a namespace", "namespace Holder {\n  export enum E { A }\n}", [[1, NAMESPACE], [2, ENUM]]],
  ["parameter properties", "class Account {\n  constructor(\n    private balance: number,\n    readonly owner: string,\n    name: string,\n  ) {}\n}", [[3, PARAMETER], [4, PARAMETER]]],
  ["a parameter property with a default", "class P { constructor(public x = 1) {} }", [[1, PARAMETER]]],
  ["import = require()", 'import fs = require("node:fs");', [[1, REQUIRE]]],
  ["import type = require() (sucrase cannot read it)", 'import type T = require("x");', [[1, REQUIRE]]],
  ["an import alias", "namespace N { export const a = 1 }\nimport a = N.a;", [[1, NAMESPACE], [2, ALIAS]]],
  ["export =", "const x = 1;\nexport = x;", [[2, EXPORT]]],
  ["a method decorator", "function logged(value: Function, context: ClassMethodDecoratorContext) {}\nclass Service {\n  @logged run() {}\n}", [[3, DECORATOR]]],
  ["a class decorator with arguments", "function tag(name: string) { return (c: Function, ctx: ClassDecoratorContext) => {}; }\n@tag('x')\nclass A {}", [[2, DECORATOR]]],
  // Erasable: nothing to report.
  ["a type-only namespace", "namespace Shapes {\n  export type Point = { x: number }\n  export interface Box { p: Point }\n  type Local =\n    | 'a'\n    | 'b'\n}\nconst p: Shapes.Point = { x: 1 };\nconsole.log(p);", []],
  ["declared enums and namespaces", "declare enum E { A }\ndeclare const enum F { B }\ndeclare namespace D { const x: number; enum G { C } }\ndeclare module 'm' { export const y: 1 }\ndeclare global { interface Window { z: 1 } }", []],
  ["a <T>x cast", "const n = <number>(JSON.parse('1') as unknown);\nconsole.log(n);", []],
  ["the words used as names and members", "const o = { enum: 1, namespace: 2, module: 3 };\nconsole.log(o.enum, o.namespace, o.module);\nclass K { readonly: number = 1; constructor(readonly?: number) {} namespace() {} }", []],
  ["the words in strings, templates, comments and regexes", "const s = `enum A {} ${`@x ${'namespace N { let a }'}`} ${ {enum: 1}.enum }`;\nconst r = /@enum\\/ [enum] { }/g;\n// enum B { }\n/* @decorator namespace C { const x = 1 } */\nconsole.log(s, r, 'export = 1', \"import a = require('b')\");", []],
  ["a division, not a regex", "const a = 4, b = 2;\nconst c = a / b / 1; enum D { X }", [[2, ENUM]]],
];

describe("findNonErasableSyntax", () => {
  it.each(CASES)("%s", (_name, code, expected) => {
    expect(findNonErasableSyntax(code).map((f) => [f.line, f.message])).toEqual(expected);
  });

  /** The lines TypeScript reports TS1294 on (erasableSyntaxOnly), `<T>x` casts left out: one Program for every case. */
  let typescript: Map<string, number[]> | undefined;
  function typescriptLines(code: string): number[] {
    if (!typescript) {
      const files = new Map(CASES.map(([, c], i) => [path.join(ROOT, `erasable-probe-${i}.ts`), c]));
      const options: ts.CompilerOptions = { noEmit: true, erasableSyntaxOnly: true, target: ts.ScriptTarget.ES2025, module: ts.ModuleKind.ESNext, moduleDetection: ts.ModuleDetectionKind.Force, types: [] };
      const host = ts.createCompilerHost(options);
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (file, language, ...rest) => (files.has(file) ? ts.createSourceFile(file, files.get(file)!, language, true) : getSourceFile(file, language, ...rest));
      const program = ts.createProgram([...files.keys()], options, host);
      typescript = new Map();
      for (const [name, c] of files) {
        const file = program.getSourceFile(name)!;
        const casts = new Set<number>();
        const visit = (node: ts.Node): void => {
          if (ts.isTypeAssertionExpression(node)) casts.add(node.getStart(file));
          ts.forEachChild(node, visit);
        };
        visit(file);
        const lines = ts.getPreEmitDiagnostics(program, file).filter((d) => d.code === 1294 && !casts.has(d.start!)).map((d) => file.getLineAndCharacterOfPosition(d.start!).line + 1);
        typescript.set(c, [...new Set(lines)].sort((a, b) => a - b));
      }
    }
    return typescript.get(code)!;
  }

  it.each(CASES.filter(([, code]) => !code.includes("@")))("finds what TypeScript's erasableSyntaxOnly finds, on the same lines: %s", (_name, code) => {
    // TypeScript reports a namespace or enum at its name and a parameter property at its modifier.
    const ours = [...new Set(findNonErasableSyntax(code).map((f) => f.line))];
    expect(ours).toEqual(typescriptLines(code));
  });
});

describe("transpileSnippet refuses what can't run, as the build does", () => {
  it.each(CASES.filter(([, , expected]) => expected.length > 0))("%s", (_name, code, expected) => {
    let error: unknown;
    try {
      transpileSnippet(code);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonErasableSyntaxError);
    expect(error).toMatchObject({ name: "NonErasableSyntaxError", message: expected[0]![1], loc: { line: expected[0]![0] } });
  });

  it.each(CASES.filter(([, , expected]) => expected.length === 0))("transpiles %s", (_name, code) => {
    expect(() => transpileSnippet(code)).not.toThrow();
  });

  it("reports the same message at the MDX file and line at build", () => {
    const mdx = "---\ntitle: x\n---\n\nText.\n\n```ts run\nconst a = 1;\nenum Colour { Red }\nclass P { constructor(private x: number) {} }\nconsole.log(a, Colour.Red, new P(1));\n```\n";
    const { snippets } = extractSnippets("content/days/001.mdx", mdx);
    const problems = typecheckSnippets(snippets, ROOT);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [9, 1, ENUM],
      [10, 23, PARAMETER],
    ]);
    // The editor shows the snippet alone: line 2 of the snippet is line 9 of the file.
    expect(() => transpileSnippet(snippets[0]!.code)).toThrow(expect.objectContaining({ message: ENUM, loc: { line: 2, column: 0 } }));
  });
});
