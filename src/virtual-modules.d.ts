// Stylesheets the build makes from code (see src/integration/styles/vite-generated-css.ts).
declare module "virtual:daybook/code-colours.css";
declare module "virtual:daybook/graph.css";
