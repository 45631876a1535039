// In a file of its own so that the build's snippet pool names it without loading the runtime.

/** The file name snippet code runs under (Node), so stack frames in the snippet can be told apart. */
export const SNIPPET_SOURCE = "daybook-snippet.js";
