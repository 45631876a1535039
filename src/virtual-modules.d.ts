// Stylesheets the build makes from code (see src/integration/styles/vite-generated-css.ts).
declare module "virtual:daybook/code-colours.css";
declare module "virtual:daybook/graph.css";

/** The type-check worker's files, made at build by src/integration/snippets/editor-bundle.ts. */
declare module "daybook:typecheck-files" {
  const files: { libs: Record<string, string>; sim: Record<string, string> };
  export default files;
}
