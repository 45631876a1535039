/**
 * The limits on what a snippet may draw. Figure data is untrusted (it comes from reader-editable
 * code), so the sandbox and the page both hold it to these before anything is rendered.
 */

/** Longest string anywhere in a figure (title, label, series name, table cell), in characters. */
export const MAX_STRING_LENGTH = 200;
/** Most points in one figure: points of all series, bars, bins, table cells or sequence events. */
export const MAX_POINTS = 5_000;
/** Largest magnitude of any number, so that the span between two numbers is itself finite. */
export const MAX_MAGNITUDE = 1e300;
/** Most figures one run may show. */
export const MAX_FIGURES_PER_RUN = 10;
/** Most bytes of figure data (UTF-8 of its canonical JSON) one run may show. */
export const MAX_BYTES_PER_RUN = 1_000_000;
/** Most series in a line or scatter chart (more would not be told apart). */
export const MAX_SERIES = 10;
/** Most columns in a table figure. */
export const MAX_COLUMNS = 20;
/** Most lanes (nodes) in a sequence diagram. */
export const MAX_LANES = 20;
/** Most rows the accessible data table beside a figure shows; more are sampled or binned. */
export const MAX_TABLE_ROWS = 50;
