// The most a snippet may print, so that one flooding the console cannot bloat a page or hang a
// tab (console-capture.ts cuts there). In a file of their own so that the build reads them
// without loading the snippet runtime.

/** Lines of output a run keeps; past them it prints a note that it cut the rest. */
export const MAX_OUTPUT_LINES = 500;
/** Characters of output a run keeps, as for MAX_OUTPUT_LINES. */
export const MAX_OUTPUT_CHARS = 50_000;
