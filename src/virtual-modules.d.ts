// Modules the build makes up at build time (see src/build/vite-code-colours.ts).
declare module "virtual:daybook/code-colours.css";
