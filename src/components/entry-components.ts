import SnippetInput from "./SnippetInput.astro";

/**
 * Components an entry's MDX may name: only what Daybook's own plugins write (entries cannot
 * import). Pass them wherever an entry's `Content` is rendered (its page, the feed).
 */
export const ENTRY_COMPONENTS = { DaybookInput: SnippetInput };
