import { transform } from "sucrase";
import { findNonErasableSyntax, NonErasableSyntaxError } from "./erasable-syntax.ts";

/**
 * TypeScript → JavaScript for snippets, identical at build time and in the browser. sucrase
 * keeps every statement on its line, so error lines match the code the reader sees; imports
 * become `require` calls that the runtime answers with Daybook's helper modules. TypeScript
 * that needs generated code (enums, namespaces with values, parameter properties, decorators…)
 * is refused with a NonErasableSyntaxError naming its line, as the build's type-check refuses it.
 */
export function transpileSnippet(code: string): string {
  const [first] = findNonErasableSyntax(code);
  if (first) throw new NonErasableSyntaxError(first);
  return transform(code, { transforms: ["typescript", "imports"], disableESTransforms: true, production: true }).code;
}
