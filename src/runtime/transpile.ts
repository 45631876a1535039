import { transform } from "sucrase";

/**
 * TypeScript → JavaScript for snippets, identical at build time and in the browser. sucrase
 * keeps every statement on its line, so error lines match the code the reader sees; imports
 * become `require` calls that the runtime answers with Daybook's helper modules.
 */
export function transpileSnippet(code: string): string {
  return transform(code, { transforms: ["typescript", "imports"], disableESTransforms: true, production: true }).code;
}
