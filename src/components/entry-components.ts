import SnippetInput from "./SnippetInput.astro";
import type { EntryComponentName } from "./entry-component-names.ts";

/**
 * Components an entry's MDX may name: only what Daybook's own plugins write (entries cannot
 * import). Pass them wherever an entry's `Content` is rendered (its page, the feed). Each name is
 * one of ENTRY_COMPONENT_NAMES, which MDX's static optimisation leaves alone.
 */
export const ENTRY_COMPONENTS: Record<EntryComponentName, unknown> = { DaybookInput: SnippetInput };
