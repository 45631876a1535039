/**
 * The names an entry's MDX may use for Daybook's components (entry-components.ts maps each to
 * one). MDX's static optimisation (astro.config.mjs) writes every other element of an entry as
 * HTML ahead of time, and leaves these as components, so that the page renders them.
 */
export const ENTRY_COMPONENT_NAMES = ["DaybookInput"] as const;

export type EntryComponentName = (typeof ENTRY_COMPONENT_NAMES)[number];
